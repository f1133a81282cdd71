import { registry, type RowOf, type TableName } from '../../shared/entities/index.ts';

/**
 * Rows changed by a transaction that has committed, per materialized table. Views that hold
 * large in-memory models (a 100k-entry timeline) apply these instead of re-reading the table
 * after every keystroke.
 */
export type CommittedChange = { readonly [T in TableName]: readonly RowOf<T>[] };

/** A change with no rows in any table. */
export function noChange(): CommittedChange {
  return Object.fromEntries(registry.tables.map((table) => [table, []])) as unknown as CommittedChange;
}

export const NO_CHANGE: CommittedChange = noChange();

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
