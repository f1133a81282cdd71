import type { ActionRow, ChecklistRow, EntryRow, ExerciseRow, IncidentRow, PostmortemRow, SettingRow } from './database.ts';

/**
 * Rows changed by a transaction that has committed. Views that hold large in-memory models
 * (a 100k-entry timeline) apply these instead of re-reading the table after every keystroke.
 */
export interface CommittedChange {
  incidents: readonly IncidentRow[];
  entries: readonly EntryRow[];
  settings: readonly SettingRow[];
  checklists: readonly ChecklistRow[];
  postmortems: readonly PostmortemRow[];
  actions: readonly ActionRow[];
  exercises: readonly ExerciseRow[];
}

export const NO_CHANGE: CommittedChange = { incidents: [], entries: [], settings: [], checklists: [], postmortems: [], actions: [], exercises: [] };

type Listener = (change: CommittedChange) => void;
type LocalListener = () => void;

/**
 * Who hears about one database's commits. Each database owns its own, so two open databases
 * (a test's, a restore's fresh copy) never hear each other's changes.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private readonly localListeners = new Set<LocalListener>();

  onCommitted(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call only after the transaction has resolved: listeners may show the rows as saved. */
  emitCommitted(change: CommittedChange): void {
    if (Object.values(change).every((rows: readonly unknown[]) => rows.length === 0)) return;
    for (const listener of this.listeners) listener(change);
  }

  /** This laptop wrote new ops of its own (not received ones): something for sync to send. */
  onLocalOps(listener: LocalListener): () => void {
    this.localListeners.add(listener);
    return () => this.localListeners.delete(listener);
  }

  emitLocalOps(): void {
    for (const listener of this.localListeners) listener();
  }
}
