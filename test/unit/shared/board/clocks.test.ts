import { describe, expect, it } from 'vitest';
import {
  DUE_SOON_MS,
  escalationClock,
  formatCountdown,
  formatMinutes,
  regulatoryClock,
  responseSla,
  statusUpdateClock,
} from '../../../../shared/board/clocks.ts';
import { P0_P3_SCHEME, P1_P4_SCHEME } from '../../../../shared/domain/severity.ts';
import { at, incident, iso } from '../../support/incidentFields.ts';

const MIN = 60_000;
const scheme = P0_P3_SCHEME;

describe('statusUpdateClock', () => {
  const p0 = incident({ severity: 'P0' });
  const clock = (fields: Parameters<typeof incident>[0], minute: number) =>
    statusUpdateClock({ incident: incident(fields), scheme, now: at(minute) });

  it('P0 every 15 min: ok at T+10, due-soon at T+11, overdue at T+16', () => {
    expect(DUE_SOON_MS).toBe(5 * MIN);
    expect(statusUpdateClock({ incident: p0, scheme, now: at(10) })).toEqual({ state: 'ok', cadenceMinutes: 15, dueAt: at(15), msLeft: 5 * MIN });
    expect(clock({}, 11)).toMatchObject({ state: 'due-soon', dueAt: at(15), msLeft: 4 * MIN });
    expect(clock({}, 15).state).toBe('due-soon');
    expect(clock({}, 16)).toMatchObject({ state: 'overdue', msLeft: -1 * MIN });
  });

  it('posting an update resets the clock', () => {
    expect(clock({ lastUpdateAt: iso(14) }, 16)).toMatchObject({ state: 'ok', dueAt: at(29), msLeft: 13 * MIN });
    expect(clock({ lastUpdateAt: iso(14) }, 30).state).toBe('overdue');
  });

  it('a snooze to T+40 holds it, then it is overdue at once when nothing was posted', () => {
    const snoozed = { snoozedUntil: iso(40) };
    expect(clock(snoozed, 16)).toMatchObject({ state: 'snoozed', dueAt: at(40), msLeft: 24 * MIN });
    expect(clock(snoozed, 39.99).state).toBe('snoozed');
    expect(clock(snoozed, 40.01)).toMatchObject({ state: 'overdue', dueAt: at(40) });
    // An update posted during the snooze counts from the update, when that is later.
    expect(clock({ ...snoozed, lastUpdateAt: iso(30) }, 41)).toMatchObject({ state: 'due-soon', dueAt: at(45) });
  });

  it("cadenceOverride 'never' → never, even for P0", () => {
    expect(clock({ cadenceOverride: 'never' }, 100)).toEqual({ state: 'never', cadenceMinutes: null, dueAt: null, msLeft: null });
  });

  it('P3 has no fixed cadence → never', () => {
    expect(clock({ severity: 'P3' }, 500)).toEqual({ state: 'never', cadenceMinutes: null, dueAt: null, msLeft: null });
  });

  it('a numeric override replaces the level cadence', () => {
    expect(clock({ cadenceOverride: 45 }, 30)).toMatchObject({ state: 'ok', cadenceMinutes: 45, dueAt: at(45) });
    expect(clock({ severity: 'P3', cadenceOverride: 45 }, 46).state).toBe('overdue');
  });

  it('resolved and closed incidents owe no update', () => {
    expect(clock({ status: 'resolved', resolvedAt: iso(20) }, 100)).toEqual({ state: 'closed', cadenceMinutes: 15, dueAt: null, msLeft: null });
    expect(clock({ status: 'closed' }, 100).state).toBe('closed');
    expect(clock({ status: 'monitoring' }, 100).state).toBe('overdue');
  });

  it('an unknown severity uses the least severe level', () => {
    expect(clock({ severity: 'SEV1' }, 100).state).toBe('never');
    expect(statusUpdateClock({ incident: incident({ severity: 'P0' }), scheme: P1_P4_SCHEME, now: at(100) }).cadenceMinutes).toBeNull();
  });
});

describe('escalationClock', () => {
  const clock = (fields: Parameters<typeof incident>[0], minute: number) =>
    escalationClock({ incident: incident(fields), scheme, now: at(minute) });
  const who = (result: ReturnType<typeof escalationClock>) => result.reached.map((s) => s.notify);

  it('reaches each P0 step at the exact minute', () => {
    expect(clock({}, 14.99)).toEqual({ reached: [], next: { step: { afterMinutes: 15, notify: 'Team lead' }, dueAt: at(15), msLeft: at(15) - at(14.99) } });
    expect(who(clock({}, 15))).toEqual(['Team lead']);
    expect(clock({}, 15).next).toMatchObject({ step: { notify: 'Engineering manager' }, dueAt: at(30), msLeft: 15 * MIN });
    expect(who(clock({}, 29.99))).toEqual(['Team lead']);
    expect(who(clock({}, 30))).toEqual(['Team lead', 'Engineering manager']);
    expect(clock({}, 60)).toEqual({ reached: P0_P3_SCHEME.levels[0]!.escalation, next: null });
  });

  it('counts from detection when it is known', () => {
    // Detected 10 min before it was declared: the team lead is due at declaration + 5.
    expect(clock({ detectedAt: iso(-10) }, 5).reached.map((s) => s.notify)).toEqual(['Team lead']);
  });

  it('stops after mitigation, keeping the steps reached before it', () => {
    const mitigated = clock({ mitigatedAt: iso(20) }, 90);
    expect(mitigated).toEqual({ reached: [{ afterMinutes: 15, notify: 'Team lead' }], next: null });
    expect(clock({ mitigatedAt: iso(20) }, 10)).toEqual({ reached: [], next: null });
    expect(clock({ status: 'resolved', resolvedAt: iso(45) }, 90).reached).toHaveLength(2);
    expect(clock({ status: 'closed' }, 90).next).toBeNull();
  });

  it('follows the level: P1 goes to the technical lead at T+30', () => {
    expect(clock({ severity: 'P1' }, 10).next).toMatchObject({ step: { notify: 'Technical lead' }, dueAt: at(30) });
  });
});

describe('responseSla', () => {
  const sla = (fields: Parameters<typeof incident>[0], minute: number) => responseSla({ incident: incident(fields), scheme, now: at(minute) });

  it('pending before the target, breached after it without acknowledgement', () => {
    expect(sla({}, 10)).toEqual({ state: 'pending', targetAt: at(15) });
    expect(sla({}, 15).state).toBe('pending');
    expect(sla({}, 16)).toEqual({ state: 'breached', targetAt: at(15) });
  });

  it('met when acknowledged within the target (inclusive), missed when later; final either way', () => {
    expect(sla({ acknowledgedAt: iso(15) }, 100)).toEqual({ state: 'met', targetAt: at(15) });
    expect(sla({ acknowledgedAt: iso(16) }, 100)).toEqual({ state: 'missed', targetAt: at(15) });
    expect(sla({ acknowledgedAt: iso(3) }, 1).state).toBe('met');
  });

  it('uses the level target from detection', () => {
    expect(sla({ severity: 'P2', detectedAt: iso(-30) }, 0)).toEqual({ state: 'pending', targetAt: at(210) });
  });
});

describe('regulatoryClock', () => {
  const H = 60;
  const reg = (fields: Parameters<typeof incident>[0], minute: number) => regulatoryClock({ incident: incident(fields), now: at(minute) });

  it('applies to data and security incidents by default, not to availability unless regulated', () => {
    expect(reg({ type: 'data' }, 0)).toEqual({ label: 'Breach notification (72 h)', deadlineAt: at(72 * H), state: 'running', msLeft: 72 * H * MIN });
    expect(reg({ type: 'security' }, 0)?.state).toBe('running');
    expect(reg({ type: 'availability' }, 0)).toBeNull();
    expect(reg({ type: 'availability', regulated: true }, 0)?.state).toBe('running');
    expect(reg({ type: 'security', regulated: false }, 0)).toBeNull();
  });

  it('is due soon inside the last 12 h, overdue after 72 h from detection', () => {
    const detected = { type: 'data' as const, detectedAt: iso(-60) };
    // Deadline: detection + 72 h = declaration + 71 h.
    expect(reg(detected, 59 * H)).toMatchObject({ state: 'running', deadlineAt: at(71 * H), msLeft: 12 * H * MIN });
    expect(reg(detected, 59 * H + 1)?.state).toBe('due-soon');
    expect(reg(detected, 71 * H)).toMatchObject({ state: 'due-soon', msLeft: 0 });
    expect(reg(detected, 71 * H + 1)).toMatchObject({ state: 'overdue', msLeft: -1 * MIN });
  });

  it('stops once the regulator is notified, and keeps running after resolution until then', () => {
    expect(reg({ type: 'data', status: 'resolved', resolvedAt: iso(60) }, 80 * H)?.state).toBe('overdue');
    expect(reg({ type: 'data', regulatoryNotifiedAt: iso(100) }, 80 * H)).toEqual({
      label: 'Breach notification (72 h)',
      deadlineAt: at(72 * H),
      state: 'notified',
      msLeft: null,
    });
  });
});

describe('formatCountdown', () => {
  it('minutes, hours with padded minutes, and words when overdue', () => {
    expect(formatCountdown(12 * MIN)).toBe('12 min');
    expect(formatCountdown(65 * MIN)).toBe('1 h 05 min');
    expect(formatCountdown(72 * 60 * MIN)).toBe('72 h 00 min');
    expect(formatCountdown(-3 * MIN)).toBe('3 min overdue');
    expect(formatCountdown(-125 * MIN)).toBe('2 h 05 min overdue');
  });

  it('rounds up to whole minutes both ways, like a kitchen timer', () => {
    expect(formatCountdown(30_000)).toBe('1 min');
    expect(formatCountdown(0)).toBe('0 min');
    expect(formatCountdown(-30_000)).toBe('1 min overdue');
    expect(formatCountdown(11 * MIN + 1)).toBe('12 min');
    expect(formatCountdown(Number.NaN)).toBe('—');
    expect(formatMinutes(59)).toBe('59 min');
  });
});
