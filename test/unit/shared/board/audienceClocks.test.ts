import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audienceClocks, audienceClockText, lastUpdateFor, mostOverdue, soonestDue } from '../../../../shared/board/audienceClocks.ts';
import { statusUpdateClock } from '../../../../shared/board/clocks.ts';
import { defaultCommsPlan } from '../../../../shared/comms/commsPlan.ts';
import { P0_P3_SCHEME } from '../../../../shared/domain/severity.ts';
import { at, incident, iso } from '../../support/incidentFields.ts';

const scheme = P0_P3_SCHEME;
const plan = defaultCommsPlan(scheme);
const MIN = 60_000;
const clocks = (fields: Parameters<typeof incident>[0] & { audienceUpdates?: Record<string, string> }, now: number) => {
  const { audienceUpdates, ...rest } = fields;
  return audienceClocks({ incident: { ...incident(rest), audienceUpdates }, scheme, plan, now });
};
const summary = (list: ReturnType<typeof clocks>) => list.map((c) => [c.audience.id, c.state, c.msLeft === null ? null : c.msLeft / MIN]);

describe('audience clocks', () => {
  it('a P0 has one clock per audience, each counting from the declaration until it gets an update', () => {
    expect(summary(clocks({}, at(10)))).toEqual([
      ['stakeholders', 'ok', 5], // exactly 5 min left is still ok, as on the status-update clock
      ['customers', 'ok', 20],
      ['executives', 'ok', 50],
    ]);
  });

  it.each([
    // [minutes since declaration, customers' state]: boundaries of due-soon (< 5 min left) and overdue (past due)
    [25, 'ok'],
    [25.001, 'due-soon'],
    [30, 'due-soon'],
    [30.001, 'overdue'],
  ])('customers (every 30 min) at T+%s: %s', (minutes, state) => {
    expect(clocks({}, at(minutes))[1]!.state).toBe(state);
  });

  it('posting to customers restarts only the customers clock', () => {
    const posted = clocks({ lastUpdateAt: iso(20), audienceUpdates: { customers: iso(20) } }, at(22));
    expect(summary(posted)).toEqual([
      ['stakeholders', 'overdue', -7],
      ['customers', 'ok', 28],
      ['executives', 'ok', 38],
    ]);
  });

  it('a severity audience keeps the override and the snooze; closed incidents owe nothing', () => {
    expect(clocks({ cadenceOverride: 60 }, at(10))[0]).toMatchObject({ state: 'ok', cadenceMinutes: 60 });
    expect(clocks({ cadenceOverride: 'never' }, at(10))[0]).toMatchObject({ state: 'never' });
    expect(clocks({ snoozedUntil: iso(40) }, at(20))[0]).toMatchObject({ state: 'snoozed', msLeft: 20 * MIN });
    // The override and the snooze are about the severity cadence: customers keep their own.
    expect(clocks({ cadenceOverride: 'never', snoozedUntil: iso(40) }, at(31))[1]).toMatchObject({ state: 'overdue' });
    expect(clocks({ status: 'resolved' }, at(100)).map((c) => c.state)).toEqual(['closed', 'closed', 'closed']);
  });

  it('an update posted without an audience (before audiences, or by an older War Room) counts for every audience', () => {
    expect(lastUpdateFor({ lastUpdateAt: iso(20), audienceUpdates: {} }, 'customers')).toBe(iso(20));
    expect(lastUpdateFor({ lastUpdateAt: iso(20), audienceUpdates: { customers: iso(20) } }, 'stakeholders')).toBeNull();
    expect(lastUpdateFor({ lastUpdateAt: iso(30), audienceUpdates: { customers: iso(20) } }, 'customers')).toBe(iso(30));
    expect(lastUpdateFor({ lastUpdateAt: null, audienceUpdates: { customers: iso(20) } }, 'customers')).toBe(iso(20));
    expect(lastUpdateFor({ lastUpdateAt: iso(20) }, 'constructor')).toBe(iso(20));
  });

  it('with no plan entry, the one audience runs exactly the status-update clock of before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.option(fc.integer({ min: 0, max: 200 })), fc.constantFrom('P2', 'P3', 'X9'), (now, last, severity) => {
        const fields = incident({ severity, lastUpdateAt: last === null ? null : iso(last) });
        const [only, ...rest] = audienceClocks({ incident: fields, scheme, plan, now: at(now) });
        const { state, cadenceMinutes, dueAt, msLeft } = statusUpdateClock({ incident: fields, scheme, now: at(now) });
        expect(rest).toEqual([]);
        expect(only).toMatchObject({ state, cadenceMinutes, dueAt, msLeft });
      }),
    );
  });

  it('picks the most overdue audience, else the first; words each clock', () => {
    const list = clocks({ lastUpdateAt: iso(40), audienceUpdates: { stakeholders: iso(40), customers: iso(0) } }, at(70));
    expect(mostOverdue(list)?.audience.id).toBe('customers');
    expect(mostOverdue(clocks({}, at(1)))?.audience.id).toBe('stakeholders');
    expect(soonestDue(list)?.audience.id).toBe('customers');
    expect(soonestDue(clocks({ lastUpdateAt: iso(10), audienceUpdates: { stakeholders: iso(10) } }, at(12)))?.audience.id).toBe('stakeholders');
    expect(soonestDue(clocks({ status: 'resolved' }, at(12)))).toBeUndefined();
    expect(list.map(audienceClockText)).toEqual(['Internal stakeholders 15 min overdue', 'Customers 40 min overdue', 'Executives 10 min overdue']);
    expect(audienceClockText(clocks({}, at(1))[1]!)).toBe('Customers in 29 min');
    expect(audienceClockText(clocks({ status: 'closed' }, at(1))[1]!)).toBe('Customers: no updates due');
    expect(audienceClockText(clocks({ snoozedUntil: iso(30) }, at(1))[0]!)).toBe('Internal stakeholders snoozed, due in 29 min');
  });
});
