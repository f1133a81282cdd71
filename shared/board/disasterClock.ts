/**
 * The recovery time objective's clock for a declared disaster. Like the other board clocks
 * (clocks.ts) it is a pure function of the incident and `now`: it counts from the disaster's
 * declaration (the plans start the RTO clock there, not when the incident began) and stops when
 * core services are restored or the disaster is stood down, whichever came first.
 */
import type { IncidentFields } from '../domain/incident.ts';
import { formatCountdown } from './clocks.ts';
import { MINUTE_MS, parseIsoUtc } from '../timeline/localTime.ts';

/** The RTO clock turns "due soon" when less than this is left (10 minutes). */
export const RTO_DUE_SOON_MS = 10 * MINUTE_MS;

export type DisasterIncident = Pick<IncidentFields, 'disasterDeclaredAt' | 'disasterRtoMinutes' | 'disasterRpoMinutes' | 'disasterRestoredAt' | 'disasterStoodDownAt'>;

export interface RtoClock {
  /** running / due-soon / overdue while recovering; restored (met or not) or stood-down once over. */
  state: 'running' | 'due-soon' | 'overdue' | 'restored' | 'stood-down';
  rtoMinutes: number;
  rpoMinutes: number | null;
  deadlineAt: number;
  /** `deadlineAt - now` while running; null once stopped. */
  msLeft: number | null;
  /** Once restored: whether within the RTO; null otherwise. */
  met: boolean | null;
}

/** null unless a disaster was declared with an RTO. The earlier of restoration and stand-down ends it. */
export function rtoClock({ incident, now }: { incident: DisasterIncident; now: number }): RtoClock | null {
  if (incident.disasterDeclaredAt === null || incident.disasterRtoMinutes === null) return null;
  const rtoMinutes = incident.disasterRtoMinutes;
  const rpoMinutes = incident.disasterRpoMinutes;
  const deadlineAt = parseIsoUtc(incident.disasterDeclaredAt) + rtoMinutes * MINUTE_MS;
  const restored = incident.disasterRestoredAt === null ? null : parseIsoUtc(incident.disasterRestoredAt);
  const stood = incident.disasterStoodDownAt === null ? null : parseIsoUtc(incident.disasterStoodDownAt);
  if (restored !== null && (stood === null || restored <= stood)) return { state: 'restored', rtoMinutes, rpoMinutes, deadlineAt, msLeft: null, met: restored <= deadlineAt };
  if (stood !== null) return { state: 'stood-down', rtoMinutes, rpoMinutes, deadlineAt, msLeft: null, met: null };
  // A tick read just before the declaration (a page's clock lags by up to its interval) shows the full RTO, never more.
  const msLeft = Math.min(deadlineAt - now, rtoMinutes * MINUTE_MS);
  const state = msLeft < 0 ? 'overdue' : msLeft < RTO_DUE_SOON_MS ? 'due-soon' : 'running';
  return { state, rtoMinutes, rpoMinutes, deadlineAt, msLeft, met: null };
}

/** The RTO clock in words, for the incident page's summary and the board: `Disaster · RTO 42 min left · RPO 5 min`. */
export function rtoText(clock: RtoClock): string {
  switch (clock.state) {
    case 'restored':
      return `Disaster · restored ${clock.met ? 'within' : 'after'} the RTO`;
    case 'stood-down':
      return 'Disaster · stood down';
    case 'overdue':
      return `Disaster · RTO ${formatCountdown(clock.msLeft ?? 0)} · RPO ${clock.rpoMinutes ?? '?'} min`;
    default:
      return `Disaster · RTO ${formatCountdown(clock.msLeft ?? 0)} left · RPO ${clock.rpoMinutes ?? '?'} min`;
  }
}
