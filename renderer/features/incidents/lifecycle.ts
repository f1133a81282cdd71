import type { EntryKind } from '../../../shared/domain/entry.ts';
import { DEFAULT_PHASE_NAMES, phaseName, type PhaseNames } from '../../../shared/domain/phaseNames.ts';
import { SettableIncidentFields, type IncidentFields, type IncidentStatus, type Role } from '../../../shared/domain/incident.ts';
import { changedFacts, describeFactChanges, type Facts } from '../../../shared/domain/incidentFacts.ts';
import { statusUpdateTags, type StatusTemplateId } from '../../../shared/comms/statusTemplates.ts';
import { audienceTag, type PostedAudience } from '../../../shared/comms/audience.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import { severityMove } from '../../../shared/domain/severityChange.ts';
import type { OpIntent, IncidentView } from '../../../shared/entities/index.ts';
import { timelineLine } from '../../../shared/timeline/timelineLine.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commitAll } from '../../db/commit.ts';
import { newRecordId } from '../../db/device.ts';
import { capitalize } from '../../ui/format.ts';

/**
 * Every change a commander makes to an incident is also a line in its timeline, written in the
 * same transaction: the timeline is the record, so "who changed what, when" is never missing.
 */
export const ROLE_NAMES: Record<Role, string> = {
  'incident-commander': 'Incident commander',
  'technical-lead': 'Technical lead',
  'communications-lead': 'Communications lead',
  'operations-coordinator': 'Operations coordinator',
  scribe: 'Scribe',
  'security-lead': 'Security lead',
  'subject-matter-expert': 'Subject-matter expert',
};

const ROLE_SHORT: Partial<Record<Role, string>> = { 'incident-commander': 'IC' };

export const KEY_TIMES = ['onsetAt', 'detectedAt', 'declaredAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt', 'closedAt'] as const;
export type KeyTime = (typeof KEY_TIMES)[number];
export const KEY_TIME_NAMES: Record<KeyTime, string> = {
  onsetAt: 'Impact began',
  detectedAt: 'Detected',
  declaredAt: 'Declared',
  acknowledgedAt: 'Acknowledged',
  mitigatedAt: 'Mitigated',
  resolvedAt: 'Resolved',
  closedAt: 'Closed',
};

/** The timeline line that goes with a change, in the same commit. */
export function logLine(incident: string, actor: string, text: string, kind: EntryKind, at: number, tags: string[] = []): OpIntent {
  return timelineLine({ incident, actor, entry: newRecordId('ent'), text, kind, at, tags });
}

function set(incident: string, actor: string, fields: Partial<IncidentFields>): OpIntent {
  return { actor, incident, kind: 'incident.set', data: { fields } };
}

/** Key times follow the lifecycle: the first move to a status stamps its time (editable later). */
function keyTimesFor(incident: IncidentView, to: IncidentStatus, nowIso: string): Partial<IncidentFields> {
  const stamp: Partial<IncidentFields> = {};
  if ((to === 'monitoring' || to === 'resolved' || to === 'closed') && !incident.mitigatedAt) stamp.mitigatedAt = nowIso;
  if ((to === 'resolved' || to === 'closed') && !incident.resolvedAt) stamp.resolvedAt = nowIso;
  if (to === 'closed' && !incident.closedAt) stamp.closedAt = nowIso;
  if (to !== 'investigating' && !incident.acknowledgedAt) stamp.acknowledgedAt = nowIso;
  return stamp;
}

export async function changeStatus(db: WarRoomDb, incident: IncidentView, to: IncidentStatus, actor: string, now = Date.now()): Promise<void> {
  if (incident.status === to) return;
  const nowIso = new Date(now).toISOString();
  const stamped = keyTimesFor(incident, to, nowIso);
  const stampNote = Object.keys(stamped).length ? ` (${(Object.keys(stamped) as KeyTime[]).map((k) => KEY_TIME_NAMES[k].toLowerCase()).join(', ')} time recorded)` : '';
  await commitAll(db, [
    set(incident.id, actor, { status: to, ...stamped }),
    logLine(incident.id, actor, `Status: ${capitalize(incident.status)} → ${capitalize(to)}${stampNote}`, 'event', now, ['status']),
  ]);
}

/**
 * A phase change, logged in the team's names for the phases; checklist items still open in the
 * phase being left are named in the same line.
 */
export async function changePhase(
  db: WarRoomDb,
  incident: IncidentView,
  to: IncidentFields['phase'],
  actor: string,
  { now = Date.now(), leftOpen = [], names = DEFAULT_PHASE_NAMES }: { now?: number; leftOpen?: readonly string[]; names?: PhaseNames } = {},
): Promise<void> {
  if (incident.phase === to) return;
  const open = leftOpen.length ? ` (left open: ${leftOpen.join('; ')})` : '';
  const text = `Phase: ${phaseName(incident.phase, names)} → ${phaseName(to, names)}${open}`.slice(0, 5000);
  await commitAll(db, [set(incident.id, actor, { phase: to }), logLine(incident.id, actor, text, 'event', now, ['phase'])]);
}

export async function changeSeverity(db: WarRoomDb, incident: IncidentView, to: string, actor: string, now = Date.now()): Promise<void> {
  const intents = severityMove(incident, to, { actor, at: now, newEntryId: () => newRecordId('ent') });
  if (intents.length > 0) await commitAll(db, intents);
}

export async function acknowledge(db: WarRoomDb, incident: IncidentView, actor: string, now = Date.now()): Promise<void> {
  if (incident.acknowledgedAt) return;
  await commitAll(db, [set(incident.id, actor, { acknowledgedAt: new Date(now).toISOString() }), logLine(incident.id, actor, `Acknowledged by ${actor}`, 'event', now, ['acknowledged'])]);
}

/** Assign or hand off a role: "IC handed from Ana to Ben". */
export async function assignRole(db: WarRoomDb, incident: IncidentView, role: Role, person: string | null, actor: string, now = Date.now()): Promise<void> {
  const previous = incident.roles[role] ?? null;
  const next = person?.trim() || null;
  if (previous === next) return;
  const name = ROLE_SHORT[role] ?? ROLE_NAMES[role];
  const text = previous && next ? `${name} handed from ${previous} to ${next}` : next ? `${name}: ${next}` : `${name} unassigned (was ${previous})`;
  await commitAll(db, [{ actor, incident: incident.id, kind: 'incident.assign', data: { role, person: next } }, logLine(incident.id, actor, text, 'event', now, ['roles'])]);
}

export async function setKeyTime(db: WarRoomDb, incident: IncidentView, field: KeyTime, iso: string | null, actor: string, now = Date.now()): Promise<void> {
  if (field === 'declaredAt' && iso === null) throw new Error('an incident always has a declared time');
  const before = incident[field];
  if (before === iso) return;
  const text = `${KEY_TIME_NAMES[field]} time ${iso ? `set to ${iso.slice(0, 16).replace('T', ' ')} UTC` : 'cleared'}${before ? ` (was ${before.slice(0, 16).replace('T', ' ')} UTC)` : ''}`;
  await commitAll(db, [set(incident.id, actor, { [field]: iso } as Partial<IncidentFields>), logLine(incident.id, actor, text, 'event', now, ['times'])]);
}

/** Save the facts that changed, with one timeline line naming each change; nothing changed, nothing written. */
export async function updateFacts(db: WarRoomDb, incident: IncidentView, next: Facts, actor: string, now = Date.now()): Promise<boolean> {
  const changed = changedFacts(incident, next);
  if (Object.keys(changed).length === 0) return false;
  const valid = SettableIncidentFields.safeParse(changed);
  if (!valid.success) throw new Error(describeZodError(valid.error));
  await commitAll(db, [set(incident.id, actor, valid.data), logLine(incident.id, actor, describeFactChanges(incident, changed), 'event', now, ['facts'])]);
  return true;
}

/**
 * Posting an update is a communication entry, and restarts the cadence timer. With an audience
 * (from the communications plan) the entry carries it, tagged and as posted, and that audience's
 * own clock restarts: all in one commit, so no update is ever logged without its audience.
 */
export async function postStatusUpdate(
  db: WarRoomDb,
  incident: IncidentView,
  text: string,
  actor: string,
  { now = Date.now(), template = 'update', audience }: { now?: number; template?: StatusTemplateId; audience?: PostedAudience } = {},
): Promise<void> {
  if (text.trim() === '') throw new Error('the update is empty');
  const at = new Date(now).toISOString();
  const tags = audience ? [...statusUpdateTags(template), audienceTag(audience.id)] : statusUpdateTags(template);
  const entry = newRecordId('ent');
  const intents: OpIntent[] = [set(incident.id, actor, { lastUpdateAt: at, snoozedUntil: null }), timelineLine({ incident: incident.id, actor, entry, text: text.trim(), kind: 'communication', at: now, tags })];
  if (audience) {
    intents.push({ actor, incident: incident.id, kind: 'entry.audience', data: { entry, audience } });
    intents.push({ actor, incident: incident.id, kind: 'incident.audience-update', data: { audience: audience.id, at } });
  }
  await commitAll(db, intents);
}

export async function snoozeUpdates(db: WarRoomDb, incident: IncidentView, untilMs: number, reason: string, actor: string, now = Date.now()): Promise<void> {
  if (reason.trim() === '') throw new Error('say why updates are snoozed');
  if (untilMs <= now) throw new Error('a snooze must end in the future');
  const until = new Date(untilMs).toISOString();
  await commitAll(db, [
    set(incident.id, actor, { snoozedUntil: until }),
    logLine(incident.id, actor, `Status updates snoozed until ${until.slice(11, 16)} UTC: ${reason.trim()}`, 'decision', now, ['cadence']),
  ]);
}

export async function setCadence(db: WarRoomDb, incident: IncidentView, cadence: IncidentFields['cadenceOverride'], actor: string, now = Date.now()): Promise<void> {
  if (incident.cadenceOverride === cadence) return;
  const text = cadence === null ? 'Status update cadence: back to the severity default' : cadence === 'never' ? 'Status update cadence: none (updates on significant developments only)' : `Status update cadence: every ${cadence} min`;
  await commitAll(db, [set(incident.id, actor, { cadenceOverride: cadence }), logLine(incident.id, actor, text, 'decision', now, ['cadence'])]);
}
