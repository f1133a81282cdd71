/**
 * What a post-mortem says about an incident, computed once for the placeholders (templates.ts)
 * and the automatic sections (exportPostmortem.ts), so both always agree.
 *
 * Times are shown in UTC with the date (`2026-11-22 14:05 UTC`): a post-mortem is read long
 * after, by people in other zones. Durations are whole minutes, truncated (`2 h 05 min`).
 *
 * The metrics are the response spans of shared/metrics/responseMetrics.ts (time to detect from
 * the recorded onset; acknowledge, mitigate and resolve from detection, else declaration), the
 * same the Metrics page and the after-action report show.
 */
import { incidentStart, ROLES, type Role } from '../domain/incident.ts';
import { phaseName, type PhaseNames } from '../domain/phaseNames.ts';
import { incidentLabel } from '../domain/incidentRef.ts';
import type { IncidentView } from '../entities/index.ts';
import { levelOrLeast, type SeverityScheme } from '../domain/severity.ts';
import { detectionLabel, formatSpan, NOT_MEASURED, responseSpans, targetVerdict, type ResponseMetricId } from '../metrics/responseMetrics.ts';
import { MINUTE_MS, parseIsoUtc, utcOffset } from '../timeline/localTime.ts';
import { formatClock } from '../timeline/timeFormat.ts';

/** Shown where a value is missing: plain words, so it reads in any renderer and in an editor. */
export const NOT_RECORDED = 'not recorded';
export { NOT_MEASURED };

export function formatUtc(iso: string | null): string {
  return iso === null ? NOT_RECORDED : formatClock(iso, { utc: true, offsetMinutes: utcOffset, withDate: true });
}

/** `45 min`, `2 h 05 min`, `1 d 3 h 00 min`, `under 1 min`; negative (times out of order) → not measured. */
export function formatDuration(ms: number): string {
  return formatSpan(ms / MINUTE_MS);
}

function between(from: string | null, to: string | null): string {
  return from === null || to === null ? NOT_MEASURED : formatDuration(parseIsoUtc(to) - parseIsoUtc(from));
}

/** "Incident commander", "Subject matter expert". */
export function roleLabel(role: Role): string {
  const words = role.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const METRIC_IDS: Record<ResponseMetricId, MetricId> = {
  detect: 'timeToDetect',
  acknowledge: 'timeToAcknowledge',
  mitigate: 'timeToMitigate',
  resolve: 'timeToResolve',
};
export type MetricId = 'timeToDetect' | 'timeToAcknowledge' | 'timeToMitigate' | 'timeToResolve';

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

/** The response spans of the incident, worded for the post-mortem. */
export function incidentMetrics(incident: IncidentView): Metric[] {
  return responseSpans(incident).map(({ id, minutes, ...span }) => ({ ...span, id: METRIC_IDS[id], value: formatSpan(minutes) }));
}

/** Within the response target, as of `now`: `met (P1 target: 1 h 00 min)`, `missed (…)` or `pending (…)`. */
export function responseTargetRow(incident: IncidentView, scheme: SeverityScheme, now: string): Omit<Metric, 'id'> {
  const level = levelOrLeast(incident.severity, scheme);
  const verdict = targetVerdict(incident, level.responseTargetMinutes, now);
  return {
    label: 'Within response target',
    fromLabel: detectionLabel(incident),
    from: incidentStart(incident),
    toLabel: 'Acknowledged',
    to: incident.acknowledgedAt,
    value: `${verdict} (${level.id} target: ${formatSpan(level.responseTargetMinutes)})`,
  };
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
  'metrics.timeToDetect': 'Impact began (onset) to detection',
  'metrics.timeToAcknowledge': 'Detection (else declaration) to acknowledgement',
  'metrics.timeToMitigate': 'Detection (else declaration) to mitigation',
  'metrics.timeToResolve': 'Detection (else declaration) to resolution',
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
  const metrics = new Map(incidentMetrics(incident).map((m) => [m.id, m.value]));
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
