/**
 * The escalation matrix: who is brought in, when and how, per severity AND per incident type or
 * affected service. The plans escalate by type (Plan A "Escalation Paths": security → CISO →
 * CEO) and by severity (Plan C "Escalation Matrix"), so a row names any of the three; the most
 * specific row that matches an incident gives its whole path (rowFor).
 *
 * A matrix is team data, synced and edited, so it is validated here with messages a person can
 * act on: every value check names the row and the step ("Row 3 (P0, P1 · security): step 2: …").
 */
import { z } from 'zod';
import { INCIDENT_TYPES, IncidentType } from '../domain/incident.ts';
import { normalizeName } from '../util/normalizeName.ts';
import { issuePath } from '../util/zodError.ts';

export const MAX_ROWS = 100;
export const MAX_STEPS = 10;
export const MAX_PEOPLE = 5;
export const MAX_SEVERITIES = 8;
/** A week: a step later than that is a typo, not a plan. */
export const MAX_AFTER_MINUTES = 7 * 24 * 60;

const SEVERITY_ID = /^[A-Z0-9]{1,8}$/;
const SCHEME_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** The characters the text form (matrixText.ts) uses as separators may not appear inside a name. */
const SEPARATORS = /[|:;+\r\n]/;

/** How someone is reached: one way, or `preferred` = the first way the directory records, in the order phone, email, chat. */
export const VIAS = ['phone', 'email', 'chat', 'preferred'] as const;
export type Via = (typeof VIAS)[number];

/**
 * Who is brought in: a role (a built-in role, a team role, or a role people wrote in the contacts
 * directory, such as "CTO"), a contact by name, or whoever is on call (primary or secondary) when
 * the step falls due.
 */
export type Who = { role: string } | { contact: string } | { onCall: 'primary' | 'secondary' };
export type Notify = Who & { via: Via };

export interface MatrixStep {
  /** Minutes after detection (else declaration), like the severity scheme's steps. */
  afterMinutes: number;
  notify: Notify[];
}

export interface MatrixRow {
  /** Severity ids the row applies to; empty = every severity. */
  severities: string[];
  /** The incident type the row applies to; null = every type. */
  type: IncidentType | null;
  /** An affected service (the incident's `services`, compared case and punctuation aside); null = any. */
  service: string | null;
  steps: MatrixStep[];
}

export interface EscalationMatrix {
  /**
   * The severity scheme (its id) the rows' severities are written for. Severity ids mean
   * different levels in different schemes (P1 is High in P0–P3, Critical in P1–P4), so rows
   * naming severities apply only while that scheme is in force; the others always apply.
   */
  scheme: string;
  rows: MatrixRow[];
}

// Shapes check types only; every value check is in the refinement, where the row label is known.
const NotifyShape = z.union([
  z.object({ role: z.string(), via: z.string() }).strict(),
  z.object({ contact: z.string(), via: z.string() }).strict(),
  z.object({ onCall: z.string(), via: z.string() }).strict(),
]);
const StepShape = z.object({ afterMinutes: z.number(), notify: z.array(NotifyShape) }).strict();
const RowShape = z
  .object({
    severities: z.array(z.string()),
    type: z.string().nullable(),
    service: z.string().nullable(),
    steps: z.array(StepShape),
  })
  .strict();

/** "P0, P1 · security · service Backend API", or "every incident". */
export function rowCriteria(row: Pick<MatrixRow, 'severities' | 'type' | 'service'>): string {
  const parts = [row.severities.join(', '), row.type ?? '', row.service === null ? '' : `service ${row.service}`].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' · ') : 'every incident';
}

function rowLabel(index: number, row: { severities?: unknown; type?: unknown; service?: unknown }): string {
  const ok = Array.isArray(row.severities) && row.severities.every((s) => typeof s === 'string') && (row.type === null || typeof row.type === 'string') && (row.service === null || typeof row.service === 'string');
  const criteria = ok ? rowCriteria(row as MatrixRow) : '';
  return criteria === '' ? `Row ${index + 1}` : `Row ${index + 1} (${criteria.slice(0, 80)})`;
}

const isName = (s: string, max: number): boolean => s.trim() !== '' && s.trim() === s && s.length <= max && !SEPARATORS.test(s);

export const EscalationMatrix = z
  .object({ scheme: z.string(), rows: z.array(RowShape) })
  .strict()
  .superRefine((matrix, ctx) => {
    if (!SCHEME_ID.test(matrix.scheme)) ctx.addIssue({ code: 'custom', path: ['scheme'], message: `The matrix's scheme must be a severity scheme id such as p0-p3 (got ${JSON.stringify(matrix.scheme.slice(0, 40))})` });
    if (matrix.rows.length > MAX_ROWS) ctx.addIssue({ code: 'custom', path: ['rows'], message: `A matrix has at most ${MAX_ROWS} rows (has ${matrix.rows.length})` });
    const seen = new Map<string, number>();
    matrix.rows.forEach((row, r) => {
      const where = rowLabel(r, row);
      const problem = (path: (string | number)[], message: string): void => {
        ctx.addIssue({ code: 'custom', path: ['rows', r, ...path], message: `${where}: ${message}` });
      };
      if (row.severities.length > MAX_SEVERITIES) problem(['severities'], `at most ${MAX_SEVERITIES} severities`);
      row.severities.forEach((id, i) => {
        if (!SEVERITY_ID.test(id)) problem(['severities', i], `severity ${JSON.stringify(id.slice(0, 20))} is not a severity id such as P0`);
        if (row.severities.indexOf(id) !== i) problem(['severities', i], `severity ${id} is listed twice`);
      });
      if (row.type !== null && !IncidentType.safeParse(row.type).success) problem(['type'], `type ${JSON.stringify(row.type.slice(0, 40))} is not one of ${INCIDENT_TYPES.join(', ')}`);
      if (row.service !== null && !isName(row.service, 100)) problem(['service'], 'a service is 1–100 characters on one line, without | : ; +');
      if (row.steps.length === 0) problem(['steps'], 'a row needs at least one step');
      if (row.steps.length > MAX_STEPS) problem(['steps'], `at most ${MAX_STEPS} steps`);
      row.steps.forEach((step, s) => {
        const at = (message: string, ...path: (string | number)[]) => problem(['steps', s, ...path], `step ${s + 1}: ${message}`);
        if (!Number.isInteger(step.afterMinutes) || step.afterMinutes < 1 || step.afterMinutes > MAX_AFTER_MINUTES) {
          at(`the minutes after detection must be a whole number from 1 to ${MAX_AFTER_MINUTES} (got ${step.afterMinutes})`, 'afterMinutes');
        }
        const before = row.steps[s - 1];
        if (before !== undefined && step.afterMinutes <= before.afterMinutes) at(`must come later than step ${s} (${step.afterMinutes} after ${before.afterMinutes} min; steps are strictly ascending)`, 'afterMinutes');
        if (step.notify.length === 0) at('names nobody: name a role, a contact or the on-call', 'notify');
        if (step.notify.length > MAX_PEOPLE) at(`names at most ${MAX_PEOPLE} people`, 'notify');
        step.notify.forEach((n, p) => {
          if (!(VIAS as readonly string[]).includes(n.via)) at(`"by ${n.via.slice(0, 20)}" is not one of ${VIAS.join(', ')}`, 'notify', p, 'via');
          if ('role' in n && !isName(n.role, 60)) at('a role is 1–60 characters on one line, without | : ; +', 'notify', p, 'role');
          if ('contact' in n && !isName(n.contact, 200)) at('a contact name is 1–200 characters on one line, without | : ; +', 'notify', p, 'contact');
          if ('onCall' in n && n.onCall !== 'primary' && n.onCall !== 'secondary') at('the on-call is primary or secondary', 'notify', p, 'onCall');
        });
      });
      const key = JSON.stringify([[...row.severities].sort(), row.type, row.service === null ? null : normalizeName(row.service)]);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, r);
      else problem([], `matches exactly the same incidents as row ${first + 1}; merge them`);
    });
  })
  .transform((matrix) => matrix as EscalationMatrix);

/**
 * A matrix from a file, an editor or a sync target: the matrix, or one readable line per problem.
 * Type problems (a string where a number belongs) get the row prepended from the issue's path.
 */
export function validateEscalationMatrix(input: unknown): { ok: true; matrix: EscalationMatrix } | { ok: false; problems: string[] } {
  const result = EscalationMatrix.safeParse(input);
  if (result.success) return { ok: true, matrix: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => (issue.code === 'custom' ? issue.message : `${pathLabel(issue.path, input)}: ${issue.message}`)) };
}

function pathLabel(path: readonly PropertyKey[], input: unknown): string {
  const [top, index, ...rest] = path;
  if (top === 'rows' && typeof index === 'number') {
    const rows = (input as { rows?: unknown } | null)?.rows;
    const row = Array.isArray(rows) && typeof rows[index] === 'object' && rows[index] !== null ? (rows[index] as Record<string, unknown>) : {};
    return rest.length > 0 ? `${rowLabel(index, row)} ${issuePath(rest)}` : rowLabel(index, row);
  }
  return issuePath(path, 'matrix');
}

export type MatchIncident = { severity: string; type: string; services: readonly string[] };

/**
 * The row that decides an incident's path: among the rows that match (each criterion the row
 * names equals the incident's), the most specific, by weight: service 4, type 2, severity 1 (so
 * a service row beats a type row, which beats a severity row, and a row naming two criteria
 * beats one naming either). Equal weight: the earlier row wins. Rows naming severities count
 * only under the scheme the matrix was written for. null when no row matches: the severity
 * scheme's own steps then apply.
 */
export function rowFor(matrix: EscalationMatrix, incident: MatchIncident, schemeId: string): { row: MatrixRow; index: number } | null {
  const sameScheme = matrix.scheme === schemeId;
  const services = new Set(incident.services.map(normalizeName));
  let best: { row: MatrixRow; index: number } | null = null;
  let bestWeight = -1;
  for (const [index, row] of matrix.rows.entries()) {
    if (row.severities.length > 0 && (!sameScheme || !row.severities.includes(incident.severity))) continue;
    if (row.type !== null && row.type !== incident.type) continue;
    if (row.service !== null && !services.has(normalizeName(row.service))) continue;
    const weight = (row.service !== null ? 4 : 0) + (row.type !== null ? 2 : 0) + (row.severities.length > 0 ? 1 : 0);
    if (weight > bestWeight) {
      best = { row, index };
      bestWeight = weight;
    }
  }
  return best;
}

const role = (name: string, via: Via = 'preferred'): Notify => ({ role: name, via });
const step = (afterMinutes: number, ...notify: Notify[]): MatrixStep => ({ afterMinutes, notify });
const SEVERE = ['P0', 'P1'];

/**
 * The default matrix, from the plans (docs/response-plans.md#escalation-matrix):
 * - by severity: Plan C "Escalation Matrix" (P0 "Technical Lead + IC" at 30 min and "CTO + CEO"
 *   at 1 hour; P1 Technical Lead, CTO; P2 Team Lead, Technical Lead; P3 Team Lead), with Plan D's
 *   "Escalation Path" for P0 (Team Lead T+15, Engineering Manager T+30, CTO T+60).
 * - by type and service, for the severe levels (P0, P1): Plan A "Escalation Paths" (security:
 *   Security Engineer → CISO → CEO; data: Database Engineer → Data Architect → CTO; the services
 *   Frontend, Backend API, AI service). Plan A gives no times: its secondary escalation comes at
 *   Plan C's 30 minutes, its tertiary at Plan C's 1 hour; the first responder is the declaration's
 *   (the on-call, proposed by the declare dialog), not an escalation.
 * Lower levels of those types follow the severity rows: a P3 security finding does not page the CEO.
 * Written for the default scheme: under another (P1–P4) the levels' own steps apply until the team
 * writes its matrix.
 */
export const DEFAULT_ESCALATION_MATRIX: EscalationMatrix = {
  scheme: 'p0-p3',
  rows: [
    { severities: ['P0'], type: null, service: null, steps: [step(15, role('Team lead')), step(30, role('Technical lead'), role('Engineering manager')), step(60, role('CTO', 'phone'), role('CEO', 'phone'))] },
    { severities: ['P1'], type: null, service: null, steps: [step(30, role('Technical lead')), step(60, role('CTO', 'phone'))] },
    { severities: ['P2'], type: null, service: null, steps: [step(30, role('Team lead')), step(60, role('Technical lead'))] },
    { severities: ['P3'], type: null, service: null, steps: [step(30, role('Team lead'))] },
    { severities: SEVERE, type: 'security', service: null, steps: [step(30, role('CISO', 'phone')), step(60, role('CEO', 'phone'))] },
    { severities: SEVERE, type: 'data', service: null, steps: [step(30, role('Data architect')), step(60, role('CTO', 'phone'))] },
    { severities: SEVERE, type: null, service: 'Frontend', steps: [step(30, role('UX lead')), step(60, role('Engineering manager'))] },
    { severities: SEVERE, type: null, service: 'Backend API', steps: [step(30, role('Service owner')), step(60, role('CTO', 'phone'))] },
    { severities: SEVERE, type: null, service: 'AI service', steps: [step(30, role('ML team lead')), step(60, role('CTO', 'phone'))] },
  ],
};
