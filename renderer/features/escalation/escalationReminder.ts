import type { SeverityScheme } from '../../../shared/domain/severity.ts';
import { DEFAULT_ROSTER } from '../../../shared/contacts/roster.ts';
import { escalationPathClock } from '../../../shared/escalation/path.ts';
import { peopleLines } from '../../../shared/escalation/due.ts';
import { resolveNotify } from '../../../shared/escalation/resolve.ts';
import type { IncidentView } from '../../../shared/entities/index.ts';
import type { EscalationSources } from './useEscalation.ts';

/** No matrix rows and an empty directory: the scheme's own steps, named by role. */
export const NO_ESCALATION_SOURCES: EscalationSources = { matrix: { scheme: 'p0-p3', rows: [] }, people: { contacts: [], teamRoles: [], roster: DEFAULT_ROSTER } };

/**
 * The desktop notification for the latest escalation step reached: who, with every way the
 * directory records to reach them ("T+30 min: Dana Lee (CTO): phone … · email …"). Keyed by the
 * step, so it fires once; the in-app alert (EscalationDue) carries the "Log escalation" action.
 */
export function escalationReminder(incident: IncidentView, scheme: SeverityScheme, sources: EscalationSources, now: number): { key: string; title: string; body: string } | null {
  const reached = escalationPathClock({ incident, scheme, matrix: sources.matrix, now }).reached.at(-1);
  if (!reached) return null;
  const people = peopleLines(resolveNotify(reached.notify, { ...sources.people, incident }, now));
  return { key: `${incident.id}:escalation:${reached.afterMinutes}`, title: `Escalate: ${incident.title}`, body: `${incident.severity} · T+${reached.afterMinutes} min: ${people.join('; ')}` };
}
