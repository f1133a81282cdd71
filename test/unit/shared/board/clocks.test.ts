import { describe, expect, it } from 'vitest';
import {
  DUE_SOON_MS,
  escalationClock,
  formatCountdown,
  formatMinutes,
  isRegulated,
  personalDataUndecided,
  postmortemDue,
  regulatoryClock,
  resolutionTarget,
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

  it('runs on after mitigation while the incident is unresolved (the plans escalate "if unresolved")', () => {
    // Mitigated at T+20, still monitoring: the engineering manager is due at T+30, the CTO at T+60.
    expect(clock({ status: 'monitoring', mitigatedAt: iso(20) }, 25).next).toMatchObject({ step: { notify: 'Engineering manager' }, dueAt: at(30) });
    expect(who(clock({ status: 'monitoring', mitigatedAt: iso(20) }, 90))).toEqual(['Team lead', 'Engineering manager', 'CTO']);
    expect(clock({ mitigatedAt: iso(5) }, 10).next).toMatchObject({ step: { notify: 'Team lead' }, dueAt: at(15) });
  });

  it('stops at resolution or closure, keeping the steps reached before it', () => {
    expect(clock({ status: 'resolved', mitigatedAt: iso(10), resolvedAt: iso(45) }, 90)).toEqual({ reached: P0_P3_SCHEME.levels[0]!.escalation.slice(0, 2), next: null });
    expect(clock({ status: 'closed', closedAt: iso(20) }, 90)).toEqual({ reached: [{ afterMinutes: 15, notify: 'Team lead' }], next: null });
    // Resolved without a recorded time: the path has stopped, what was reached by now is history.
    expect(clock({ status: 'resolved' }, 20)).toEqual({ reached: [{ afterMinutes: 15, notify: 'Team lead' }], next: null });
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

  it('runs only when a person marked personal data as involved, whatever the type', () => {
    expect(reg({ type: 'availability', regulated: true }, 0)).toEqual({ label: 'Breach notification (72 h)', deadlineAt: at(72 * H), state: 'running', msLeft: 72 * H * MIN });
    expect(reg({ type: 'performance', regulated: true }, 0)?.state).toBe('running');
    // Not forced on by the type: a security or data incident nobody has marked has no clock…
    expect(reg({ type: 'security' }, 0)).toBeNull();
    expect(reg({ type: 'data' }, 0)).toBeNull();
    expect(reg({ type: 'security', regulated: false }, 0)).toBeNull();
    expect(reg({ type: 'availability' }, 0)).toBeNull();
    expect(isRegulated({ regulated: null })).toBe(false);
  });

  it('…but the board asks about personal data for security and data incidents until someone decides', () => {
    const undecided = (fields: Parameters<typeof incident>[0]) => personalDataUndecided(incident(fields));
    expect(undecided({ type: 'security' })).toBe(true);
    expect(undecided({ type: 'data' })).toBe(true);
    expect(undecided({ type: 'data', regulated: false })).toBe(false);
    expect(undecided({ type: 'data', regulated: true })).toBe(false);
    expect(undecided({ type: 'availability' })).toBe(false);
    expect(undecided({ type: 'data', regulatoryNotifiedAt: iso(5) })).toBe(false);
  });

  it('counts 72 h from detection (correctable), due soon inside the last 12 h, overdue after', () => {
    const detected = { regulated: true, detectedAt: iso(-60) };
    // Deadline: detection + 72 h = declaration + 71 h.
    expect(reg(detected, 59 * H)).toMatchObject({ state: 'running', deadlineAt: at(71 * H), msLeft: 12 * H * MIN });
    expect(reg(detected, 59 * H + 1)?.state).toBe('due-soon');
    expect(reg(detected, 71 * H)).toMatchObject({ state: 'due-soon', msLeft: 0 });
    expect(reg(detected, 71 * H + 1)).toMatchObject({ state: 'overdue', msLeft: -1 * MIN });
    // Correcting the detected time moves the deadline with it.
    expect(reg({ regulated: true, detectedAt: iso(-120) }, 0)?.deadlineAt).toBe(at(70 * H));
  });

  it('stops once the regulator is notified, and keeps running after resolution until then', () => {
    expect(reg({ regulated: true, status: 'resolved', resolvedAt: iso(60) }, 80 * H)?.state).toBe('overdue');
    expect(reg({ regulated: true, regulatoryNotifiedAt: iso(100) }, 80 * H)).toEqual({
      label: 'Breach notification (72 h)',
      deadlineAt: at(72 * H),
      state: 'notified',
      msLeft: null,
    });
  });

  it('marking it not involved after all removes the clock', () => {
    expect(reg({ type: 'data', regulated: false, detectedAt: iso(-60) }, 80 * H)).toBeNull();
  });
});

describe('resolutionTarget', () => {
  const res = (fields: Parameters<typeof incident>[0], minute: number) => resolutionTarget({ incident: incident(fields), scheme, now: at(minute) });

  it('P0 resolves within 15 min of detection (Plan B), inclusive; breached after while open', () => {
    expect(res({}, 10)).toEqual({ state: 'pending', targetAt: at(15), targetMinutes: 15 });
    expect(res({}, 15)?.state).toBe('pending');
    expect(res({ status: 'monitoring', mitigatedAt: iso(10) }, 16)).toEqual({ state: 'breached', targetAt: at(15), targetMinutes: 15 });
    expect(res({ detectedAt: iso(-10) }, 6)?.state).toBe('breached');
  });

  it('met or missed by the resolution time, else the closure; final either way', () => {
    expect(res({ status: 'resolved', resolvedAt: iso(15) }, 500)).toMatchObject({ state: 'met' });
    expect(res({ status: 'resolved', resolvedAt: iso(16) }, 500)).toMatchObject({ state: 'missed' });
    expect(res({ status: 'closed', closedAt: iso(12) }, 500)).toMatchObject({ state: 'met' });
    expect(res({ status: 'closed' }, 500)).toBeNull();
  });

  it("uses the level's target: P1 1 h, P2 4 h, P3 1 week; a level with none has no clock", () => {
    expect(res({ severity: 'P1' }, 0)?.targetAt).toBe(at(60));
    expect(res({ severity: 'P2' }, 0)?.targetAt).toBe(at(240));
    expect(res({ severity: 'P3' }, 0)?.targetAt).toBe(at(7 * 24 * 60));
    const none = { ...P0_P3_SCHEME, levels: P0_P3_SCHEME.levels.map((l) => ({ ...l, resolutionTargetMinutes: null })) };
    expect(resolutionTarget({ incident: incident({}), scheme: none, now: at(0) })).toBeNull();
  });
});

describe('postmortemDue', () => {
  const H = 60;
  const pm = (fields: Parameters<typeof incident>[0], minute: number) => postmortemDue({ incident: incident(fields), scheme, now: at(minute) });
  const resolved = { status: 'resolved' as const, resolvedAt: iso(60) };

  it('P0: due 24 h after resolution (Plan B), overdue after, done once marked complete', () => {
    expect(pm(resolved, 60)).toEqual({ state: 'due', dueAt: at(25 * H), msLeft: 24 * H * MIN });
    expect(pm(resolved, 25 * H)?.state).toBe('due');
    expect(pm(resolved, 25 * H + 1)).toMatchObject({ state: 'overdue', msLeft: -1 * MIN });
    expect(pm({ ...resolved, postmortemCompletedAt: iso(30 * H) }, 40 * H)).toEqual({ state: 'done', dueAt: at(25 * H), msLeft: null });
  });

  it('P1 and P2: 5 days (Plan A §7.1); P3: none', () => {
    expect(pm({ ...resolved, severity: 'P1' }, 0)?.dueAt).toBe(at(60 + 120 * H));
    expect(pm({ ...resolved, severity: 'P2' }, 0)?.dueAt).toBe(at(60 + 120 * H));
    expect(pm({ ...resolved, severity: 'P3' }, 0)).toBeNull();
  });

  it('nothing is due while open, for an exercise, or without a resolution or closure time', () => {
    expect(pm({}, 100 * H)).toBeNull();
    expect(pm({ status: 'monitoring', mitigatedAt: iso(5) }, 100 * H)).toBeNull();
    expect(pm({ ...resolved, exercise: true }, 100 * H)).toBeNull();
    expect(pm({ status: 'closed' }, 100 * H)).toBeNull();
    expect(pm({ status: 'closed', closedAt: iso(0) }, 25 * H)?.state).toBe('overdue');
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
