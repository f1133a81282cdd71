/**
 * A last-writer-wins register that forgets nothing (docs/architecture.md#data-path): every value ever written,
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

/** One register per field of a record, so two people changing different fields both win. */
export type Registers<F> = { [K in keyof F]?: Register<F[K]> };

/** Write every given field of `values` into its own register. */
export function writeFields<F extends object>(registers: Registers<F>, values: Partial<F>, stamp: Stamp): Registers<F> {
  const next: Registers<F> = { ...registers };
  for (const name of Object.keys(values) as (keyof F)[]) {
    const value = values[name];
    if (value === undefined) continue;
    next[name] = insertSorted(registers[name], { ...stamp, value: value as F[keyof F] }) as Register<F[keyof F]>;
  }
  return next;
}

/** The latest stamp over every register of a record: its "last updated". */
export function latestHlc(since: string, registers: Iterable<Register<unknown> | undefined>): string {
  let latest = since;
  for (const register of registers) {
    const last = register?.[register.length - 1];
    if (last && last.hlc > latest) latest = last.hlc;
  }
  return latest;
}
