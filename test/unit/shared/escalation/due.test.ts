import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACT } from '../../../../shared/contacts/contact.ts';
import { DEFAULT_ROSTER } from '../../../../shared/contacts/roster.ts';
import { INCIDENT_DEFAULTS } from '../../../../shared/domain/incident.ts';
import { P0_P3_SCHEME } from '../../../../shared/domain/severity.ts';
import { DEFAULT_ESCALATION_MATRIX } from '../../../../shared/escalation/matrix.ts';
import { dueEscalations, peopleLines } from '../../../../shared/escalation/due.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;
const incident = { ...INCIDENT_DEFAULTS, title: 'API down', severity: 'P0', type: 'availability' as const, declaredAt: new Date(T + 10 * MIN).toISOString(), detectedAt: new Date(T).toISOString(), roles: { 'technical-lead': 'Raj Patel' } };
const people = { contacts: [{ id: 'c1', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Raj Patel', roles: [], phone: '+1 555 0101', email: 'raj@example.com' }], teamRoles: [], roster: DEFAULT_ROSTER };

describe('escalations due', () => {
  it('every step reached from detection and not yet logged, latest first, with its people and line', () => {
    const due = dueEscalations({ incident, scheme: P0_P3_SCHEME, matrix: DEFAULT_ESCALATION_MATRIX, people, now: T + 31 * MIN, logged: new Set(['escalation-t15']) });
    expect(due.map((d) => d.tag)).toEqual(['escalation-t30']);
    expect(due[0]!.line).toBe('Escalated: Raj Patel (Technical lead), phone +1 555 0101; Engineering manager (no contact in the directory)');
    expect(peopleLines(due[0]!.people)).toEqual(['Raj Patel (Technical lead): phone +1 555 0101 · email raj@example.com', 'Engineering manager (no contact in the directory)']);
    expect(dueEscalations({ incident, scheme: P0_P3_SCHEME, matrix: DEFAULT_ESCALATION_MATRIX, people, now: T + 31 * MIN, logged: new Set() }).map((d) => d.tag)).toEqual(['escalation-t30', 'escalation-t15']);
  });
});
