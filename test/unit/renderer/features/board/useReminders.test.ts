import { describe, expect, it } from 'vitest';
import { INCIDENT_DEFAULTS } from '../../../../../shared/domain/incident.ts';
import { P0_P3_SCHEME } from '../../../../../shared/domain/severity.ts';
import { defaultCommsPlan } from '../../../../../shared/comms/commsPlan.ts';

const PLAN = defaultCommsPlan(P0_P3_SCHEME);
import type { IncidentView } from '../../../../../shared/entities/index.ts';
import { dueReminders, ReminderTracker } from '../../../../../renderer/features/board/useReminders.ts';
import { boardRows, postmortemsDue } from '../../../../../renderer/features/board/boardRows.ts';

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;

function incident(id: string, severity: string, patch: Partial<IncidentView> = {}): IncidentView {
  return { ...INCIDENT_DEFAULTS, id, title: id, severity, type: 'availability', declaredAt: new Date(T).toISOString(), declaredBy: 'Ana', roles: {}, updatedHlc: '', ...patch };
}

describe('reminders', () => {
  it('fall due for an overdue update and for each escalation step reached, keyed so each fires once', () => {
    const p1 = incident('inc-p1aaaa', 'P1');
    expect(dueReminders([p1], P0_P3_SCHEME, PLAN, T + 29 * MIN)).toEqual([]);
    const at31 = dueReminders([p1], P0_P3_SCHEME, PLAN, T + 31 * MIN);
    expect(at31.map((r) => r.title)).toEqual(['Status update due: inc-p1aaaa', 'Status update due: inc-p1aaaa', 'Escalate: inc-p1aaaa']);
    expect(at31.map((r) => r.body).slice(0, 2)).toEqual(['P1 · Internal stakeholders (#incident chat channel): every 30 min', 'P1 · Customers (Status page): every 30 min']);
    expect(dueReminders([p1], P0_P3_SCHEME, PLAN, T + 32 * MIN).map((r) => r.key)).toEqual(at31.map((r) => r.key));
    // An update posted without an audience (an older War Room) counts for every audience.
    const posted = { ...p1, lastUpdateAt: new Date(T + 31 * MIN).toISOString() };
    expect(dueReminders([posted], P0_P3_SCHEME, PLAN, T + 32 * MIN).map((r) => r.title)).toEqual(['Escalate: inc-p1aaaa']);
  });

  it('a board row carries one clock per audience and needs action when any audience is overdue', () => {
    const at20 = new Date(T + 20 * MIN).toISOString();
    const p0 = incident('inc-p0aaaa', 'P0', { acknowledgedAt: new Date(T).toISOString(), lastUpdateAt: at20, audienceUpdates: { stakeholders: at20 } });
    const [row] = boardRows([p0], P0_P3_SCHEME, PLAN, 'open', 'Me', T + 31 * MIN);
    expect(row!.audiences.map((c) => [c.audience.id, c.state])).toEqual([['stakeholders', 'due-soon'], ['customers', 'overdue'], ['executives', 'ok']]);
    expect(row!.overdue).toBe(true);
  });

  it('fall due per audience: posting to the stakeholders leaves the customers reminder standing', () => {
    const at31 = new Date(T + 31 * MIN).toISOString();
    const p1 = incident('inc-p1aaaa', 'P1', { lastUpdateAt: at31, audienceUpdates: { stakeholders: at31 } });
    const due = dueReminders([p1], P0_P3_SCHEME, PLAN, T + 32 * MIN).filter((r) => r.title.startsWith('Status update'));
    expect(due.map((r) => [r.key, r.body])).toEqual([[`inc-p1aaaa:update:customers:${T + 30 * MIN}`, 'P1 · Customers (Status page): every 30 min']]);
  });

  it('stay quiet for resolved incidents', () => {
    const done = incident('inc-done00', 'P0', { status: 'resolved', resolvedAt: new Date(T + MIN).toISOString(), mitigatedAt: new Date(T + MIN).toISOString() });
    expect(dueReminders([done], P0_P3_SCHEME, PLAN, T + 120 * MIN)).toEqual([]);
  });
});

describe('reminder tracker', () => {
  it('fires nothing for what was already due when the incidents were first read, even if that read came late', () => {
    const incidents = [incident('inc-p1aaaa', 'P1'), incident('inc-p0aaaa', 'P0')];
    const tracker = new ReminderTracker();
    expect(tracker.next(undefined, P0_P3_SCHEME, PLAN, T + 40 * MIN)).toEqual([]);
    expect(tracker.next(incidents, P0_P3_SCHEME, PLAN, T + 40 * MIN)).toEqual([]);
    expect(tracker.next(incidents, P0_P3_SCHEME, PLAN, T + 41 * MIN)).toEqual([]);
  });

  it('fires each new reminder exactly once as it falls due', () => {
    const p1 = incident('inc-p1aaaa', 'P1');
    const tracker = new ReminderTracker();
    expect(tracker.next([p1], P0_P3_SCHEME, PLAN, T + 10 * MIN)).toEqual([]);
    expect(tracker.next([p1], P0_P3_SCHEME, PLAN, T + 31 * MIN).map((r) => r.title)).toEqual(['Status update due: inc-p1aaaa', 'Status update due: inc-p1aaaa', 'Escalate: inc-p1aaaa']);
    expect(tracker.next([p1], P0_P3_SCHEME, PLAN, T + 32 * MIN)).toEqual([]);
  });

  it('keeps escalating after mitigation while the incident is unresolved', () => {
    const mitigated = incident('inc-p1aaaa', 'P1', { status: 'monitoring', mitigatedAt: new Date(T + 20 * MIN).toISOString(), lastUpdateAt: new Date(T + 50 * MIN).toISOString() });
    const tracker = new ReminderTracker();
    expect(tracker.next([mitigated], P0_P3_SCHEME, PLAN, T + 55 * MIN).map((r) => r.title)).toEqual([]);
    // T+60: the CTO step of P1 falls due although the incident was mitigated at T+20.
    expect(tracker.next([mitigated], P0_P3_SCHEME, PLAN, T + 60 * MIN).map((r) => r.body)).toEqual(['P1 · T+60 min: CTO (no contact in the directory)']);
  });

  it('remind about the regulator notice 12 h before the deadline and when it passes, even after resolution, and stop once notified', () => {
    const H = 60 * MIN;
    const regulated = incident('inc-gdpr00', 'P2', { type: 'data', regulated: true, status: 'resolved', resolvedAt: new Date(T + H).toISOString(), mitigatedAt: new Date(T + H).toISOString() });
    const tracker = new ReminderTracker();
    expect(tracker.next([regulated], P0_P3_SCHEME, PLAN, T + 2 * H)).toEqual([]);
    expect(tracker.next([regulated], P0_P3_SCHEME, PLAN, T + 60 * H)).toEqual([]);
    expect(tracker.next([regulated], P0_P3_SCHEME, PLAN, T + 60 * H + MIN)).toEqual([{ key: `inc-gdpr00:regulatory:due-soon:${T + 72 * H}`, title: 'Notify the regulator: inc-gdpr00', body: 'Personal-data breach notice (72 h) due in 11 h 59 min' }]);
    expect(tracker.next([regulated], P0_P3_SCHEME, PLAN, T + 61 * H)).toEqual([]);
    expect(tracker.next([regulated], P0_P3_SCHEME, PLAN, T + 72 * H + MIN).map((r) => r.body)).toEqual(['Personal-data breach notice (72 h) 1 min overdue']);
    const notified = { ...regulated, regulatoryNotifiedAt: new Date(T + 73 * H).toISOString() };
    expect(dueReminders([notified], P0_P3_SCHEME, PLAN, T + 80 * H)).toEqual([]);
    // Not marked: no regulator reminders, whatever the type.
    expect(dueReminders([{ ...regulated, regulated: null }], P0_P3_SCHEME, PLAN, T + 80 * H)).toEqual([]);
  });
});

describe('disaster reminders', () => {
  it('remind 10 min before the RTO and when it passes, flag the board row, and stop once restored', () => {
    const disaster = incident('inc-dr0000', 'P0', { cadenceOverride: 'never', disasterDeclaredAt: new Date(T).toISOString(), disasterApprovedBy: 'Dana', disasterRtoMinutes: 60, disasterRpoMinutes: 5 });
    const rto = (now: number) => dueReminders([disaster], P0_P3_SCHEME, PLAN, now).filter((r) => r.key.includes(':rto:'));
    expect(rto(T + 49 * MIN)).toEqual([]);
    expect(rto(T + 51 * MIN)).toEqual([{ key: `inc-dr0000:rto:due-soon:${T + 60 * MIN}`, title: 'Disaster recovery: inc-dr0000', body: 'Services back within the RTO (60 min): due in 9 min' }]);
    expect(rto(T + 62 * MIN).map((r) => r.body)).toEqual(['Services back within the RTO (60 min): 2 min overdue']);
    expect(boardRows([{ ...disaster, acknowledgedAt: new Date(T).toISOString() }], P0_P3_SCHEME, PLAN, 'open', 'Me', T + 62 * MIN)[0]?.overdue).toBe(true);
    const restored = { ...disaster, disasterRestoredAt: new Date(T + 61 * MIN).toISOString() };
    expect(dueReminders([restored], P0_P3_SCHEME, PLAN, T + 62 * MIN).filter((r) => r.key.includes(':rto:'))).toEqual([]);
  });
});

describe('board rows', () => {
  it('"mine" counts a team role held like a built-in one', () => {
    const incidents = [incident('inc-dba000', 'P1', { teamRoles: { 'database-administrator': { name: 'Database administrator', person: 'Me' } } }), incident('inc-other0', 'P1')];
    expect(boardRows(incidents, P0_P3_SCHEME, PLAN, 'mine', 'Me', T).map((r) => r.incident.id)).toEqual(['inc-dba000']);
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
    expect(boardRows(incidents, P0_P3_SCHEME, PLAN, 'open', 'Me', now).map((r) => r.incident.id)).toEqual(['inc-p0new0', 'inc-p2old0', 'inc-p2new0', 'inc-drill0']);
    expect(boardRows(incidents, P0_P3_SCHEME, PLAN, 'resolved', 'Me', now).map((r) => r.incident.id)).toEqual(['inc-closed']);
    expect(boardRows(incidents, P0_P3_SCHEME, PLAN, 'exercises', 'Me', now).map((r) => r.incident.id)).toEqual(['inc-drill0']);
    expect(boardRows(incidents, P0_P3_SCHEME, PLAN, 'mine', 'Me', now).map((r) => r.incident.id)).toEqual(['inc-p0new0']);
    const p0 = boardRows(incidents, P0_P3_SCHEME, PLAN, 'open', 'Me', now)[0]!;
    expect(p0.overdue).toBe(true);
    expect(p0.update.state).toBe('overdue');
    expect(p0.resolution).toEqual({ state: 'breached', targetAt: T + 15 * MIN, targetMinutes: 15 });
  });

  it('ask about personal data on security and data incidents nobody has marked', () => {
    const rows = boardRows([incident('inc-sec000', 'P1', { type: 'security' }), incident('inc-sec001', 'P1', { type: 'security', regulated: false })], P0_P3_SCHEME, PLAN, 'open', 'Me', T);
    expect(rows.map((r) => [r.incident.id, r.personalDataUndecided, r.regulatory])).toEqual([
      ['inc-sec000', true, null],
      ['inc-sec001', false, null],
    ]);
  });
});

describe('post-mortems due', () => {
  it('lists resolved incidents whose post-mortem is owed, the most overdue first; complete, open, exercise and P3 ones are left out', () => {
    const H = 60 * MIN;
    const resolvedAt = (hours: number) => ({ status: 'resolved' as const, resolvedAt: new Date(T + hours * H).toISOString() });
    const incidents = [
      incident('inc-p1late', 'P1', resolvedAt(0)),
      incident('inc-p0late', 'P0', resolvedAt(0)),
      incident('inc-p0done', 'P0', { ...resolvedAt(0), postmortemCompletedAt: new Date(T + 2 * H).toISOString() }),
      incident('inc-p3none', 'P3', resolvedAt(0)),
      incident('inc-drill0', 'P0', { ...resolvedAt(0), exercise: true }),
      incident('inc-open00', 'P0'),
    ];
    const due = postmortemsDue(incidents, P0_P3_SCHEME, T + 30 * H);
    expect(due.map((r) => [r.incident.id, r.due.state])).toEqual([
      ['inc-p0late', 'overdue'],
      ['inc-p1late', 'due'],
    ]);
  });
});
