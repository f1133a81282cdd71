/**
 * The live board's clocks: when the next status update is due, who is escalated to next,
 * whether the response and resolution targets were met, the regulator's breach-notification
 * deadline, and when the post-mortem is due.
 *
 * Pure functions of the incident, the severity scheme and `now` (ms since the epoch), passed
 * in explicitly: the board ticks by calling them again, tests pin any instant, and two laptops
 * showing the same incident compute the same thing. Nothing here reads a clock or the host's
 * time zone (times are parsed by `parseIsoUtc`, which insists on an explicit zone).
 *
 * Every function takes only the incident fields it needs (a `Pick` of IncidentFields), so a
 * full incident fits all of them and a test spells out just what matters.
 *
 * An unknown severity id (an incident graded under another scheme) is treated as the scheme's
 * least severe level, as it sorts last in lists: the board still shows clocks for it.
 */
import { incidentStart, isOpenStatus, type IncidentFields } from '../domain/incident.ts';
import { levelOrLeast, levelTargets, type EscalationStep, type SeverityScheme } from '../domain/severity.ts';
import { MINUTE_MS, parseIsoUtc } from '../timeline/localTime.ts';

const HOUR_MS = 60 * MINUTE_MS;

/** A status update is "due soon" when less than this is left (5 minutes): time to draft it. */
export const DUE_SOON_MS = 5 * MINUTE_MS;
/** GDPR art. 33: notify the supervisory authority within 72 hours of becoming aware of a breach. */
export const REGULATORY_DEADLINE_MS = 72 * HOUR_MS;
/** The regulatory clock turns "due soon" when less than 12 hours are left. */
export const REGULATORY_DUE_SOON_MS = 12 * HOUR_MS;

const msOrNull = (iso: string | null): number | null => (iso === null ? null : parseIsoUtc(iso));

// ---------------------------------------------------------------------------------------------
// Status-update cadence

export type CadenceIncident = Pick<IncidentFields, 'severity' | 'status' | 'declaredAt' | 'lastUpdateAt' | 'cadenceOverride' | 'snoozedUntil'>;

export type StatusUpdateState = 'closed' | 'never' | 'snoozed' | 'due-soon' | 'ok' | 'overdue';

export interface StatusUpdateClock {
  state: StatusUpdateState;
  /** The cadence in force (override, else the level's); null when there is no fixed cadence. */
  cadenceMinutes: number | null;
  /** When the next update is due; null when closed or no cadence. */
  dueAt: number | null;
  /** `dueAt - now`: negative when overdue; null with `dueAt`. */
  msLeft: number | null;
}

/**
 * When the next status update is due. The cadence is the incident's override (minutes, or
 * 'never'), else its level's; it counts from the last update posted, else from the
 * declaration (the initial notification is due at once, by the plans, and the first update one
 * cadence later). A snooze defers the due time to its end: `dueAt = max(cadence due, snoozedUntil)`,
 * so when a snooze ends without an update having been posted the update is overdue at once.
 *
 * States, in order of precedence: 'closed' (status resolved or closed: no more updates are
 * owed), 'never' (no fixed cadence), 'snoozed' (snoozedUntil is still ahead), 'overdue'
 * (now > dueAt), 'due-soon' (less than DUE_SOON_MS left; at exactly 5 minutes it is still 'ok'),
 * 'ok'.
 */
export function statusUpdateClock({ incident, scheme, now }: { incident: CadenceIncident; scheme: SeverityScheme; now: number }): StatusUpdateClock {
  const override = incident.cadenceOverride;
  const cadenceMinutes = override === 'never' ? null : (override ?? levelOrLeast(incident.severity, scheme).updateCadenceMinutes);
  if (!isOpenStatus(incident.status)) return { state: 'closed', cadenceMinutes, dueAt: null, msLeft: null };
  if (cadenceMinutes === null) return { state: 'never', cadenceMinutes, dueAt: null, msLeft: null };

  const from = parseIsoUtc(incident.lastUpdateAt ?? incident.declaredAt);
  const snoozedUntil = msOrNull(incident.snoozedUntil);
  const cadenceDue = from + cadenceMinutes * MINUTE_MS;
  const dueAt = snoozedUntil === null ? cadenceDue : Math.max(cadenceDue, snoozedUntil);
  const msLeft = dueAt - now;
  const state: StatusUpdateState =
    snoozedUntil !== null && snoozedUntil > now ? 'snoozed' : msLeft < 0 ? 'overdue' : msLeft < DUE_SOON_MS ? 'due-soon' : 'ok';
  return { state, cadenceMinutes, dueAt, msLeft };
}

// ---------------------------------------------------------------------------------------------
// Escalation

export type EscalationIncident = Pick<IncidentFields, 'severity' | 'status' | 'declaredAt' | 'detectedAt' | 'resolvedAt' | 'closedAt'>;

export interface EscalationClock<S extends { afterMinutes: number } = EscalationStep> {
  /** Steps whose time came while the incident was unresolved, in order. */
  reached: S[];
  /** The next step and when it falls due; null once every step is reached or the incident is resolved or closed. */
  next: { step: S; dueAt: number; msLeft: number } | null;
}

/**
 * The level's escalation path, counted from detection (else declaration). A step is reached at
 * exactly `start + afterMinutes` (T+15 means "at 15:00", not after it). The plans escalate "if
 * unresolved" (Plan D "Escalation Path"), so the path runs on after a mitigation, which may not
 * hold, and stops only when the status is resolved or closed; steps reached before that stay
 * listed as history.
 */
export function escalationClock({ incident, scheme, now }: { incident: EscalationIncident; scheme: SeverityScheme; now: number }): EscalationClock {
  return pathClock(levelOrLeast(incident.severity, scheme).escalation, incident, now);
}

/** Any escalation path (the scheme's, or an escalation-matrix row's), ascending `afterMinutes`, on the rules above. */
export function pathClock<S extends { afterMinutes: number }>(steps: readonly S[], incident: EscalationIncident, now: number): EscalationClock<S> {
  const start = parseIsoUtc(incidentStart(incident));
  const stopped = !isOpenStatus(incident.status);
  // Until when the path ran: the resolution, else the closure, else (no stamp) now.
  const until = stopped ? Math.min(now, msOrNull(incident.resolvedAt) ?? msOrNull(incident.closedAt) ?? now) : now;

  const reached: S[] = [];
  let next: EscalationClock<S>['next'] = null;
  for (const step of steps) {
    const dueAt = start + step.afterMinutes * MINUTE_MS;
    if (dueAt <= until) reached.push(step);
    else {
      if (!stopped) next = { step, dueAt, msLeft: dueAt - now };
      break;
    }
  }
  return { reached, next };
}

// ---------------------------------------------------------------------------------------------
// Response-time SLA

export type SlaIncident = Pick<IncidentFields, 'severity' | 'declaredAt' | 'detectedAt' | 'acknowledgedAt'>;

export interface ResponseSla {
  /** met/missed once acknowledged (within the target or not); pending/breached while not. */
  state: 'met' | 'missed' | 'pending' | 'breached';
  targetAt: number;
}

/**
 * The response-time target of the level (the "Response Time" of the plans' severity tables, docs/response-plans.md#response-targets): acknowledged within
 * `responseTargetMinutes` of detection (else declaration). Acknowledging at exactly the target
 * meets it. The verdict is final once acknowledged, whatever the status.
 */
export function responseSla({ incident, scheme, now }: { incident: SlaIncident; scheme: SeverityScheme; now: number }): ResponseSla {
  const targetAt = parseIsoUtc(incidentStart(incident)) + levelOrLeast(incident.severity, scheme).responseTargetMinutes * MINUTE_MS;
  const acknowledgedAt = msOrNull(incident.acknowledgedAt);
  if (acknowledgedAt !== null) return { state: acknowledgedAt <= targetAt ? 'met' : 'missed', targetAt };
  return { state: now <= targetAt ? 'pending' : 'breached', targetAt };
}

// ---------------------------------------------------------------------------------------------
// Resolution target

export type ResolutionIncident = Pick<IncidentFields, 'severity' | 'status' | 'declaredAt' | 'detectedAt' | 'resolvedAt' | 'closedAt'>;

export interface ResolutionTarget {
  /** met/missed once resolved (within the target or not); pending/breached while open. */
  state: 'met' | 'missed' | 'pending' | 'breached';
  targetAt: number;
  targetMinutes: number;
}

/**
 * The level's resolution target (Plan B "Resolution Time", docs/response-plans.md#resolution-targets):
 * resolved within `resolutionTargetMinutes` of detection (else declaration), as the time-to-resolve
 * metric counts. Resolving at exactly the target meets it; the resolution time (else the closure)
 * gives the verdict. null when the level has no target, or the incident is resolved or closed
 * with neither time recorded (nothing to judge).
 */
export function resolutionTarget({ incident, scheme, now }: { incident: ResolutionIncident; scheme: SeverityScheme; now: number }): ResolutionTarget | null {
  const targetMinutes = levelTargets(incident.severity, scheme).resolutionTargetMinutes;
  if (targetMinutes === null) return null;
  const targetAt = parseIsoUtc(incidentStart(incident)) + targetMinutes * MINUTE_MS;
  const resolvedAt = msOrNull(incident.resolvedAt) ?? msOrNull(incident.closedAt);
  if (resolvedAt !== null) return { state: resolvedAt <= targetAt ? 'met' : 'missed', targetAt, targetMinutes };
  if (!isOpenStatus(incident.status)) return null;
  return { state: now <= targetAt ? 'pending' : 'breached', targetAt, targetMinutes };
}

// ---------------------------------------------------------------------------------------------
// Regulatory deadline

export type RegulatoryIncident = Pick<IncidentFields, 'regulated' | 'declaredAt' | 'detectedAt' | 'regulatoryNotifiedAt'>;

export interface RegulatoryClock {
  label: 'Breach notification (72 h)';
  deadlineAt: number;
  state: 'running' | 'due-soon' | 'overdue' | 'notified';
  /** `deadlineAt - now`; null once notified (the clock has stopped). */
  msLeft: number | null;
}

/** Whether the breach-notification clock applies: only when a person marked personal data as involved, whatever the type. */
export function isRegulated(incident: Pick<IncidentFields, 'regulated'>): boolean {
  return incident.regulated === true;
}

/**
 * Nobody has yet said whether personal data is involved in a security or data incident: the
 * board asks, rather than running a clock nobody asked for or staying silent about one that may
 * be running from detection.
 */
export function personalDataUndecided(incident: Pick<IncidentFields, 'type' | 'regulated' | 'regulatoryNotifiedAt'>): boolean {
  return incident.regulated === null && incident.regulatoryNotifiedAt === null && (incident.type === 'security' || incident.type === 'data');
}

/**
 * The 72-hour personal-data-breach notification deadline (GDPR art. 33; Plan B "GDPR Breach
 * Notification: Notify within 72 hours of discovery"), counted from awareness = detection (the
 * detected time, which can be corrected), else declaration. null unless a person marked the
 * incident as involving personal data. It keeps running after the incident is resolved: the
 * duty to notify does not end with the outage. Stops ('notified') when regulatoryNotifiedAt is
 * set, late or not.
 */
export function regulatoryClock({ incident, now }: { incident: RegulatoryIncident; now: number }): RegulatoryClock | null {
  if (!isRegulated(incident)) return null;
  const deadlineAt = parseIsoUtc(incidentStart(incident)) + REGULATORY_DEADLINE_MS;
  const label = 'Breach notification (72 h)';
  if (incident.regulatoryNotifiedAt !== null) return { label, deadlineAt, state: 'notified', msLeft: null };
  const msLeft = deadlineAt - now;
  const state = msLeft < 0 ? 'overdue' : msLeft < REGULATORY_DUE_SOON_MS ? 'due-soon' : 'running';
  return { label, deadlineAt, state, msLeft };
}

// ---------------------------------------------------------------------------------------------
// Post-mortem deadline

export type PostmortemDueIncident = Pick<IncidentFields, 'severity' | 'status' | 'exercise' | 'resolvedAt' | 'closedAt' | 'postmortemCompletedAt'>;

export interface PostmortemDue {
  state: 'due' | 'overdue' | 'done';
  dueAt: number;
  /** `dueAt - now`; null once done. */
  msLeft: number | null;
}

/**
 * When the post-mortem is due: the level's `postmortemDueHours` after the resolution (else the
 * closure). null while the incident is open (nothing is due yet), for an exercise (its
 * after-action report is another record), and for a level that requires none. 'done' once
 * someone marked the post-mortem complete, late or not.
 */
export function postmortemDue({ incident, scheme, now }: { incident: PostmortemDueIncident; scheme: SeverityScheme; now: number }): PostmortemDue | null {
  if (incident.exercise || isOpenStatus(incident.status)) return null;
  const hours = levelTargets(incident.severity, scheme).postmortemDueHours;
  const resolvedAt = msOrNull(incident.resolvedAt) ?? msOrNull(incident.closedAt);
  if (hours === null || resolvedAt === null) return null;
  const dueAt = resolvedAt + hours * HOUR_MS;
  if (incident.postmortemCompletedAt !== null) return { state: 'done', dueAt, msLeft: null };
  return { state: now > dueAt ? 'overdue' : 'due', dueAt, msLeft: dueAt - now };
}

// ---------------------------------------------------------------------------------------------
// Formatting

/**
 * Whole minutes as `12 min`, `1 h 05 min`, `71 h 59 min`. Hours are not folded into days: the
 * regulatory clock's "71 h" reads against its 72 h label, and every clock reads in one unit.
 */
export function formatMinutes(totalMinutes: number): string {
  const minutes = Math.max(0, Math.trunc(totalMinutes));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * A countdown for the board: `12 min`, `1 h 05 min`, and when overdue `3 min overdue` (words,
 * not a minus sign that is easy to miss on a projector). Rounds UP to whole minutes both ways,
 * like a kitchen timer: 30 s left shows `1 min`, exactly 0 shows `0 min`, 30 s late shows
 * `1 min overdue`. Not a number (no clock) → `—`.
 */
export function formatCountdown(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const text = formatMinutes(Math.ceil(Math.abs(ms) / MINUTE_MS));
  return ms < 0 ? `${text} overdue` : text;
}
