import type { Op } from '../../shared/ops/envelope.ts';
import { exerciseView } from '../../shared/exercises/exerciseView.ts';
import { actionView, checklistView, docRefOf, entryView, incidentView, postmortemView, reduceDoc, type Doc, type DocRef } from '../../shared/state/docs.ts';
import type { CommittedChange } from './changes.ts';
import type { ActionRow, ChecklistRow, EntryRow, ExerciseRow, IncidentRow, PostmortemRow, SettingRow, WarRoomDb } from './database.ts';

export type MaterializedRow = IncidentRow | EntryRow | SettingRow | ChecklistRow | PostmortemRow | ActionRow | ExerciseRow;

export function rowOf(doc: Doc): MaterializedRow {
  if (doc.table === 'settings') return { key: doc.key, doc };
  if (doc.table === 'checklists') return { key: doc.key, incident: doc.incident, doc, view: checklistView(doc) };
  if (doc.table === 'exercises') return { key: doc.key, incident: doc.incident, doc, view: exerciseView(doc) };
  if (doc.table === 'postmortems') return { key: doc.key, incident: doc.incident, doc, view: postmortemView(doc) };
  if (doc.table === 'actions') {
    const view = actionView(doc);
    return { key: doc.key, incident: doc.incident, status: view?.status ?? '', doc, view };
  }
  if (doc.table === 'incidents') {
    const view = incidentView(doc);
    return { key: doc.key, live: view ? 1 : 0, doc, view };
  }
  const view = entryView(doc);
  return { key: doc.key, incident: doc.incident, order: view ? `${view.eventAt}|${view.hlc}` : '', doc, view };
}

type DocTable = Doc['table'];

/** Every table folded from `ops`: what a rebuild clears and refills. */
export const MATERIALIZED_TABLES = (db: WarRoomDb) => [db.incidents, db.entries, db.settings, db.checklists, db.postmortems, db.actions, db.exercises];
const docId = (ref: DocRef) => `${ref.table}:${ref.key}`;

/** The stored docs these refs name, by `table:key` (absent ones simply missing). */
export async function loadDocs(db: WarRoomDb, refs: Iterable<DocRef>): Promise<Map<string, Doc>> {
  const keys: Record<DocTable, Set<string>> = {
    incidents: new Set(),
    entries: new Set(),
    settings: new Set(),
    checklists: new Set(),
    postmortems: new Set(),
    actions: new Set(),
    exercises: new Set(),
  };
  for (const ref of refs) keys[ref.table].add(ref.key);
  const tables = (Object.keys(keys) as DocTable[]).filter((table) => keys[table].size > 0);
  const stored = await Promise.all(tables.map((table) => db[table].bulkGet([...keys[table]])));
  const docs = new Map<string, Doc>();
  for (const row of stored.flat()) if (row) docs.set(`${row.doc.table}:${row.key}`, row.doc);
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
  return Promise.all([
    change.incidents.length > 0 ? db.incidents.bulkPut(change.incidents) : null,
    change.entries.length > 0 ? db.entries.bulkPut(change.entries) : null,
    change.settings.length > 0 ? db.settings.bulkPut(change.settings) : null,
    change.checklists.length > 0 ? db.checklists.bulkPut(change.checklists) : null,
    change.postmortems.length > 0 ? db.postmortems.bulkPut(change.postmortems) : null,
    change.actions.length > 0 ? db.actions.bulkPut(change.actions) : null,
    change.exercises.length > 0 ? db.exercises.bulkPut(change.exercises) : null,
  ]);
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

export function splitRows(rows: readonly MaterializedRow[]): CommittedChange {
  return {
    incidents: rows.filter((row): row is IncidentRow => row.doc.table === 'incidents'),
    entries: rows.filter((row): row is EntryRow => row.doc.table === 'entries'),
    settings: rows.filter((row): row is SettingRow => row.doc.table === 'settings'),
    checklists: rows.filter((row): row is ChecklistRow => row.doc.table === 'checklists'),
    postmortems: rows.filter((row): row is PostmortemRow => row.doc.table === 'postmortems'),
    actions: rows.filter((row): row is ActionRow => row.doc.table === 'actions'),
    exercises: rows.filter((row): row is ExerciseRow => row.doc.table === 'exercises'),
  };
}
