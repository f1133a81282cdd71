/**
 * What a post-mortem says about an incident, computed once for the placeholders (templates.ts)
 * and the automatic sections (exportPostmortem.ts), so both always agree.
 *
 * Times are shown in UTC with the date (`2026-11-22 14:05 UTC`): a post-mortem is read long
 * after, by people in other zones. Durations are whole minutes, truncated (`2 h 05 min`).
 *
 * The metrics count from detection (detectedAt, else declaredAt), as the board's clocks do:
 * - time to detect: from the earliest event on the timeline (an entry backfilled to when it
 *   started, e.g. "first 5xx at 13:52") to detection; not measured when nothing on the timeline
 *   precedes detection (struck entries do not count);
 * - time to acknowledge / mitigate / resolve: from detection to acknowledgedAt / mitigatedAt /
 *   resolvedAt; not measured while that time is not recorded.
 */
import { incidentStart, ROLES, type Role } from '../domain/incident.ts';
import { phaseName, type PhaseNames } from '../domain/phaseNames.ts';
import { incidentLabel } from '../domain/incidentRef.ts';
import type { EntryView, IncidentView } from '../entities/index.ts';
import { MINUTE_MS, parseIsoUtc, utcOffset } from '../timeline/localTime.ts';
import { formatClock } from '../timeline/timeFormat.ts';

/** Shown where a value is missing: plain words, so it reads in any renderer and in an editor. */
export const NOT_RECORDED = 'not recorded';
export const NOT_MEASURED = 'not measured';

export function formatUtc(iso: string | null): string {
  return iso === null ? NOT_RECORDED : formatClock(iso, { utc: true, offsetMinutes: utcOffset, withDate: true });
}

/** `45 min`, `2 h 05 min`, `1 d 3 h 00 min`, `under 1 min`; negative (times out of order) → not measured. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return NOT_MEASURED;
  const total = Math.floor(ms / MINUTE_MS);
  if (total === 0) return 'under 1 min';
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor(total / 60) % 24;
  const minutes = total % 60;
  if (days === 0 && hours === 0) return `${minutes} min`;
  const mm = String(minutes).padStart(2, '0');
  return days === 0 ? `${hours} h ${mm} min` : `${days} d ${hours} h ${mm} min`;
}

function between(from: string | null, to: string | null): string {
  return from === null || to === null ? NOT_MEASURED : formatDuration(parseIsoUtc(to) - parseIsoUtc(from));
}

/** "Incident commander", "Subject matter expert". */
export function roleLabel(role: Role): string {
  const words = role.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const METRIC_IDS = ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve'] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface Metric {
  id: MetricId;
  label: string;
  /** What the time is counted from and to, in words, and the times themselves (null: unknown). */
  fromLabel: string;
  from: string | null;
  toLabel: string;
  to: string | null;
  value: string;
}

/** The earliest event time on the timeline before detection, or null. */
function onsetOf(incident: IncidentView, entries: readonly EntryView[]): string | null {
  const detected = parseIsoUtc(incidentStart(incident));
  let onset: string | null = null;
  let onsetMs = detected;
  for (const entry of entries) {
    if (entry.struck) continue;
    const at = parseIsoUtc(entry.eventAt);
    if (at < onsetMs) {
      onsetMs = at;
      onset = entry.eventAt;
    }
  }
  return onset;
}

export function incidentMetrics(incident: IncidentView, entries: readonly EntryView[]): Metric[] {
  const detected = incidentStart(incident);
  const onset = onsetOf(incident, entries);
  const detectedLabel = incident.detectedAt === null ? 'Declared' : 'Detected';
  const metric = (id: MetricId, label: string, fromLabel: string, from: string | null, toLabel: string, to: string | null): Metric => ({
    id,
    label,
    fromLabel,
    from,
    toLabel,
    to,
    value: between(from, to),
  });
  return [
    metric('timeToDetect', 'Time to detect', 'Earliest timeline event', onset, detectedLabel, detected),
    metric('timeToAcknowledge', 'Time to acknowledge', detectedLabel, detected, 'Acknowledged', incident.acknowledgedAt),
    metric('timeToMitigate', 'Time to mitigate', detectedLabel, detected, 'Mitigated', incident.mitigatedAt),
    metric('timeToResolve', 'Time to resolve', detectedLabel, detected, 'Resolved', incident.resolvedAt),
  ];
}

/** From detection to resolution (or closure); "ongoing" while neither is recorded. */
export function incidentDuration(incident: IncidentView): string {
  const end = incident.resolvedAt ?? incident.closedAt;
  return end === null ? 'ongoing' : between(incidentStart(incident), end);
}

/** Every assigned role, in the plans' order, then the team's own: `Incident commander: Alice; Scribe: Carol; DBA: Dee`. */
export function rolesText(incident: IncidentView): string {
  const held = ROLES.flatMap((role) => {
    const person = incident.roles[role];
    return person ? [`${roleLabel(role)}: ${person}`] : [];
  });
  // The team's own roles follow, under the name each was assigned by.
  for (const holder of Object.values(incident.teamRoles ?? {})) held.push(`${holder.name}: ${holder.person}`);
  return held.length > 0 ? held.join('; ') : 'none assigned';
}

export interface FactOptions {
  /** The team's phase names (a synced setting); default: the canonical names. */
  phaseNames?: PhaseNames;
  /** The timeline, for the time to detect; without it, that metric is not measured. */
  entries?: readonly EntryView[];
}

/**
 * The placeholders a template may use, `{{name}}`, with what each fills with. The values are
 * plain text (one line; the export escapes them); a missing time or text reads "not recorded".
 */
export const PLACEHOLDERS = {
  'incident.id': 'The readable incident id, e.g. INC-2026-K7QM-0042',
  'incident.ticket': 'The external ticket or correlation id, or "not recorded"',
  'incident.services': 'The affected services, comma-separated, or "not recorded"',
  'incident.title': 'The title',
  'incident.severity': 'The severity id, e.g. P1',
  'incident.type': 'availability, security, performance, data, infrastructure or application',
  'incident.status': 'investigating, identified, monitoring, resolved or closed',
  'incident.phase': 'The current response phase, by the team’s phase names',
  'incident.exercise': '"yes" for an exercise, else "no"',
  'incident.declaredBy': 'Who declared it',
  'incident.detectedAt': 'When it was detected (UTC)',
  'incident.declaredAt': 'When it was declared (UTC)',
  'incident.acknowledgedAt': 'When it was acknowledged (UTC)',
  'incident.mitigatedAt': 'When it was mitigated (UTC)',
  'incident.resolvedAt': 'When it was resolved (UTC)',
  'incident.closedAt': 'When it was closed (UTC)',
  'incident.duration': 'Detection (else declaration) to resolution (else closure), or "ongoing"',
  'incident.commander': 'The incident commander, or "unassigned"',
  'incident.roles': 'Every assigned role: "Incident commander: Alice; Scribe: Carol"',
  'incident.summary': 'The incident’s summary as written on it',
  'impact.users': 'User impact as written on the incident',
  'impact.business': 'Business impact as written on the incident',
  'impact.technical': 'Technical impact as written on the incident',
  'impact.usersAffected': 'The number and/or share of users affected, or "not recorded"',
  'metrics.timeToDetect': 'Earliest timeline event to detection',
  'metrics.timeToAcknowledge': 'Detection to acknowledgement',
  'metrics.timeToMitigate': 'Detection to mitigation',
  'metrics.timeToResolve': 'Detection to resolution',
} as const satisfies Record<string, string>;
export type PlaceholderName = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as PlaceholderName[];

export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

/** "1200 (15%)", "1200", "15%", or "not recorded". */
export function usersAffectedText(incident: Pick<IncidentView, 'usersAffected' | 'usersAffectedPercent'>): string {
  const count = incident.usersAffected === null ? null : String(incident.usersAffected);
  const share = incident.usersAffectedPercent === null ? null : `${incident.usersAffectedPercent}%`;
  return count && share ? `${count} (${share})` : (count ?? share ?? NOT_RECORDED);
}

const orNotRecorded = (text: string): string => (text.trim() === '' ? NOT_RECORDED : text);

/** Every placeholder's value for one incident (plain text, not yet escaped). */
export function placeholderValues(incident: IncidentView, options: FactOptions = {}): Record<PlaceholderName, string> {
  const metrics = new Map(incidentMetrics(incident, options.entries ?? []).map((m) => [m.id, m.value]));
  return {
    'incident.id': incidentLabel(incident),
    'incident.ticket': orNotRecorded(incident.externalRef),
    'incident.services': orNotRecorded(incident.services.join(', ')),
    'incident.title': incident.title,
    'incident.severity': incident.severity,
    'incident.type': incident.type,
    'incident.status': incident.status,
    'incident.phase': phaseName(incident.phase, options.phaseNames),
    'incident.exercise': incident.exercise ? 'yes' : 'no',
    'incident.declaredBy': incident.declaredBy,
    'incident.detectedAt': formatUtc(incident.detectedAt),
    'incident.declaredAt': formatUtc(incident.declaredAt),
    'incident.acknowledgedAt': formatUtc(incident.acknowledgedAt),
    'incident.mitigatedAt': formatUtc(incident.mitigatedAt),
    'incident.resolvedAt': formatUtc(incident.resolvedAt),
    'incident.closedAt': formatUtc(incident.closedAt),
    'incident.duration': incidentDuration(incident),
    'incident.commander': incident.roles['incident-commander'] ?? 'unassigned',
    'incident.roles': rolesText(incident),
    'incident.summary': orNotRecorded(incident.summary),
    'impact.users': orNotRecorded(incident.impactUser),
    'impact.business': orNotRecorded(incident.impactBusiness),
    'impact.technical': orNotRecorded(incident.impactTechnical),
    'impact.usersAffected': usersAffectedText(incident),
    'metrics.timeToDetect': metrics.get('timeToDetect')!,
    'metrics.timeToAcknowledge': metrics.get('timeToAcknowledge')!,
    'metrics.timeToMitigate': metrics.get('timeToMitigate')!,
    'metrics.timeToResolve': metrics.get('timeToResolve')!,
  };
}
