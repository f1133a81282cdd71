/**
 * The facts of an incident a commander keeps true as it unfolds (title, type, summary, impact,
 * affected services, the external ticket), and the one timeline line that says what changed.
 */
import type { IncidentFields, SettableIncidentFields } from './incident.ts';

export const FACT_FIELDS = [
  'title',
  'type',
  'summary',
  'usersAffected',
  'usersAffectedPercent',
  'impactUser',
  'impactBusiness',
  'impactTechnical',
  'services',
  'externalRef',
] as const satisfies readonly (keyof SettableIncidentFields)[];
export type FactField = (typeof FACT_FIELDS)[number];
export type Facts = Pick<IncidentFields, FactField>;

export const FACT_NAMES: Record<FactField, string> = {
  title: 'Title',
  type: 'Type',
  summary: 'Summary',
  usersAffected: 'Users affected',
  usersAffectedPercent: 'Users affected (%)',
  impactUser: 'User impact',
  impactBusiness: 'Business impact',
  impactTechnical: 'Technical impact',
  services: 'Affected services',
  externalRef: 'External ticket',
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The facts in `next` that differ from `before`, and only those: what one `incident.set` carries. */
export function changedFacts(before: Facts, next: Facts): Partial<Facts> {
  const changed: Partial<Record<FactField, unknown>> = {};
  for (const field of FACT_FIELDS) if (!same(before[field], next[field])) changed[field] = next[field];
  return changed as Partial<Facts>;
}

/** A value as the timeline shows it: short ones quoted whole, long prose cut (the full text is in the facts). */
function shown(field: FactField, value: Facts[FactField]): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return 'none';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return field === 'usersAffectedPercent' ? `${value}%` : String(value);
  const text = value.replace(/\s+/g, ' ').trim();
  return `"${text.length > 120 ? `${text.slice(0, 117)}…` : text}"`;
}

/** `Facts updated: Title "A" → "B"; Affected services: api, db` — one line per save. */
export function describeFactChanges(before: Facts, changed: Partial<Facts>): string {
  const parts = FACT_FIELDS.filter((field) => field in changed).map((field) => {
    const to = shown(field, changed[field] as Facts[FactField]);
    const from = shown(field, before[field]);
    return from === 'none' ? `${FACT_NAMES[field]}: ${to}` : `${FACT_NAMES[field]}: ${from} → ${to}`;
  });
  return `Facts updated: ${parts.join('; ')}`.slice(0, 5000);
}
