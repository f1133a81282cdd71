import { describe, expect, it } from 'vitest';
import { DEFAULT_ROSTER, onCallAt, Roster, weekStartOf, withWeek } from '../../../../shared/contacts/roster.ts';

// 2026-11-23 and 2026-11-30 are Mondays.
const roster = withWeek(withWeek(DEFAULT_ROSTER, { start: '2026-11-30', primary: 'Ben', secondary: '' }), { start: '2026-11-23', primary: 'Ana', secondary: 'Carl' });
const at = (iso: string) => Date.parse(iso);

describe('on-call roster', () => {
  it('says who is on call at an instant, across the Monday 09:00 UTC handoff', () => {
    expect(onCallAt(roster, at('2026-11-23T08:59:59.999Z'))).toBeNull();
    expect(onCallAt(roster, at('2026-11-23T09:00:00.000Z'))).toMatchObject({ primary: 'Ana', secondary: 'Carl', from: at('2026-11-23T09:00:00.000Z'), until: at('2026-11-30T09:00:00.000Z') });
    expect(onCallAt(roster, at('2026-11-30T08:59:59.999Z'))?.primary).toBe('Ana');
    expect(onCallAt(roster, at('2026-11-30T09:00:00.000Z'))?.primary).toBe('Ben');
    expect(onCallAt(roster, at('2026-12-07T08:59:59.999Z'))?.primary).toBe('Ben');
    expect(onCallAt(roster, at('2026-12-07T09:00:00.000Z'))).toBeNull();
  });

  it('follows a team handoff time and day', () => {
    const friday = { handoffDay: 5, handoffTime: '17:30', weeks: [{ start: '2026-11-27', primary: 'Dee', secondary: '' }] };
    expect(Roster.safeParse(friday).success).toBe(true);
    expect(onCallAt(friday, at('2026-11-27T17:29:00.000Z'))).toBeNull();
    expect(onCallAt(friday, at('2026-12-04T17:29:00.000Z'))?.primary).toBe('Dee');
  });

  it('finds the start of the week an instant is in', () => {
    expect(weekStartOf(DEFAULT_ROSTER, at('2026-11-30T08:59:00.000Z'))).toBe('2026-11-23');
    expect(weekStartOf(DEFAULT_ROSTER, at('2026-11-30T09:00:00.000Z'))).toBe('2026-11-30');
    expect(weekStartOf(DEFAULT_ROSTER, at('2026-12-06T23:00:00.000Z'))).toBe('2026-11-30');
  });

  it('refuses weeks off the handoff day, twice, or not a date', () => {
    const bad = (weeks: unknown[]) => Roster.safeParse({ ...DEFAULT_ROSTER, weeks }).error?.issues[0]?.message;
    expect(bad([{ start: '2026-11-24', primary: 'A', secondary: '' }])).toMatch(/is a Tuesday: weeks start on Monday/);
    expect(bad([{ start: '2026-11-23', primary: 'A', secondary: '' }, { start: '2026-11-23', primary: 'B', secondary: '' }])).toMatch(/twice/);
    expect(bad([{ start: '2026-02-30', primary: 'A', secondary: '' }])).toMatch(/calendar date/);
    expect(bad([{ start: '2026-11-23', primary: ' ', secondary: '' }])).toMatch(/primary/);
  });
});
