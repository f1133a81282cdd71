import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION_MATRIX, MAX_ROWS, rowFor, validateEscalationMatrix, type EscalationMatrix } from '../../../../shared/escalation/matrix.ts';
import { settings } from '../../../../shared/entities/settings.ts';

const row = (over: object) => ({ severities: [], type: null, service: null, steps: [{ afterMinutes: 30, notify: [{ role: 'CTO', via: 'phone' }] }], ...over });
const problemsOf = (input: unknown): string[] => {
  const checked = validateEscalationMatrix(input);
  return checked.ok ? [] : checked.problems;
};

describe('escalation matrix validation', () => {
  it('accepts the default, which is frozen by nothing but validated like any team matrix', () => {
    expect(validateEscalationMatrix(DEFAULT_ESCALATION_MATRIX)).toEqual({ ok: true, matrix: DEFAULT_ESCALATION_MATRIX });
  });

  it('refuses a bad step naming its row and step', () => {
    const bad = {
      scheme: 'p0-p3',
      rows: [
        row({ severities: ['P0'] }),
        row({
          severities: ['P0', 'P1'],
          type: 'security',
          steps: [
            { afterMinutes: 30, notify: [{ role: 'CISO', via: 'phone' }] },
            { afterMinutes: 20, notify: [{ role: 'CEO', via: 'pager' }] },
            { afterMinutes: 90, notify: [] },
          ],
        }),
      ],
    };
    expect(problemsOf(bad)).toEqual([
      'Row 2 (P0, P1 · security): step 2: must come later than step 1 (20 after 30 min; steps are strictly ascending)',
      'Row 2 (P0, P1 · security): step 2: "by pager" is not one of phone, email, chat, preferred',
      'Row 2 (P0, P1 · security): step 3: names nobody: name a role, a contact or the on-call',
    ]);
  });

  it('refuses bad criteria, duplicate rows, type slips and oversized matrices', () => {
    expect(problemsOf({ scheme: 'p0-p3', rows: [row({ severities: ['p0'], type: 'outage' })] })).toEqual([
      'Row 1 (p0 · outage): severity "p0" is not a severity id such as P0',
      'Row 1 (p0 · outage): type "outage" is not one of availability, security, performance, data, infrastructure, application',
    ]);
    expect(problemsOf({ scheme: 'p0-p3', rows: [row({ service: 'Backend API' }), row({ service: 'backend-api' })] })).toEqual([
      'Row 2 (service backend-api): matches exactly the same incidents as row 1; merge them',
    ]);
    expect(problemsOf({ scheme: 'p0-p3', rows: [row({ steps: [{ afterMinutes: '30', notify: [{ role: 'CTO', via: 'phone' }] }] })] })).toEqual([
      'Row 1 (every incident) steps[0].afterMinutes: Invalid input: expected number, received string',
    ]);
    expect(problemsOf({ scheme: 'p0-p3', rows: [row({ steps: [{ afterMinutes: 30, notify: [{ role: 'CTO | CEO', via: 'phone' }] }] })] })).toEqual([
      'Row 1 (every incident): step 1: a role is 1–60 characters on one line, without | : ; +',
    ]);
    expect(problemsOf(null)).toEqual(['matrix: Invalid input: expected object, received null']);
    expect(problemsOf({ scheme: 'p0-p3', rows: [row({ extra: 1 })] })).toEqual(['Row 1 (every incident): Unrecognized key: "extra"']);
    const many = { scheme: 'p0-p3', rows: Array.from({ length: MAX_ROWS + 1 }, (_, i) => row({ service: `svc ${i}` })) };
    expect(problemsOf(many)).toEqual([`A matrix has at most ${MAX_ROWS} rows (has ${MAX_ROWS + 1})`]);
  });

  it('is a synced setting kind: a bad matrix from a sync target is refused by the op schema', () => {
    const data = settings.kinds['settings.escalation-matrix'].data;
    expect(data.safeParse({ matrix: DEFAULT_ESCALATION_MATRIX }).success).toBe(true);
    expect(data.safeParse({ matrix: { scheme: 'p0-p3', rows: [row({ steps: [] })] } }).success).toBe(false);
  });
});

describe('which row decides', () => {
  const at = (severity: string, type: string, services: string[] = []) => rowFor(DEFAULT_ESCALATION_MATRIX, { severity, type, services }, 'p0-p3')?.index ?? null;
  it('the default: service beats type beats severity; lower levels of a type follow the severity rows', () => {
    expect(at('P0', 'availability')).toBe(0);
    expect(at('P1', 'security')).toBe(4);
    expect(at('P3', 'security')).toBe(3);
    expect(at('P1', 'data', ['backend api'])).toBe(7);
    expect(at('P0', 'application', ['AI Service'])).toBe(8);
    expect(at('SEV1', 'availability')).toBeNull();
  });
  it('rows naming severities apply only under the scheme the matrix was written for: P1 of P1–P4 is not P1 of P0–P3', () => {
    expect(rowFor(DEFAULT_ESCALATION_MATRIX, { severity: 'P1', type: 'availability', services: [] }, 'p1-p4')).toBeNull();
    const anySeverity = { scheme: 'p0-p3', rows: [{ severities: [], type: 'security' as const, service: null, steps: [{ afterMinutes: 5, notify: [{ role: 'CISO', via: 'phone' as const }] }] }] };
    expect(rowFor(anySeverity, { severity: 'P1', type: 'security', services: [] }, 'p1-p4')?.index).toBe(0);
    expect(problemsOf({ scheme: 'P0 P3', rows: [] })).toEqual(["The matrix's scheme must be a severity scheme id such as p0-p3 (got \"P0 P3\")"]);
  });
  it('equal weight: the earlier row wins; a row naming two criteria beats one', () => {
    const matrix: EscalationMatrix = {
      scheme: 'p0-p3',
      rows: [
        { severities: [], type: 'data', service: null, steps: [{ afterMinutes: 5, notify: [{ role: 'A', via: 'preferred' }] }] },
        { severities: ['P2'], type: 'data', service: null, steps: [{ afterMinutes: 5, notify: [{ role: 'B', via: 'preferred' }] }] },
        { severities: [], type: null, service: 'db', steps: [{ afterMinutes: 5, notify: [{ role: 'C', via: 'preferred' }] }] },
        { severities: [], type: null, service: 'DB ', steps: [{ afterMinutes: 5, notify: [{ role: 'D', via: 'preferred' }] }] },
      ],
    };
    expect(rowFor(matrix, { severity: 'P1', type: 'data', services: [] }, 'p0-p3')?.index).toBe(0);
    expect(rowFor(matrix, { severity: 'P2', type: 'data', services: [] }, 'p0-p3')?.index).toBe(1);
    expect(rowFor(matrix, { severity: 'P2', type: 'data', services: ['DB'] }, 'p0-p3')?.index).toBe(2);
  });
});
