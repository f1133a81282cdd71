/**
 * An incident's escalation path: the matrix row that decides it (rowFor), else the severity
 * scheme's own steps, so a team with no row for an incident loses nothing it had. Scheme steps
 * name their people as free text ("CTO"), read here as a role, so they resolve to names too.
 */
import { pathClock, type EscalationClock, type EscalationIncident } from '../board/clocks.ts';
import { levelOrLeast, type SeverityScheme } from '../domain/severity.ts';
import { rowFor, type EscalationMatrix, type MatchIncident, type Notify } from './matrix.ts';
import { notifyLabel } from './resolve.ts';

export interface PathStep {
  afterMinutes: number;
  notify: Notify[];
  /** Who, before resolution: "Technical lead + Engineering manager". */
  label: string;
}

export interface EscalationPath {
  /** Where the path comes from, for the incident page: "matrix row 5" or "the P0 level's steps". */
  source: string;
  steps: PathStep[];
}

export type PathIncident = EscalationIncident & MatchIncident;

export function escalationPath(incident: PathIncident, scheme: SeverityScheme, matrix: EscalationMatrix): EscalationPath {
  const found = rowFor(matrix, incident, scheme.id);
  if (found) return { source: `matrix row ${found.index + 1}`, steps: found.row.steps.map((s) => ({ ...s, label: notifyLabel(s.notify) })) };
  // An unknown level falls back to the least severe, as every other clock does.
  const level = levelOrLeast(incident.severity, scheme);
  return {
    source: `the ${level.id} level's steps`,
    steps: level.escalation.map((s) => ({ afterMinutes: s.afterMinutes, notify: [{ role: s.notify, via: 'preferred' }], label: s.notify })),
  };
}

/** The path's clock: reached steps and the next one, on the rules of pathClock (from detection, stops when resolved). */
export function escalationPathClock({ incident, scheme, matrix, now }: { incident: PathIncident; scheme: SeverityScheme; matrix: EscalationMatrix; now: number }): EscalationClock<PathStep> {
  return pathClock(escalationPath(incident, scheme, matrix).steps, incident, now);
}
