/** A pinned start and a full incident, so each test spells out only the fields it is about. */
import { INCIDENT_DEFAULTS, type IncidentFields } from '../../../shared/domain/incident.ts';

export const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const MIN = 60_000;

/** ms at T+`minutes`. */
export const at = (minutes: number): number => T0 + minutes * MIN;
/** ISO at T+`minutes`. */
export const iso = (minutes: number): string => new Date(at(minutes)).toISOString();

export function incident(fields: Partial<IncidentFields> = {}): IncidentFields {
  return { ...INCIDENT_DEFAULTS, title: 'Checkout down', severity: 'P0', type: 'availability', declaredAt: iso(0), ...fields };
}
