import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACT } from '../../../../../shared/contacts/contact.ts';
import { DEFAULT_ROSTER } from '../../../../../shared/contacts/roster.ts';
import { INCIDENT_DEFAULTS } from '../../../../../shared/domain/incident.ts';
import { P0_P3_SCHEME, P1_P4_SCHEME } from '../../../../../shared/domain/severity.ts';
import { defaultCommsPlan } from '../../../../../shared/comms/commsPlan.ts';
import { DEFAULT_ESCALATION_MATRIX } from '../../../../../shared/escalation/matrix.ts';
import type { IncidentView } from '../../../../../shared/entities/index.ts';
import { dueReminders } from '../../../../../renderer/features/board/useReminders.ts';
import { escalationReminder, NO_ESCALATION_SOURCES } from '../../../../../renderer/features/escalation/escalationReminder.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;
const incident = (patch: Partial<IncidentView> = {}): IncidentView => ({ ...INCIDENT_DEFAULTS, id: 'inc-sec000', title: 'Token leak', severity: 'P1', type: 'security', declaredAt: new Date(T).toISOString(), declaredBy: 'Ana', roles: {}, updatedHlc: '', ...patch });
const sources = {
  matrix: DEFAULT_ESCALATION_MATRIX,
  people: { contacts: [{ id: 'c1', ...EMPTY_CONTACT, kind: 'person' as const, name: 'Carla Ng', roles: ['CISO'], phone: '+1 555 0199', chat: '@carla' }], teamRoles: [], roster: DEFAULT_ROSTER },
};

describe('the escalation reminder', () => {
  it('names the people of the matrix step with every way to reach them', () => {
    expect(escalationReminder(incident(), P0_P3_SCHEME, sources, T + 29 * MIN)).toBeNull();
    expect(escalationReminder(incident(), P0_P3_SCHEME, sources, T + 30 * MIN)).toEqual({ key: 'inc-sec000:escalation:30', title: 'Escalate: Token leak', body: 'P1 · T+30 min: Carla Ng (CISO): phone +1 555 0199 · chat @carla' });
    const exercise = dueReminders([incident({ exercise: true })], P0_P3_SCHEME, defaultCommsPlan(P0_P3_SCHEME), T + 61 * MIN, sources).filter((r) => r.key.includes(':escalation:'));
    expect(exercise.map((r) => [r.title, r.body])).toEqual([['EXERCISE · Escalate: Token leak', 'P1 · T+60 min: CEO (no contact in the directory)']]);
  });

  it("without a matrix row the level's own steps still remind (nothing regresses)", () => {
    expect(escalationReminder(incident({ type: 'availability' }), P0_P3_SCHEME, NO_ESCALATION_SOURCES, T + 60 * MIN)?.body).toBe('P1 · T+60 min: CTO (no contact in the directory)');
    // The default matrix is written for P0–P3: under P1–P4, P1 (Critical) keeps its own path.
    expect(escalationReminder(incident({ type: 'availability' }), P1_P4_SCHEME, sources, T + 15 * MIN)?.body).toBe('P1 · T+15 min: Secondary on-call (no contact in the directory)');
  });
});
