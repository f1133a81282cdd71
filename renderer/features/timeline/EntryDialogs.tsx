import { useState, type FormEvent } from 'react';
import type { EntryFields, EntryKind } from '../../../shared/domain/entry.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import { hlcToIso } from '../../../shared/ops/hlc.ts';
import type { EntryView } from '../../../shared/entities/index.ts';
import { parseEntryInput } from '../../../shared/timeline/entryInput.ts';
import { hostOffsetMinutes, utcOffset } from '../../../shared/timeline/localTime.ts';
import { formatClock } from '../../../shared/timeline/timeFormat.ts';
import { commit } from '../../db/commit.ts';
import { getEntryDoc } from '../../db/queries.ts';
import { Modal } from '../../ui/Modal.tsx';
import { KIND_LOOK, KindOptions } from './KindBadge.tsx';
import { CloseAction, DialogActions, Field, FormError } from '../../ui/FormBits.tsx';
import { attempt, errorMessage } from '../../ui/errors.ts';
import { useDatabase } from '../../db/DatabaseProvider.tsx';
import { useLiveRows } from '../../db/hooks.ts';

function message(failure: unknown): string {
  if (failure && typeof failure === 'object' && 'issues' in failure) return describeZodError(failure as Parameters<typeof describeZodError>[0]);
  return errorMessage(failure);
}

const clockOptions = (utc: boolean) => ({ utc, offsetMinutes: utc ? utcOffset : hostOffsetMinutes, withDate: true, withSeconds: true });

/** Edit text, kind or event time; the previous version stays in the entry's history. */
export function EditEntryDialog({ entry, actor, onClose }: { entry: EntryView; actor: string; onClose(): void }) {
  const db = useDatabase();
  const [text, setText] = useState(entry.text);
  const [kind, setKind] = useState<EntryKind>(entry.kind);
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const now = Date.now();
    const parsed = parseEntryInput(`${time.trim() ? `@${time.trim().replace(/^@/, '')} ` : ''}${text}`, { now, startedAt: Date.parse(entry.eventAt), offsetMinutes: hostOffsetMinutes });
    if (!parsed.ok) return setError(parsed.error);
    const fields: Partial<EntryFields> = {};
    if (parsed.value.text !== entry.text) {
      fields.text = parsed.value.text;
      fields.tags = parsed.value.tags;
    }
    if (kind !== entry.kind) fields.kind = kind;
    if (parsed.value.eventAt !== null && new Date(parsed.value.eventAt).toISOString() !== entry.eventAt) fields.eventAt = new Date(parsed.value.eventAt).toISOString();
    if (Object.keys(fields).length === 0) return onClose();
    if (await attempt(() => commit(db, { actor, incident: entry.incident, kind: 'entry.edit', data: { entry: entry.id, fields } }), setError, 'Not saved', message)) onClose();
  }

  return (
    <Modal title="Edit entry" onClose={onClose}>
      <form onSubmit={(e) => void save(e)}>
        <label htmlFor="edit-text">Text</label>
        <textarea id="edit-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} data-autofocus />
        <div className="row">
          <Field id="edit-kind" label="Kind">
            <select id="edit-kind" value={kind} onChange={(e) => setKind(e.target.value as EntryKind)}>
              <KindOptions />
            </select>
          </Field>
          <Field id="edit-time" label="Event time">
            <input id="edit-time" value={time} onChange={(e) => setTime(e.target.value)} placeholder={formatClock(entry.eventAt, { ...clockOptions(false), withSeconds: false })} aria-describedby="edit-time-hint" />
            <p id="edit-time-hint" className="hint">
              Leave empty to keep. HH:MM, YYYY-MM-DD HH:MM or -15m, local time.
            </p>
          </Field>
        </div>
        <FormError message={error} />
        <DialogActions onCancel={onClose} submitLabel="Save" />
      </form>
    </Modal>
  );
}

/** Strike through: the entry stays, visibly struck, with who, when and why. */
export function StrikeEntryDialog({ entry, actor, onClose }: { entry: EntryView; actor: string; onClose(): void }) {
  const db = useDatabase();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function strike(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') return setError('Say why it is struck: the timeline is evidence.');
    if (await attempt(() => commit(db, { actor, incident: entry.incident, kind: 'entry.strike', data: { entry: entry.id, reason: reason.trim() } }), setError, 'Not saved', message)) onClose();
  }
  return (
    <Modal title="Strike entry" onClose={onClose}>
      <form onSubmit={(e) => void strike(e)}>
        <blockquote className="quoted">{entry.text}</blockquote>
        <p>A struck entry is never deleted: it stays in the timeline, crossed out, with your name and reason.</p>
        <label htmlFor="strike-reason">Reason</label>
        <input id="strike-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-autofocus />
        <FormError message={error} />
        <DialogActions onCancel={onClose} submitLabel="Strike" />
      </form>
    </Modal>
  );
}

const FIELD_LABELS: Record<keyof EntryFields, string> = { text: 'Text', kind: 'Kind', eventAt: 'Event time', pinned: 'Pinned', tags: 'Tags' };

function showValue(field: keyof EntryFields, value: unknown, utc: boolean): string {
  if (field === 'eventAt') return formatClock(String(value), clockOptions(utc));
  if (field === 'pinned') return value ? 'yes' : 'no';
  if (field === 'tags') return (value as string[]).map((t) => `#${t}`).join(' ') || '(none)';
  if (field === 'kind') return KIND_LOOK[value as EntryKind]?.label ?? String(value);
  return String(value);
}

/** Every version of every field, oldest first, with who changed it and when. */
export function EntryHistoryDialog({ entry, utc, onClose }: { entry: EntryView; utc: boolean; onClose(): void }) {
  const doc = useLiveRows((db) => getEntryDoc(db, entry.incident, entry.id), [entry.incident, entry.id]);
  return (
    <Modal title="Entry history" onClose={onClose} wide>
      {doc === undefined ? (
        <p aria-busy="true">Loading…</p>
      ) : doc === null ? (
        <p>This entry is not on this laptop.</p>
      ) : (
        <>
          <p>
            Recorded by {entry.author} at {formatClock(entry.recordedAt, clockOptions(utc))}.
            {doc.strikes.map((s) => ` Struck by ${s.actor} at ${formatClock(hlcToIso(s.hlc), clockOptions(utc))}: ${s.reason}.`)}
          </p>
          {(Object.keys(FIELD_LABELS) as (keyof EntryFields)[])
            .filter((field) => (doc.fields[field]?.length ?? 0) > 0)
            .map((field) => {
              const versions = doc.fields[field]!;
              return (
                <section key={field} aria-label={`${FIELD_LABELS[field]} versions`}>
                  <h3>
                    {FIELD_LABELS[field]} ({versions.length} version{versions.length === 1 ? '' : 's'})
                  </h3>
                  <ol className="versions">
                    {versions.map((version, i) => (
                      <li key={version.hash}>
                        <span className="version-meta">
                          {i === versions.length - 1 ? 'Current · ' : ''}
                          {version.actor}, {formatClock(hlcToIso(version.hlc), clockOptions(utc))}
                        </span>
                        <span className="version-value">{showValue(field, version.value, utc)}</span>
                      </li>
                    ))}
                  </ol>
                </section>
              );
            })}
        </>
      )}
      <CloseAction onClose={onClose} />
    </Modal>
  );
}
