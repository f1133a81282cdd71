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
const listeners = new Set<Listener>();

export function onCommitted(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call only after the transaction has resolved: listeners may show the rows as saved. */
export function emitCommitted(change: CommittedChange): void {
  if (Object.values(change).every((rows: readonly unknown[]) => rows.length === 0)) return;
  for (const listener of listeners) listener(change);
}

type LocalListener = () => void;
const localListeners = new Set<LocalListener>();

/** This laptop wrote new ops of its own (not received ones): something for sync to send. */
export function onLocalOps(listener: LocalListener): () => void {
  localListeners.add(listener);
  return () => localListeners.delete(listener);
}

export function emitLocalOps(): void {
  for (const listener of localListeners) listener();
}
