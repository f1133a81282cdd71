/**
 * Which runbooks to offer for an incident.
 */
import { INCIDENT_TYPES, type IncidentType } from '../domain/incident.ts';
import { MAX_LEVELS } from '../domain/severity.ts';
import type { Runbook } from './runbook.ts';

/** The id of the general response checklist (builtin/general.ts): offered for every incident. */
export const GENERAL_RUNBOOK_ID = 'general-response';

/**
 * The runbooks that apply to an incident: those whose `types` include its type (or are empty)
 * and whose `severities` include its severity (or are empty), plus the general checklist
 * (`GENERAL_RUNBOOK_ID`) whenever it is in `runbooks`, whatever its own filters say.
 *
 * Most specific first: by how many (type, severity) pairs a runbook covers, an empty list
 * counting as all six types / as many severities as a scheme may have (MAX_LEVELS). So a
 * security P0–P1 runbook comes before a security-only one, which comes before the general
 * checklist; the general checklist is always last. Ties keep the order of `runbooks`.
 */
export function runbooksFor(incident: { type: IncidentType; severity: string }, runbooks: readonly Runbook[]): Runbook[] {
  const matching = runbooks.filter(
    (runbook) =>
      runbook.id !== GENERAL_RUNBOOK_ID &&
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
