import type { Op } from '../../shared/ops/envelope.ts';
import { docRefOf, entryView, incidentView, reduceDoc, type Doc } from '../../shared/state/docs.ts';
import type { CommittedChange } from './changes.ts';
import type { EntryRow, IncidentRow, SettingRow, WarRoomDb } from './database.ts';

export function rowOf(doc: Doc): IncidentRow | EntryRow | SettingRow {
  if (doc.table === 'settings') return { key: doc.key, doc };
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
  const keys = { incidents: new Set<string>(), entries: new Set<string>(), settings: new Set<string>() };
  for (const op of ops) {
    const ref = docRefOf(op);
    keys[ref.table].add(ref.key);
  }
  const docs = new Map<string, Doc>();
  const stored = await Promise.all(
    (Object.keys(keys) as (keyof typeof keys)[]).filter((table) => keys[table].size > 0).map((table) => db[table].bulkGet([...keys[table]])),
  );
  for (const row of stored.flat()) if (row) docs.set(`${row.doc.table}:${row.key}`, row.doc);
  for (const op of ops) {
    const ref = docRefOf(op);
    const id = `${ref.table}:${ref.key}`;
    docs.set(id, reduceDoc(docs.get(id), op));
  }
  const change = splitRows([...docs.values()].map(rowOf));
  if (change.incidents.length > 0) await db.incidents.bulkPut(change.incidents);
  if (change.entries.length > 0) await db.entries.bulkPut(change.entries);
  if (change.settings.length > 0) await db.settings.bulkPut(change.settings);
  return change;
}

export function splitRows(rows: readonly (IncidentRow | EntryRow | SettingRow)[]): CommittedChange {
  return {
    incidents: rows.filter((row): row is IncidentRow => row.doc.table === 'incidents'),
    entries: rows.filter((row): row is EntryRow => row.doc.table === 'entries'),
    settings: rows.filter((row): row is SettingRow => row.doc.table === 'settings'),
  };
}
