import type { ImportSummary, SettingChange } from '../../../shared/backup/importSummary.ts';
import { Modal } from '../../ui/Modal.tsx';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Most lists are short; a crafted file may name thousands of things, and the count still says so. */
const SHOWN = 20;

function Listed<T>({ label, items, render }: { label: string; items: readonly T[]; render(item: T): string }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{label}</h3>
      <ul aria-label={label}>
        {items.slice(0, SHOWN).map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
        {items.length > SHOWN && <li>{`… and ${items.length - SHOWN} more`}</li>}
      </ul>
    </>
  );
}

function setting(change: SettingChange): string {
  const what = change.id === null ? change.kind : `${change.kind} “${change.id}”`;
  return `${change.change === 'replaces' ? 'Replaces' : change.change === 'removes' ? 'Removes' : 'Adds'} the ${what}`;
}

/**
 * "Import this file?": what a .warroom file would change, before anything is written. Ops are
 * never deleted, so this is the last moment to say no. Cancel has focus first: Enter alone never imports.
 */
export function ImportConfirm({ name, summary, onImport, onCancel }: { name: string; summary: ImportSummary; onImport(): void; onCancel(): void }) {
  const replacing = summary.settings.filter((change) => change.change !== 'adds');
  return (
    <Modal title="Import this file?" onClose={onCancel} wide>
      <p>
        {`${name}: ${plural(summary.total, 'op')}, ${summary.alreadyHere} already here. Importing adds ${plural(summary.adding, 'op')} for good: ops are never deleted, and they go out with the next backup and sync.`}
      </p>
      {replacing.length > 0 && (
        <p className="error">{`This import would replace team settings for everyone: ${replacing.map((change) => (change.id === null ? change.kind : `${change.kind} “${change.id}”`)).join(', ')}.`}</p>
      )}
      {summary.refused.length > 0 && (
        <p className="error">{`${plural(summary.refused.length, 'op')} will be refused, not imported: ${summary.refused[0]!.reason}.`}</p>
      )}
      <Listed label="Refused ops" items={summary.refused} render={(item) => `${item.id} (hash ${item.hash.slice(0, 12)}…)`} />
      <Listed label="Team settings" items={summary.settings} render={setting} />
      <Listed label="Incidents" items={summary.incidents} render={(item) => `${item.title === null ? item.id : `“${item.title}” (${item.id})`}: ${plural(item.ops, 'op')}`} />
      <Listed label="From devices" items={summary.devices} render={(item) => `${item.id}: ${plural(item.ops, 'op')}, by ${item.actors.join(', ')}`} />
      <Listed label="People named as authors" items={summary.actors} render={(item) => `${item.name}: ${plural(item.ops, 'op')}`} />
      <div className="actions">
        <button type="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onImport}>
          Import
        </button>
      </div>
    </Modal>
  );
}
