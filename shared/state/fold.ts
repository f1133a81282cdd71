import type { OpEnvelope } from '../ops/envelope.ts';
import { docId, type DocBase, type Registry } from './registry.ts';

/** State is a pure fold over ops: any order, any duplicates, the same docs (docs/architecture.md#data-path). */
export function foldOpsWith(registry: Registry, ops: Iterable<OpEnvelope>, into: Map<string, DocBase> = new Map()): Map<string, DocBase> {
  for (const op of ops) {
    const id = docId(registry.refOf(op));
    into.set(id, registry.reduce(into.get(id), op));
  }
  return into;
}
