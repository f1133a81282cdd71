import { LineErrors, type Problem } from '../../ui/LineErrors.tsx';
import { TextFileInput } from '../../ui/TextFileInput.tsx';
import { KeptEditNotice } from '../drafts/keptEdit.tsx';
import type { LibraryEntry } from './sourceLibrary.ts';
import type { ImportResult, Library } from './useLibrary.ts';

/** A button on a library item: its visible label, and the accessible name that says which item. */
export interface ItemAction {
  label: string;
  name: string;
  onClick(): void;
  primary?: boolean;
}

export interface LibraryListProps<T, E> {
  library: Library<E>;
  items: readonly T[];
  /** The list's accessible name ("Runbook library") and its class. */
  label: string;
  className: string;
  id(item: NoInfer<T>): string;
  title(item: NoInfer<T>): string;
  builtIn(item: NoInfer<T>): boolean;
  /** Whether the team's own items say "Team" (beside the built-ins' "Built in"). */
  teamTag?: boolean;
  summary(item: T): string;
  /** What Edit opens for an item. */
  editOf(item: T): E;
  /** Buttons before Edit (Start exercise) and after it (the exports). */
  leadingActions?(item: T): ItemAction[];
  exports?(item: T): ItemAction[];
  onRemove(item: T): void;
  /** What the kept edit was about: "the runbook “Queue backlog”". */
  keptWhat(kept: E): string;
  newLabel: string;
  newItem: E;
  /** The import button, when the library imports files: what it says, what it takes, how a file is saved. */
  importer?: { label: string; inputLabel?: string; accept: string; save(text: string): Promise<ImportResult>; refused?: string };
  /** How a problem in an imported file reads (by default "Line 7: …"). */
  problem?(e: Problem): string;
}

/** The id, title and badge of a source library's entries (runbooks, scenarios), to spread into a LibraryList. */
export const entryFields = {
  id: (entry: LibraryEntry<{ id: string }>) => entry.item.id,
  title: (entry: LibraryEntry<{ title: string }>) => entry.item.title,
  builtIn: (entry: LibraryEntry<unknown>) => entry.builtIn,
};

function ActionButton({ action }: { action: ItemAction }) {
  return (
    <button type="button" className={action.primary ? 'primary' : undefined} onClick={action.onClick} aria-label={action.name}>
      {action.label}
    </button>
  );
}

/**
 * A library of built-ins and the team's own (runbooks, scenarios, post-mortem templates): the kept
 * unsaved edit, the items with their badge and buttons, New and Import, and what the last action did.
 */
export function LibraryList<T, E>(props: LibraryListProps<T, E>) {
  const { library, items, importer } = props;
  const kept = library.kept.kept;
  return (
    <>
      {kept && <KeptEditNotice what={props.keptWhat(kept)} onResume={() => library.open(kept)} onDiscard={() => void library.kept.discard()} />}
      <ul className={props.className} aria-label={props.label}>
        {items.map((item) => {
          const title = props.title(item);
          const builtIn = props.builtIn(item);
          return (
            <li key={props.id(item)}>
              <div>
                <strong>{title}</strong> {builtIn ? <span className="tag">Built in</span> : props.teamTag && <span className="tag">Team</span>}
              </div>
              <div className="sub">{props.summary(item)}</div>
              <div className="actions">
                {props.leadingActions?.(item).map((action) => <ActionButton key={action.name} action={action} />)}
                <ActionButton action={{ label: 'Edit', name: `Edit ${title}`, onClick: () => library.open(props.editOf(item)) }} />
                {props.exports?.(item).map((action) => <ActionButton key={action.name} action={action} />)}
                {!builtIn && <ActionButton action={{ label: 'Remove', name: `Remove ${title}`, onClick: () => props.onRemove(item) }} />}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => library.open(props.newItem)}>
          {props.newLabel}
        </button>
        {importer && (
          <TextFileInput label={importer.label} inputLabel={importer.inputLabel} accept={importer.accept} onText={(file) => library.importFile(file, importer.save, importer.refused)} onError={library.setStatus} />
        )}
      </div>
      {library.status && <p role="status">{library.status}</p>}
      {library.importErrors.length > 0 && <LineErrors label="Problems in the imported file" errors={library.importErrors} format={props.problem} />}
    </>
  );
}
