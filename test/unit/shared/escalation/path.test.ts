import { describe, expect, it } from 'vitest';
import { INCIDENT_DEFAULTS } from '../../../../shared/domain/incident.ts';
import { P0_P3_SCHEME, P1_P4_SCHEME } from '../../../../shared/domain/severity.ts';
import { DEFAULT_ESCALATION_MATRIX } from '../../../../shared/escalation/matrix.ts';
import { escalationPath, escalationPathClock } from '../../../../shared/escalation/path.ts';

const T = Date.parse('2026-11-23T09:00:00Z');
const MIN = 60_000;
const incident = (over: object = {}) => ({ ...INCIDENT_DEFAULTS, title: 't', severity: 'P1', type: 'security' as const, declaredAt: new Date(T).toISOString(), ...over });

describe("an incident's escalation path", () => {
  it('comes from the most specific matrix row, timed from detection', () => {
    const clock = escalationPathClock({ incident: incident(), scheme: P0_P3_SCHEME, matrix: DEFAULT_ESCALATION_MATRIX, now: T + 31 * MIN });
    expect(clock.reached.map((s) => s.label)).toEqual(['CISO']);
    expect(clock.next).toMatchObject({ step: { label: 'CEO' }, dueAt: T + 60 * MIN });
    expect(escalationPath(incident(), P0_P3_SCHEME, DEFAULT_ESCALATION_MATRIX).source).toBe('matrix row 5');
  });

  it("falls back to the scheme's own steps when no row matches (nothing regresses), and stops when resolved", () => {
    const p2 = incident({ severity: 'P2', type: 'availability' });
    const empty = { scheme: 'p1-p4', rows: [] };
    expect(escalationPath(p2, P1_P4_SCHEME, empty)).toEqual({ source: "the P2 level's steps", steps: P1_P4_SCHEME.levels[1]!.escalation.map((s) => ({ afterMinutes: s.afterMinutes, notify: [{ role: s.notify, via: 'preferred' }], label: s.notify })) });
    const resolved = incident({ status: 'resolved', resolvedAt: new Date(T + 40 * MIN).toISOString() });
    const clock = escalationPathClock({ incident: resolved, scheme: P0_P3_SCHEME, matrix: DEFAULT_ESCALATION_MATRIX, now: T + 90 * MIN });
    expect(clock).toMatchObject({ reached: [{ label: 'CISO' }], next: null });
  });
});
