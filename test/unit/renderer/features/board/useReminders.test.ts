import { describe, expect, it } from 'vitest';
import { INCIDENT_DEFAULTS } from '../../../../../shared/domain/incident.ts';
import { P0_P3_SCHEME } from '../../../../../shared/domain/severity.ts';
import type { IncidentView } from '../../../../../shared/entities/index.ts';
import { dueReminders, ReminderTracker } from '../../../../../renderer/features/board/useReminders.ts';
import { boardRows } from '../../../../../renderer/features/board/boardRows.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;

function incident(id: string, severity: string, patch: Partial<IncidentView> = {}): IncidentView {
  return { ...INCIDENT_DEFAULTS, id, title: id, severity, type: 'availability', declaredAt: new Date(T).toISOString(), declaredBy: 'Ana', roles: {}, updatedHlc: '', ...patch };
}

describe('reminders', () => {
  it('fall due for an overdue update and for each escalation step reached, keyed so each fires once', () => {
    const p1 = incident('inc-p1aaaa', 'P1');
    expect(dueReminders([p1], P0_P3_SCHEME, T + 29 * MIN)).toEqual([]);
    const at31 = dueReminders([p1], P0_P3_SCHEME, T + 31 * MIN);
    expect(at31.map((r) => r.title)).toEqual(['Status update due: inc-p1aaaa', 'Escalate: inc-p1aaaa']);
    expect(dueReminders([p1], P0_P3_SCHEME, T + 32 * MIN).map((r) => r.key)).toEqual(at31.map((r) => r.key));
    const posted = { ...p1, lastUpdateAt: new Date(T + 31 * MIN).toISOString() };
    expect(dueReminders([posted], P0_P3_SCHEME, T + 32 * MIN).map((r) => r.title)).toEqual(['Escalate: inc-p1aaaa']);
  });

  it('stay quiet for resolved incidents', () => {
    const done = incident('inc-done00', 'P0', { status: 'resolved', resolvedAt: new Date(T + MIN).toISOString(), mitigatedAt: new Date(T + MIN).toISOString() });
    expect(dueReminders([done], P0_P3_SCHEME, T + 120 * MIN)).toEqual([]);
  });
});

describe('reminder tracker', () => {
  it('fires nothing for what was already due when the incidents were first read, even if that read came late', () => {
    const incidents = [incident('inc-p1aaaa', 'P1'), incident('inc-p0aaaa', 'P0')];
    const tracker = new ReminderTracker();
    expect(tracker.next(undefined, P0_P3_SCHEME, T + 40 * MIN)).toEqual([]);
    expect(tracker.next(incidents, P0_P3_SCHEME, T + 40 * MIN)).toEqual([]);
    expect(tracker.next(incidents, P0_P3_SCHEME, T + 41 * MIN)).toEqual([]);
  });

  it('fires each new reminder exactly once as it falls due', () => {
    const p1 = incident('inc-p1aaaa', 'P1');
    const tracker = new ReminderTracker();
    expect(tracker.next([p1], P0_P3_SCHEME, T + 10 * MIN)).toEqual([]);
    expect(tracker.next([p1], P0_P3_SCHEME, T + 31 * MIN).map((r) => r.title)).toEqual(['Status update due: inc-p1aaaa', 'Escalate: inc-p1aaaa']);
    expect(tracker.next([p1], P0_P3_SCHEME, T + 32 * MIN)).toEqual([]);
  });

  it('stays quiet about past escalation steps once the incident is mitigated', () => {
    const mitigated = incident('inc-p1aaaa', 'P1', { mitigatedAt: new Date(T + 40 * MIN).toISOString() });
    expect(dueReminders([mitigated], P0_P3_SCHEME, T + 45 * MIN).map((r) => r.title)).toEqual(['Status update due: inc-p1aaaa']);
  });
});

describe('board rows', () => {
  it('"mine" counts a team role held like a built-in one', () => {
    const incidents = [incident('inc-dba000', 'P1', { teamRoles: { 'database-administrator': { name: 'Database administrator', person: 'Me' } } }), incident('inc-other0', 'P1')];
    expect(boardRows(incidents, P0_P3_SCHEME, 'mine', 'Me', T).map((r) => r.incident.id)).toEqual(['inc-dba000']);
  });

  it('sort by severity then age, filter open/resolved/exercises/mine, and flag what is overdue', () => {
    const incidents = [
      incident('inc-p2old0', 'P2', { declaredAt: new Date(T - 60 * MIN).toISOString() }),
      incident('inc-p0new0', 'P0', { declaredAt: new Date(T).toISOString(), roles: { 'incident-commander': 'Me' } }),
      incident('inc-p2new0', 'P2'),
      incident('inc-closed', 'P0', { status: 'closed' }),
      incident('inc-drill0', 'P3', { exercise: true }),
    ];
    const now = T + 16 * MIN;
    expect(boardRows(incidents, P0_P3_SCHEME, 'open', 'Me', now).map((r) => r.incident.id)).toEqual(['inc-p0new0', 'inc-p2old0', 'inc-p2new0', 'inc-drill0']);
    expect(boardRows(incidents, P0_P3_SCHEME, 'resolved', 'Me', now).map((r) => r.incident.id)).toEqual(['inc-closed']);
    expect(boardRows(incidents, P0_P3_SCHEME, 'exercises', 'Me', now).map((r) => r.incident.id)).toEqual(['inc-drill0']);
    expect(boardRows(incidents, P0_P3_SCHEME, 'mine', 'Me', now).map((r) => r.incident.id)).toEqual(['inc-p0new0']);
    const p0 = boardRows(incidents, P0_P3_SCHEME, 'open', 'Me', now)[0]!;
    expect(p0.overdue).toBe(true);
    expect(p0.update.state).toBe('overdue');
  });
});
