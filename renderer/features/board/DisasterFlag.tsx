import { rtoClock, rtoText } from '../../../shared/board/disasterClock.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';

/** A declared disaster's RTO clock and RPO under the incident's title; nothing when none was declared. */
export function DisasterFlag({ incident, now }: { incident: IncidentView; now: number }) {
  const clock = rtoClock({ incident, now });
  if (!clock) return null;
  const level = clock.state === 'overdue' ? 'flag-late' : clock.state === 'due-soon' ? 'flag-soon' : clock.msLeft === null ? 'flag-quiet' : 'flag-ok';
  return <div className={`sub flag ${level} board-disaster`}>{rtoText(clock)}</div>;
}
