import type { TeamTemplateSource } from '../../shared/comms/templateSource.ts';
import type { CustomTemplateSource } from '../../shared/postmortem/library.ts';
import { DEFAULT_ACTION_PRIORITIES } from '../../shared/domain/actionItems.ts';
import { DEFAULT_PHASE_NAMES, type PhaseNames } from '../../shared/domain/phaseNames.ts';
import { P0_P3_SCHEME, severityRank, type SeverityScheme } from '../../shared/domain/severity.ts';
import { isOpenStatus } from '../../shared/domain/incident.ts';
import { compareStamps } from '../../shared/state/register.ts';
import { entryKey, entryTagKey, type ActionView, type ChecklistView, type EntryDoc, type EntryView, type IncidentView, type PostmortemView, type IncidentRow } from '../../shared/entities/index.ts';
import type { ExerciseView } from '../../shared/exercises/exerciseView.ts';
import type { WarRoomDb } from './database.ts';

/** Declared incidents, most severe first, then oldest first. */
export async function listIncidents(db: WarRoomDb): Promise<IncidentView[]> {
  const rows = await db.incidents.where('live').equals(1).toArray();
  return rows
    .map((row) => row.view!)
    .sort((a, b) => severityRank(a.severity, P0_P3_SCHEME) - severityRank(b.severity, P0_P3_SCHEME) || a.declaredAt.localeCompare(b.declaredAt) || a.id.localeCompare(b.id));
}

/** Whether any declared incident is still open (neither resolved nor closed). */
export async function hasOpenIncident(db: WarRoomDb): Promise<boolean> {
  const open = await db.incidents
    .where('live')
    .equals(1)
    .filter((row) => row.view !== null && isOpenStatus(row.view.status))
    .first();
  return open !== undefined;
}

/** Every readable id on this laptop (its own and synced ones): what the next one is numbered after. */
export async function knownIncidentRefs(db: WarRoomDb): Promise<(string | null)[]> {
  const rows = await db.incidents.where('live').equals(1).toArray();
  return rows.map((row) => row.view?.ref ?? null);
}

export async function getIncident(db: WarRoomDb, id: string): Promise<IncidentView | null> {
  return (await db.incidents.get(id))?.view ?? null;
}

/** The stored incident with its merged doc (what exercise scoring reads its history from). */
export async function getIncidentRow(db: WarRoomDb, id: string): Promise<IncidentRow | null> {
  return (await db.incidents.get(id)) ?? null;
}

/** An incident's timeline in event order. */
export async function listEntries(db: WarRoomDb, incident: string): Promise<EntryView[]> {
  const rows = await db.entries.where('[incident+order]').between([incident, '0'], [incident, '\uffff']).toArray();
  return rows.map((row) => row.view!);
}

/**
 * The first view of a long timeline, read in one transaction so the two agree: the latest `limit`
 * entries in event order, and how many entries the incident has in all (an index count: no row is read).
 */
export async function readTimelineTail(db: WarRoomDb, incident: string, limit: number): Promise<{ tail: EntryView[]; total: number }> {
  return db.transaction('r', db.entries, async () => {
    const range = db.entries.where('[incident+order]').between([incident, '0'], [incident, '\uffff']);
    const [rows, total] = await Promise.all([range.clone().reverse().limit(limit).toArray(), range.count()]);
    return { tail: rows.reverse().map((row) => row.view!), total };
  });
}

/**
 * Up to `limit` entries in event order after `after` (exclusive; null: from the first) and before
 * `before` (exclusive): how the rest of a long timeline is read, one chunk at a time.
 */
export async function readTimelineChunk(db: WarRoomDb, incident: string, after: string | null, before: string, limit: number): Promise<EntryView[]> {
  const rows = await db.entries
    .where('[incident+order]')
    .between([incident, after ?? '0'], [incident, before], after === null, false)
    .limit(limit)
    .toArray();
  return rows.map((row) => row.view!);
}

/** An incident's posted status updates (what numbers the next one), in event order, read by their tag. */
export async function listStatusUpdates(db: WarRoomDb, incident: string): Promise<EntryView[]> {
  return taggedEntries(db, incident, 'status-update');
}

/** An incident's entries carrying `tag` (struck ones too), in event order: one index read, however long the timeline. */
export async function taggedEntries(db: WarRoomDb, incident: string, tag: string): Promise<EntryView[]> {
  const rows = await db.entries.where('tagKeys').equals(entryTagKey(incident, tag)).toArray();
  return rows
    .filter((row) => row.view !== null)
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((row) => row.view!);
}

/** An incident's checklist runs that have started, in the order they were started (hlc, hash). */
export async function listChecklists(db: WarRoomDb, incident: string): Promise<ChecklistView[]> {
  const rows = await db.checklists.where('incident').equals(incident).toArray();
  return rows
    .filter((row) => row.view !== null && row.doc.started.length > 0)
    .sort((a, b) => compareStamps(a.doc.started[0]!, b.doc.started[0]!) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((row) => row.view!);
}

/** Every incident's checklist progress per phase (done + skipped of total), for the board. */
export async function checklistProgressByIncident(db: WarRoomDb): Promise<Map<string, Map<string, { done: number; total: number }>>> {
  const byIncident = new Map<string, Map<string, { done: number; total: number }>>();
  await db.checklists.each((row) => {
    if (!row.view) return;
    const phases = byIncident.get(row.incident) ?? new Map<string, { done: number; total: number }>();
    for (const p of row.view.progress) {
      const sum = phases.get(p.phase) ?? { done: 0, total: 0 };
      phases.set(p.phase, { done: sum.done + p.done + p.skipped, total: sum.total + p.total });
    }
    byIncident.set(row.incident, phases);
  });
  return byIncident;
}

/** An incident's post-mortem; null until anyone has written any of it. */
export async function getPostmortem(db: WarRoomDb, incident: string): Promise<PostmortemView | null> {
  return (await db.postmortems.get(incident))?.view ?? null;
}

/**
 * Created action items — of one incident, or of every incident when none is named — by due
 * date (undated last), then in the order they were created (hlc, hash).
 */
export async function listActions(db: WarRoomDb, incident?: string): Promise<ActionView[]> {
  const rows = incident === undefined ? await db.actions.toArray() : await db.actions.where('incident').equals(incident).toArray();
  return rows
    .filter((row) => row.view !== null && row.doc.created.length > 0)
    .sort((a, b) => {
      const [due, otherDue] = [a.view!.dueDate, b.view!.dueDate];
      if (due !== otherDue) return due === null ? 1 : otherDue === null ? -1 : due < otherDue ? -1 : 1;
      return compareStamps(a.doc.created[0]!, b.doc.created[0]!) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    })
    .map((row) => row.view!);
}

/** An incident's exercise; null when it is not one (or its start has not arrived). */
export async function getExercise(db: WarRoomDb, incident: string): Promise<ExerciseView | null> {
  return (await db.exercises.get(incident))?.view ?? null;
}

/** Every started exercise, by incident id. */
export async function listExercises(db: WarRoomDb): Promise<Map<string, ExerciseView>> {
  const rows = await db.exercises.toArray();
  return new Map(rows.flatMap((row) => (row.view ? [[row.incident, row.view] as const] : [])));
}

/** Each exercise's latest delivered inject, as its timeline text reads (the board shows it to the players). */
export async function latestInjects(db: WarRoomDb): Promise<Map<string, string>> {
  const latest = new Map<string, string>();
  await db.exercises.each((row) => {
    const last = row.view?.delivered.at(-1);
    if (last) latest.set(row.incident, `${last.inject.kind}: ${last.inject.text}`);
  });
  return latest;
}

/** The team's own runbooks (synced settings), as the Markdown people wrote. */
export async function listCustomRunbookSources(db: WarRoomDb): Promise<string[]> {
  const rows = await db.settings.where('key').startsWith('runbook:').toArray();
  return rows.flatMap((row) => {
    const source = row.doc.value[row.doc.value.length - 1]?.value;
    return typeof source === 'string' ? [source] : [];
  });
}

/** The team's own exercise scenarios (synced settings), as written. */
export async function listCustomScenarioSources(db: WarRoomDb): Promise<{ id: string; source: string }[]> {
  const rows = await db.settings.where('key').startsWith('scenario:').toArray();
  return rows.flatMap((row) => {
    const latest = row.doc.value[row.doc.value.length - 1]?.value as string | null | undefined;
    return latest ? [{ id: row.key.slice('scenario:'.length), source: latest }] : [];
  });
}

export async function getOperator(db: WarRoomDb): Promise<string | null> {
  const row = await db.meta.get('profile');
  return row?.key === 'profile' ? row.value.operator : null;
}

export async function setOperator(db: WarRoomDb, operator: string): Promise<void> {
  await db.meta.put({ key: 'profile', value: { operator: operator.trim() } });
}

/** Whether this timeline entry has been added (its add op is here, not just a later edit). */
export async function isEntryAdded(db: WarRoomDb, incident: string, entry: string): Promise<boolean> {
  return Boolean((await db.entries.get(entryKey(incident, entry)))?.view);
}

export async function getEntryDoc(db: WarRoomDb, incident: string, entry: string): Promise<EntryDoc | null> {
  return (await db.entries.get(entryKey(incident, entry)))?.doc ?? null;
}

/** The team's severity scheme (synced setting), or the default P0–P3 until one is chosen. */
export async function getSeverityScheme(db: WarRoomDb): Promise<SeverityScheme> {
  const row = await db.settings.get('severity-scheme');
  const doc = row?.doc.key === 'severity-scheme' ? row.doc : null;
  return doc?.value[doc.value.length - 1]?.value ?? P0_P3_SCHEME;
}

/** What the team calls each phase (synced setting), or the plans' names until renamed. */
export async function getPhaseNames(db: WarRoomDb): Promise<PhaseNames> {
  const row = await db.settings.get('phase-names');
  const doc = row?.doc.key === 'phase-names' ? row.doc : null;
  return doc?.value[doc.value.length - 1]?.value ?? DEFAULT_PHASE_NAMES;
}

/** The team's action-item priority scale (synced setting), or the plans' High, Medium, Low until set. */
export async function getActionPriorities(db: WarRoomDb): Promise<readonly string[]> {
  const row = await db.settings.get('action-priorities');
  const doc = row?.doc.key === 'action-priorities' ? row.doc : null;
  return doc?.value[doc.value.length - 1]?.value ?? DEFAULT_ACTION_PRIORITIES;
}

/** The team's own status templates and its edits of the built-ins (synced settings). */
export async function listTeamStatusTemplates(db: WarRoomDb): Promise<TeamTemplateSource[]> {
  const rows = await db.settings.where('key').startsWith('status-template:').toArray();
  return rows.flatMap((row) => {
    const latest = row.doc.value[row.doc.value.length - 1]?.value as { name: string; source: string } | null | undefined;
    return latest ? [{ id: row.key.slice('status-template:'.length), name: latest.name, source: latest.source }] : [];
  });
}

/** The team's own post-mortem templates (synced settings). */
export async function listCustomTemplates(db: WarRoomDb): Promise<CustomTemplateSource[]> {
  const rows = await db.settings.where('key').startsWith('postmortem-template:').toArray();
  return rows.flatMap((row) => {
    const latest = row.doc.value[row.doc.value.length - 1]?.value as { name: string; source: string } | null | undefined;
    return latest ? [{ id: row.key.slice('postmortem-template:'.length), name: latest.name, source: latest.source }] : [];
  });
}
