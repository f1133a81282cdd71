import { describe, expect, it } from 'vitest';
import { INCIDENT_DEFAULTS } from '../../../../../shared/domain/incident.ts';
import { P0_P3_SCHEME } from '../../../../../shared/domain/severity.ts';
import { defaultCommsPlan } from '../../../../../shared/comms/commsPlan.ts';
import type { IncidentView } from '../../../../../shared/entities/index.ts';
import { boardRows } from '../../../../../renderer/features/board/boardRows.ts';
import { clockTimes, DEFAULT_SORT, mostUrgentClock, nextSort, sortBoardRows } from '../../../../../renderer/features/board/boardSort.ts';

const PLAN = defaultCommsPlan(P0_P3_SCHEME);
const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function incident(id: string, severity: string, patch: Partial<IncidentView> = {}): IncidentView {
  return { ...INCIDENT_DEFAULTS, id, title: id, severity, type: 'availability', declaredAt: iso(T), declaredBy: 'Ana', roles: {}, updatedHlc: '', ...patch };
}

const rowsAt = (incidents: IncidentView[], now: number, filter: 'open' | 'resolved' = 'open') => boardRows(incidents, P0_P3_SCHEME, PLAN, filter, 'Me', now);
const rowAt = (one: IncidentView, now: number, filter: 'open' | 'resolved' = 'open') => rowsAt([one], now, filter)[0]!;

describe('the most urgent clock of an incident', () => {
  it('is the clock with the least time left among the updates per audience, escalation, response and resolution targets', () => {
    // P2 acknowledged: stakeholders' update in 50 min, team lead at T+30 (20 min), resolution at T+240.
    const p2 = incident('inc-p2aaaa', 'P2', { acknowledgedAt: iso(T) });
    const row = rowAt(p2, T + 10 * MIN);
    expect(clockTimes(row, T + 10 * MIN)).toEqual({ update: 50 * MIN, escalation: 20 * MIN, resolution: 230 * MIN });
    expect(mostUrgentClock(row, T + 10 * MIN)).toBe('escalation');
  });

  it('is the most overdue when several are overdue, an audience update among them', () => {
    // P0 never acknowledged, at T+40: customers' update 10 min late, response and resolution 25 min late.
    const at40 = T + 40 * MIN;
    const p0 = incident('inc-p0aaaa', 'P0', { audienceUpdates: { stakeholders: iso(T + 30 * MIN) }, lastUpdateAt: iso(T + 30 * MIN) });
    expect(clockTimes(rowAt(p0, at40), at40)).toMatchObject({ update: -10 * MIN, response: -25 * MIN, resolution: -25 * MIN });
    expect(mostUrgentClock(rowAt(p0, at40), at40)).toBe('response');
    // P1 acknowledged, at T+55: both audiences 25 min late, the CTO and the resolution target in 5 min.
    const at55 = T + 55 * MIN;
    const p1 = incident('inc-p1aaaa', 'P1', { acknowledgedAt: iso(T) });
    expect(clockTimes(rowAt(p1, at55), at55)).toEqual({ update: -25 * MIN, escalation: 5 * MIN, resolution: 5 * MIN });
    expect(mostUrgentClock(rowAt(p1, at55), at55)).toBe('update');
  });

  it('counts the 72-hour notice after the incident is resolved, and a declared disaster\'s RTO', () => {
    const now = T + 71 * 60 * MIN;
    const breach = incident('inc-reg000', 'P1', { regulated: true, status: 'resolved', acknowledgedAt: iso(T), resolvedAt: iso(T + 30 * MIN), mitigatedAt: iso(T + 30 * MIN) });
    const resolved = rowAt(breach, now, 'resolved');
    expect(clockTimes(resolved, now)).toEqual({ regulatory: 60 * MIN });
    expect(mostUrgentClock(resolved, now)).toBe('regulatory');
    const disaster = incident('inc-dr0000', 'P1', { acknowledgedAt: iso(T), disasterDeclaredAt: iso(T), disasterRtoMinutes: 15, disasterRpoMinutes: 5 });
    expect(mostUrgentClock(rowAt(disaster, T + 10 * MIN), T + 10 * MIN)).toBe('rto');
  });

  it('is none when no clock runs: a resolved incident, or an ended exercise never acknowledged', () => {
    const done = incident('inc-done00', 'P2', { status: 'resolved', acknowledgedAt: iso(T), resolvedAt: iso(T + MIN), mitigatedAt: iso(T + MIN) });
    expect(mostUrgentClock(rowAt(done, T + 10 * MIN, 'resolved'), T + 10 * MIN)).toBeNull();
    const drill = incident('inc-drill0', 'P2', { exercise: true, status: 'closed', closedAt: iso(T + MIN) });
    expect(clockTimes(rowAt(drill, T + 600 * MIN, 'resolved'), T + 600 * MIN)).toEqual({});
  });
});

describe('sorting the board', () => {
  const now = T + 5 * MIN;
  // P0 declared now-5 (team lead in 10 min), P1 20 min earlier (technical lead in 5 min), P2 long ago (no step left).
  const incidents = [
    incident('inc-p2aaaa', 'P2', { declaredAt: iso(T - 100 * MIN) }),
    incident('inc-p1aaaa', 'P1', { declaredAt: iso(T - 20 * MIN) }),
    incident('inc-p0aaaa', 'P0'),
  ];
  const ids = (sort: Parameters<typeof sortBoardRows>[1]) => sortBoardRows(rowsAt(incidents, now), sort, now).map((row) => row.incident.id);

  it('keeps today\'s order by default: most severe first', () => {
    expect(ids(DEFAULT_SORT)).toEqual(['inc-p0aaaa', 'inc-p1aaaa', 'inc-p2aaaa']);
    expect(ids({ column: 'severity', direction: 'descending' })).toEqual(['inc-p2aaaa', 'inc-p1aaaa', 'inc-p0aaaa']);
  });

  it('sorts by a clock, least time left first, rows without that clock last in either direction', () => {
    expect(ids({ column: 'escalation', direction: 'ascending' })).toEqual(['inc-p1aaaa', 'inc-p0aaaa', 'inc-p2aaaa']);
    expect(ids({ column: 'escalation', direction: 'descending' })).toEqual(['inc-p0aaaa', 'inc-p1aaaa', 'inc-p2aaaa']);
    expect(ids({ column: 'open', direction: 'descending' })).toEqual(['inc-p2aaaa', 'inc-p1aaaa', 'inc-p0aaaa']);
  });

  it('keeps the default order among ties', () => {
    // Every incident's regulatory clock is off: the order stays as boardRows gave it.
    expect(ids({ column: 'regulatory', direction: 'descending' })).toEqual(['inc-p0aaaa', 'inc-p1aaaa', 'inc-p2aaaa']);
  });

  it('chooses a clock least time left first and "open for" longest first; the same column again flips it', () => {
    expect(nextSort(DEFAULT_SORT, 'update')).toEqual({ column: 'update', direction: 'ascending' });
    expect(nextSort({ column: 'update', direction: 'ascending' }, 'update')).toEqual({ column: 'update', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'open')).toEqual({ column: 'open', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'severity')).toEqual({ column: 'severity', direction: 'descending' });
  });
});
