/**
 * A last-writer-wins register that forgets nothing (DESIGN.md §2): every value ever written,
 * ordered by (hlc, hash). The last is current; the others are history and, when concurrent,
 * restorable conflicts. Ordering by content keeps the merge commutative, associative and
 * idempotent, even for two different ops that share an id (a forked device).
 */
export interface Stamp {
  hlc: string;
  hash: string;
  opId: string;
  actor: string;
}

export interface Version<T> extends Stamp {
  value: T;
}

export type Register<T> = readonly Version<T>[];

export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.hash !== b.hash) return a.hash < b.hash ? -1 : 1;
  return 0;
}

/** Insert a stamped item into a (hlc, hash)-sorted list; an item already there is a no-op. */
export function insertSorted<T extends Stamp>(list: readonly T[] | undefined, item: T): readonly T[] {
  const items = list ?? [];
  let index = items.length;
  while (index > 0 && compareStamps(items[index - 1]!, item) > 0) index -= 1;
  if (index > 0 && compareStamps(items[index - 1]!, item) === 0) return items;
  return [...items.slice(0, index), item, ...items.slice(index)];
}

export function currentValue<T>(register: Register<T> | undefined): T | undefined {
  return register && register.length > 0 ? register[register.length - 1]!.value : undefined;
}

export function stampOf(op: { hlc: string; hash: string; id: string; actor: string }): Stamp {
  return { hlc: op.hlc, hash: op.hash, opId: op.id, actor: op.actor };
}
