/**
 * One update clock per audience of the communications plan: stakeholders every 15 minutes,
 * customers every 30 (Plan B "Step 6: Communication"), each counting from its own last update.
 * Pure, like the other board clocks (clocks.ts): the board ticks by calling it again.
 *
 * An audience counts from its own last update (`audienceUpdates[id]`), else from the
 * declaration. An update posted without an audience (before audiences existed, or by an older
 * War Room) moved only `lastUpdateAt`; it still counts for every audience, as it did before:
 * it is recognised as a `lastUpdateAt` later than every audience's own last update (an update
 * posted to an audience sets both to the same time).
 *
 * A `'severity'` audience runs the existing status-update clock (the level's cadence, the
 * incident's cadence override and its snooze); an audience with its own cadence runs that
 * cadence alone: the override and the snooze are about the severity cadence.
 */
import { isOpenStatus, type IncidentFields } from '../domain/incident.ts';
import type { SeverityScheme } from '../domain/severity.ts';
import { levelAudiences, type CommsPlan, type PlanAudience } from '../comms/commsPlan.ts';
import { MINUTE_MS, parseIsoUtc } from '../timeline/localTime.ts';
import { DUE_SOON_MS, formatCountdown, statusUpdateClock, type CadenceIncident, type StatusUpdateState } from './clocks.ts';

export type AudienceIncident = CadenceIncident & Pick<IncidentFields, 'severity'> & { audienceUpdates?: Readonly<Record<string, string>> };

export interface AudienceClock {
  audience: PlanAudience;
  /** 'snoozed' only for a 'severity' audience. */
  state: StatusUpdateState;
  /** The cadence in force; null when there is no fixed cadence. */
  cadenceMinutes: number | null;
  /** When the next update to this audience is due; null when closed or no cadence. */
  dueAt: number | null;
  /** `dueAt - now`: negative when overdue; null with `dueAt`. */
  msLeft: number | null;
}

/** When the audience last got an update, as its cadence counts it (null: never, count from the declaration). */
export function lastUpdateFor(incident: Pick<AudienceIncident, 'lastUpdateAt' | 'audienceUpdates'>, audienceId: string): string | null {
  const updates = incident.audienceUpdates ?? {};
  const own = Object.hasOwn(updates, audienceId) ? (updates[audienceId] ?? null) : null;
  const legacy = incident.lastUpdateAt;
  if (legacy === null) return own;
  const latestOwn = Math.max(-Infinity, ...Object.values(updates).map(parseIsoUtc));
  // Not an audience's own update time: an update posted without an audience, for everyone.
  const audienceless = parseIsoUtc(legacy) > latestOwn;
  if (!audienceless) return own;
  return own === null || parseIsoUtc(legacy) > parseIsoUtc(own) ? legacy : own;
}

/** Every audience's clock for one incident, in the plan's order. */
export function audienceClocks({ incident, scheme, plan, now }: { incident: AudienceIncident; scheme: SeverityScheme; plan: CommsPlan; now: number }): AudienceClock[] {
  return levelAudiences(plan, incident.severity).map((audience) => audienceClock(incident, audience, scheme, now));
}

function audienceClock(incident: AudienceIncident, audience: PlanAudience, scheme: SeverityScheme, now: number): AudienceClock {
  const lastUpdateAt = lastUpdateFor(incident, audience.id);
  if (audience.cadenceMinutes === 'severity') {
    return { audience, ...statusUpdateClock({ incident: { ...incident, lastUpdateAt }, scheme, now }) };
  }
  const cadenceMinutes = audience.cadenceMinutes;
  if (!isOpenStatus(incident.status)) return { audience, state: 'closed', cadenceMinutes, dueAt: null, msLeft: null };
  if (cadenceMinutes === null) return { audience, state: 'never', cadenceMinutes, dueAt: null, msLeft: null };
  const dueAt = parseIsoUtc(lastUpdateAt ?? incident.declaredAt) + cadenceMinutes * MINUTE_MS;
  const msLeft = dueAt - now;
  return { audience, state: msLeft < 0 ? 'overdue' : msLeft < DUE_SOON_MS ? 'due-soon' : 'ok', cadenceMinutes, dueAt, msLeft };
}

/** The audience to write to first: the most overdue one, else the first of the plan. */
export function mostOverdue(clocks: readonly AudienceClock[]): AudienceClock | undefined {
  let worst: AudienceClock | undefined;
  for (const clock of clocks) {
    if (clock.state !== 'overdue') continue;
    if (worst === undefined || clock.msLeft! < worst.msLeft!) worst = clock;
  }
  return worst ?? clocks[0];
}

/** The audience whose update falls due first (the most overdue when several are); undefined when none has a due time. */
export function soonestDue(clocks: readonly AudienceClock[]): AudienceClock | undefined {
  let first: AudienceClock | undefined;
  for (const clock of clocks) {
    if (clock.msLeft !== null && (first === undefined || clock.msLeft < first.msLeft!)) first = clock;
  }
  return first;
}

/** When the next update to an audience is due, in words: "in 12 min", "3 min overdue", "no fixed cadence". */
export function audienceDueText(clock: AudienceClock): string {
  const left = formatCountdown(clock.msLeft ?? 0);
  switch (clock.state) {
    case 'closed':
      return 'no updates due';
    case 'never':
      return 'no fixed cadence';
    case 'snoozed':
      return `snoozed, due in ${left}`;
    case 'overdue':
      return left;
    default:
      return `in ${left}`;
  }
}

/** One audience's clock in words: "Customers 3 min overdue", "Internal stakeholders in 12 min", "Executives: no fixed cadence". */
export function audienceClockText(clock: AudienceClock): string {
  const quiet = clock.state === 'closed' || clock.state === 'never';
  return `${clock.audience.name}${quiet ? ':' : ''} ${audienceDueText(clock)}`;
}
