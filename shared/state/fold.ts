import type { Op } from '../ops/envelope.ts';
import { docRefOf, reduceDoc, type Doc } from './docs.ts';

/** State is a pure fold over ops: any order, any duplicates, the same docs (DESIGN.md §2). */
export function foldOps(ops: Iterable<Op>, into: Map<string, Doc> = new Map()): Map<string, Doc> {
  for (const op of ops) {
    const ref = docRefOf(op);
    const id = `${ref.table}:${ref.key}`;
    into.set(id, reduceDoc(into.get(id), op));
  }
  return into;
}
