import type { Table } from 'dexie';
import { docRefOf, reduceDoc, registry, rowOf, type Doc, type MaterializedRow, type Op, type TableName } from '../../shared/entities/index.ts';
import { docId, type DocRef } from '../../shared/state/registry.ts';
import { noChange, type CommittedChange } from './changes.ts';
import type { WarRoomDb } from './database.ts';

/** Every table folded from `ops`: what a rebuild clears and refills. */
export const MATERIALIZED_TABLES = (db: WarRoomDb) => db.materializedTables();

/** The stored docs these refs name, by `table:key` (absent ones simply missing). */
export async function loadDocs(db: WarRoomDb, refs: Iterable<DocRef>): Promise<Map<string, Doc>> {
  const keys = new Map<string, Set<string>>();
  for (const ref of refs) {
    const inTable = keys.get(ref.table) ?? new Set<string>();
    inTable.add(ref.key);
    keys.set(ref.table, inTable);
  }
  const stored = await Promise.all([...keys].map(([table, inTable]) => (db.materialized(table as TableName) as Table<MaterializedRow, string>).bulkGet([...inTable])));
  const docs = new Map<string, Doc>();
  for (const row of stored.flat()) if (row) docs.set(docId(row.doc), row.doc);
  return docs;
}

/** Fold ops into loaded docs; returns the rows to write (only the docs the ops touched). */
export function foldIntoRows(docs: Map<string, Doc>, ops: readonly Op[]): CommittedChange {
  const touched = new Set<string>();
  for (const op of ops) {
    const id = docId(docRefOf(op));
    docs.set(id, reduceDoc(docs.get(id), op));
    touched.add(id);
  }
  return splitRows([...touched].map((id) => rowOf(docs.get(id)!)));
}

/** Issue every write at once: inside one transaction they apply in order, in one round trip. */
export function writeRows(db: WarRoomDb, change: CommittedChange): Promise<unknown> {
  return Promise.all(registry.tables.map((table) => (change[table].length > 0 ? (db.materialized(table) as Table<MaterializedRow, string>).bulkPut([...change[table]]) : null)));
}

/**
 * Fold ops into the materialized tables. Call inside a transaction that also writes the ops,
 * so an op and its effect are durable together or not at all.
 */
export async function materialize(db: WarRoomDb, ops: readonly Op[]): Promise<CommittedChange> {
  const docs = await loadDocs(db, ops.map(docRefOf));
  const change = foldIntoRows(docs, ops);
  await writeRows(db, change);
  return change;
}

/** Sort rows into their tables by the table their doc names. */
export function splitRows(rows: readonly MaterializedRow[]): CommittedChange {
  const change = noChange() as Record<TableName, MaterializedRow[]>;
  for (const row of rows) change[row.doc.table].push(row);
  return change as unknown as CommittedChange;
}
