/**
 * Which runbooks to offer for an incident.
 */
import { INCIDENT_TYPES, type IncidentType } from '../domain/incident.ts';
import { mapSeverity, MAX_LEVELS, P0_P3_SCHEME, type SeverityScheme } from '../domain/severity.ts';
import type { Runbook } from './runbook.ts';

/** The id of the general response checklist (builtin/general.ts): offered for every incident. */
export const GENERAL_RUNBOOK_ID = 'general-response';
/** The id of the restore-priority checklist (builtin/disasterRecovery.ts): offered only once a disaster is declared. */
export const DISASTER_RECOVERY_RUNBOOK_ID = 'disaster-recovery';

type Matched = { type: IncidentType; severity: string; disasterDeclaredAt?: string | null };

/**
 * The runbooks that apply to an incident: those whose `types` include its type (or are empty)
 * and whose `severities` include its severity (or are empty), plus the general checklist
 * (`GENERAL_RUNBOOK_ID`) whenever it is in `runbooks`, whatever its own filters say.
 *
 * Most specific first: by how many (type, severity) pairs a runbook covers, an empty list
 * counting as all six types / as many severities as a scheme may have (MAX_LEVELS). So a
 * security P0–P1 runbook comes before a security-only one, which comes before the general
 * checklist; the general checklist is always last. Ties keep the order of `runbooks`. The
 * disaster-recovery checklist (`DISASTER_RECOVERY_RUNBOOK_ID`) is offered only once a disaster is declared.
 */
export function runbooksFor(incident: Matched, runbooks: readonly Runbook[]): Runbook[] {
  const disaster = incident.disasterDeclaredAt !== undefined && incident.disasterDeclaredAt !== null;
  const matching = runbooks.filter(
    (runbook) =>
      runbook.id !== GENERAL_RUNBOOK_ID &&
      (runbook.id !== DISASTER_RECOVERY_RUNBOOK_ID || disaster) &&
      (runbook.types.length === 0 || runbook.types.includes(incident.type)) &&
      (runbook.severities.length === 0 || runbook.severities.includes(incident.severity)),
  );
  const general = runbooks.filter((runbook) => runbook.id === GENERAL_RUNBOOK_ID);
  // Array.prototype.sort is stable, so equal coverage keeps the given order.
  return [...matching.sort((a, b) => coverage(a) - coverage(b)), ...general];
}

function coverage(runbook: Runbook): number {
  const types = runbook.types.length === 0 ? INCIDENT_TYPES.length : new Set(runbook.types).size;
  const severities = runbook.severities.length === 0 ? MAX_LEVELS : new Set(runbook.severities).size;
  return types * severities;
}

/**
 * Every runbook `runbooksFor` does not offer, in library order: any runbook can be started on any
 * incident (a P2 security incident may still need the security checklist), the rest are one
 * search away.
 */
export function otherRunbooks(incident: Matched, runbooks: readonly Runbook[]): Runbook[] {
  const offered = new Set(runbooksFor(incident, runbooks));
  return runbooks.filter((runbook) => !offered.has(runbook));
}

/**
 * A built-in runbook with its severity filter in the team's scheme. Built-ins are written in the
 * default P0–P3 scheme; a team on another scheme (P1–P4) would otherwise never match them, so
 * each level is carried over by rank, as `mapSeverity` does for incidents (P0, P1 → P1, P2).
 * The team's own runbooks are written in its scheme and are not passed through this.
 */
export function builtInInScheme(runbook: Runbook, scheme: SeverityScheme): Runbook {
  if (runbook.severities.length === 0) return runbook;
  const severities = [...new Set(runbook.severities.map((id) => mapSeverity(id, P0_P3_SCHEME, scheme)))];
  return { ...runbook, severities };
}
