import { incidentStart, isOpenStatus } from '../../../shared/domain/incident.ts';
import { severityRank, type SeverityScheme } from '../../../shared/domain/severity.ts';
import { personalDataUndecided, postmortemDue, regulatoryClock, resolutionTarget, responseSla, statusUpdateClock } from '../../../shared/board/clocks.ts';
import { rtoClock } from '../../../shared/board/disasterClock.ts';
import { audienceClocks, type AudienceClock } from '../../../shared/board/audienceClocks.ts';
import type { CommsPlan } from '../../../shared/comms/commsPlan.ts';
import { roleHolders, type IncidentView } from '../../../shared/entities/index.ts';
import { escalationPathClock } from '../../../shared/escalation/path.ts';
import { DEFAULT_ESCALATION_MATRIX, type EscalationMatrix } from '../../../shared/escalation/matrix.ts';

export type BoardFilter = 'open' | 'resolved' | 'exercises' | 'mine';

export interface BoardRow {
  incident: IncidentView;
  update: ReturnType<typeof statusUpdateClock>;
  /** The next update owed to each audience of the communications plan. */
  audiences: AudienceClock[];
  escalation: ReturnType<typeof escalationPathClock>;
  sla: ReturnType<typeof responseSla>;
  regulatory: ReturnType<typeof regulatoryClock>;
  resolution: ReturnType<typeof resolutionTarget>;
  /** A security or data incident nobody has yet marked as involving personal data or not. */
  personalDataUndecided: boolean;
  /** Anything the commander must act on now. */
  overdue: boolean;
}

export function matchesFilter(incident: IncidentView, filter: BoardFilter, me: string): boolean {
  switch (filter) {
    case 'open':
      return isOpenStatus(incident.status);
    case 'resolved':
      return !isOpenStatus(incident.status);
    case 'exercises':
      return incident.exercise;
    case 'mine':
      return isOpenStatus(incident.status) && (incident.declaredBy === me || roleHolders(incident).includes(me));
  }
}

/** The board: every incident with its clocks, most severe first, then the longest-running first. */
export function boardRows(incidents: readonly IncidentView[], scheme: SeverityScheme, plan: CommsPlan, filter: BoardFilter, me: string, now: number, matrix: EscalationMatrix = DEFAULT_ESCALATION_MATRIX): BoardRow[] {
  return incidents
    .filter((incident) => matchesFilter(incident, filter, me))
    .sort((a, b) => severityRank(a.severity, scheme) - severityRank(b.severity, scheme) || Date.parse(incidentStart(a)) - Date.parse(incidentStart(b)) || a.id.localeCompare(b.id))
    .map((incident) => {
      const update = statusUpdateClock({ incident, scheme, now });
      const audiences = audienceClocks({ incident, scheme, plan, now });
      const escalation = escalationPathClock({ incident, scheme, matrix, now });
      const sla = responseSla({ incident, scheme, now });
      const regulatory = regulatoryClock({ incident, now });
      const resolution = resolutionTarget({ incident, scheme, now });
      // A missed resolution target is shown, not counted as needing action: nothing done now meets it.
      // A closed incident (an ended exercise) needs no acknowledging any more: its missed target is history.
      const overdue = audiences.some((clock) => clock.state === 'overdue') || (sla.state === 'breached' && isOpenStatus(incident.status)) || (regulatory?.state === 'overdue') || rtoClock({ incident, now })?.state === 'overdue';
      return { incident, update, audiences, escalation, sla, regulatory, resolution, personalDataUndecided: personalDataUndecided(incident), overdue };
    });
}

export interface PostmortemDueRow {
  incident: IncidentView;
  due: NonNullable<ReturnType<typeof postmortemDue>>;
}

/** Resolved incidents whose post-mortem is owed and not yet complete, the most overdue first. */
export function postmortemsDue(incidents: readonly IncidentView[], scheme: SeverityScheme, now: number): PostmortemDueRow[] {
  return incidents
    .flatMap((incident) => {
      const due = postmortemDue({ incident, scheme, now });
      return due && due.state !== 'done' ? [{ incident, due }] : [];
    })
    .sort((a, b) => a.due.dueAt - b.due.dueAt || a.incident.id.localeCompare(b.incident.id));
}
