import type { Op } from '../../shared/ops/envelope.ts';
import { docRefOf, entryView, incidentView, reduceDoc, type Doc } from '../../shared/state/docs.ts';
import type { CommittedChange } from './changes.ts';
import type { EntryRow, IncidentRow, WarRoomDb } from './database.ts';

export function rowOf(doc: Doc): IncidentRow | EntryRow {
  if (doc.table === 'incidents') {
    const view = incidentView(doc);
    return { key: doc.key, live: view ? 1 : 0, doc, view };
  }
  const view = entryView(doc);
  return { key: doc.key, incident: doc.incident, order: view ? `${view.eventAt}|${view.hlc}` : '', doc, view };
}

/**
 * Fold ops into the materialized tables. Call inside a transaction that also writes the ops,
 * so an op and its effect are durable together or not at all.
 */
export async function materialize(db: WarRoomDb, ops: readonly Op[]): Promise<CommittedChange> {
  const incidentKeys = new Set<string>();
  const entryKeys = new Set<string>();
  for (const op of ops) {
    const ref = docRefOf(op);
    (ref.table === 'incidents' ? incidentKeys : entryKeys).add(ref.key);
  }
  const docs = new Map<string, Doc>();
  const [incidents, entries] = await Promise.all([db.incidents.bulkGet([...incidentKeys]), db.entries.bulkGet([...entryKeys])]);
  for (const row of [...incidents, ...entries]) if (row) docs.set(`${row.doc.table}:${row.key}`, row.doc);
  for (const op of ops) {
    const ref = docRefOf(op);
    const id = `${ref.table}:${ref.key}`;
    docs.set(id, reduceDoc(docs.get(id), op));
  }
  const rows = [...docs.values()].map(rowOf);
  const change = {
    incidents: rows.filter((row): row is IncidentRow => row.doc.table === 'incidents'),
    entries: rows.filter((row): row is EntryRow => row.doc.table === 'entries'),
  };
  if (change.incidents.length > 0) await db.incidents.bulkPut(change.incidents);
  if (change.entries.length > 0) await db.entries.bulkPut(change.entries);
  return change;
}
