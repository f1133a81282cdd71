import { describe, expect, it } from 'vitest';
import { utcOffset } from '../../../../shared/timeline/localTime.ts';
import { formatClock, formatElapsedSince, spansMultipleDays } from '../../../../shared/timeline/timeFormat.ts';
import { berlin2026, fixed } from '../../support/zones.ts';

const MIN = 60_000;
const START = Date.UTC(2026, 10, 22, 14, 0);

describe('formatElapsedSince', () => {
  it.each([
    [0, 'T+00:00'],
    [59_999, 'T+00:00'],
    [5 * MIN, 'T+00:05'],
    [65 * MIN, 'T+01:05'],
    [24 * 60 * MIN - 1, 'T+23:59'],
    [24 * 60 * MIN, 'T+1d 00:00'],
    [(26 * 60 + 15) * MIN, 'T+1d 02:15'],
    [(10 * 24 * 60 + 3) * MIN + 30_000, 'T+10d 00:03'],
    [-10 * MIN, 'T-00:10'],
    [-30_000, 'T-00:00'],
    [-(26 * 60 + 15) * MIN, 'T-1d 02:15'],
  ])('%i ms after the start is %s', (elapsed, expected) => {
    expect(formatElapsedSince(START + elapsed, START)).toBe(expected);
  });
});

describe('formatClock', () => {
  const iso = '2026-11-22T23:05:30.000Z';

  it('formats UTC with a suffix, optionally with date and seconds', () => {
    expect(formatClock(iso, { utc: true, offsetMinutes: fixed(120), withDate: false })).toBe('23:05 UTC');
    expect(formatClock(iso, { utc: true, offsetMinutes: fixed(120), withDate: true })).toBe('2026-11-22 23:05 UTC');
    expect(formatClock(iso, { utc: true, offsetMinutes: utcOffset, withDate: true, withSeconds: true })).toBe('2026-11-22 23:05:30 UTC');
  });

  it('formats local time with the documented sign, moving the date across midnight', () => {
    expect(formatClock(iso, { utc: false, offsetMinutes: fixed(120), withDate: false })).toBe('01:05');
    expect(formatClock(iso, { utc: false, offsetMinutes: fixed(120), withDate: true })).toBe('2026-11-23 01:05');
    expect(formatClock(iso, { utc: false, offsetMinutes: fixed(-300), withDate: true, withSeconds: true })).toBe('2026-11-22 18:05:30');
    expect(formatClock('2026-11-22T02:00:00.000Z', { utc: false, offsetMinutes: fixed(-300), withDate: true })).toBe('2026-11-21 21:00');
  });

  it('uses the offset in force at that instant (DST)', () => {
    const local = { utc: false, offsetMinutes: berlin2026, withDate: true };
    expect(formatClock('2026-03-29T00:59:00.000Z', local)).toBe('2026-03-29 01:59');
    expect(formatClock('2026-03-29T01:00:00.000Z', local)).toBe('2026-03-29 03:00');
  });

  it('returns a string that is not a time unchanged, never the host zone’s reading', () => {
    const options = { utc: true, offsetMinutes: utcOffset, withDate: false };
    expect(formatClock('not a time', options)).toBe('not a time');
    expect(formatClock('2026-11-22T14:05', options)).toBe('2026-11-22T14:05');
  });
});

describe('spansMultipleDays', () => {
  const evening = ['2026-11-22T20:00:00.000Z', '2026-11-22T23:30:00.000Z'];

  it('compares calendar days in the given zone', () => {
    expect(spansMultipleDays(evening, utcOffset)).toBe(false);
    expect(spansMultipleDays(evening, fixed(120))).toBe(true); // 22:00 and 01:30 next day
    expect(spansMultipleDays(evening, fixed(-300))).toBe(false);
    expect(spansMultipleDays(['2026-11-22T03:00:00.000Z', '2026-11-22T06:00:00.000Z'], fixed(-300))).toBe(true);
  });

  it('is false for none, one, or only invalid times', () => {
    expect(spansMultipleDays([], utcOffset)).toBe(false);
    expect(spansMultipleDays(['2026-11-22T20:00:00.000Z'], utcOffset)).toBe(false);
    expect(spansMultipleDays(['2026-11-22T20:00:00.000Z', 'garbage', '2026-11-22T21:00:00.000Z'], utcOffset)).toBe(false);
  });
});
