import { incidentStart, isOpenStatus } from '../../../shared/domain/incident.ts';
import { severityRank, type SeverityScheme } from '../../../shared/domain/severity.ts';
import { escalationClock, regulatoryClock, responseSla, statusUpdateClock } from '../../../shared/board/clocks.ts';
import { roleHolders, type IncidentView } from '../../../shared/entities/index.ts';

export type BoardFilter = 'open' | 'resolved' | 'exercises' | 'mine';

export interface BoardRow {
  incident: IncidentView;
  update: ReturnType<typeof statusUpdateClock>;
  escalation: ReturnType<typeof escalationClock>;
  sla: ReturnType<typeof responseSla>;
  regulatory: ReturnType<typeof regulatoryClock>;
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
export function boardRows(incidents: readonly IncidentView[], scheme: SeverityScheme, filter: BoardFilter, me: string, now: number): BoardRow[] {
  return incidents
    .filter((incident) => matchesFilter(incident, filter, me))
    .sort((a, b) => severityRank(a.severity, scheme) - severityRank(b.severity, scheme) || Date.parse(incidentStart(a)) - Date.parse(incidentStart(b)) || a.id.localeCompare(b.id))
    .map((incident) => {
      const update = statusUpdateClock({ incident, scheme, now });
      const escalation = escalationClock({ incident, scheme, now });
      const sla = responseSla({ incident, scheme, now });
      const regulatory = regulatoryClock({ incident, now });
      const overdue = update.state === 'overdue' || sla.state === 'breached' || (regulatory?.state === 'overdue');
      return { incident, update, escalation, sla, regulatory, overdue };
    });
}
