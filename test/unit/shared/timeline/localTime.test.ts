import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostOffsetMinutes, localToUtc, parseIsoUtc, toLocalMs } from '../../../../shared/timeline/localTime.ts';
import { berlin2026, CEST_END, CEST_START, EDT_START, fixed, ianaZone, iso, newYork2026 } from '../../support/zones.ts';

const wall = (text: string): number => Date.parse(`${text}Z`);

describe('localTime', () => {
  it('uses minutes to ADD to UTC: UTC+2 is 120, UTC−5 is −300, the negation of getTimezoneOffset', () => {
    const noon = Date.UTC(2026, 10, 22, 12);
    expect(iso(toLocalMs(noon, fixed(120)))).toBe('2026-11-22T14:00:00.000Z');
    expect(iso(toLocalMs(noon, fixed(-300)))).toBe('2026-11-22T07:00:00.000Z');
    expect(iso(localToUtc(wall('2026-11-22T14:00'), fixed(120)))).toBe('2026-11-22T12:00:00.000Z');
    expect(iso(localToUtc(wall('2026-11-22T07:00'), fixed(-300)))).toBe('2026-11-22T12:00:00.000Z');
    expect(hostOffsetMinutes(noon)).toBe(0 - new Date(noon).getTimezoneOffset());
  });

  it('the hand-written DST zones agree with the IANA database', () => {
    const berlin = ianaZone('Europe/Berlin');
    const newYork = ianaZone('America/New_York');
    for (const utc of [CEST_START - 1000, CEST_START, CEST_END - 1000, CEST_END, Date.UTC(2026, 0, 1), Date.UTC(2026, 6, 1)]) {
      expect(berlin2026(utc)).toBe(berlin(utc));
    }
    for (const utc of [EDT_START - 1000, EDT_START, Date.UTC(2026, 10, 1, 6) - 1000, Date.UTC(2026, 10, 1, 6), Date.UTC(2026, 0, 1)]) {
      expect(newYork2026(utc)).toBe(newYork(utc));
    }
  });

  it('converts across a spring-forward change, where one guess is not enough', () => {
    // Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    expect(iso(localToUtc(wall('2026-03-29T01:50'), berlin2026))).toBe('2026-03-29T00:50:00.000Z');
    expect(iso(localToUtc(wall('2026-03-29T03:10'), berlin2026))).toBe('2026-03-29T01:10:00.000Z');
    // 02:30 never happened: pushed forward by the gap to 03:30 CEST, as Date and Temporal do.
    expect(iso(localToUtc(wall('2026-03-29T02:30'), berlin2026))).toBe('2026-03-29T01:30:00.000Z');
    // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT (negative offsets guess the other way).
    expect(iso(localToUtc(wall('2026-03-08T01:30'), newYork2026))).toBe('2026-03-08T06:30:00.000Z');
    expect(iso(localToUtc(wall('2026-03-08T03:10'), newYork2026))).toBe('2026-03-08T07:10:00.000Z');
    expect(iso(localToUtc(wall('2026-03-08T02:30'), newYork2026))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the earlier instant of a wall time that happened twice (clocks going back)', () => {
    // Berlin, 25 October 2026: 03:00 CEST falls back to 02:00 CET at 01:00 UTC.
    expect(iso(localToUtc(wall('2026-10-25T02:30'), berlin2026))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localToUtc(wall('2026-10-25T03:30'), berlin2026))).toBe('2026-10-25T02:30:00.000Z');
    expect(iso(localToUtc(wall('2026-10-25T01:30'), berlin2026))).toBe('2026-10-24T23:30:00.000Z');
    // New York, 1 November 2026: 02:00 EDT falls back to 01:00 EST at 06:00 UTC.
    expect(iso(localToUtc(wall('2026-11-01T01:30'), newYork2026))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('round-trips every instant through its wall time in real zones', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/St_Johns'].map(ianaZone);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...zones), (utc, zone) => {
        const local = toLocalMs(utc, zone);
        const back = localToUtc(local, zone);
        // Exact, except in a repeated hour, where the earlier twin comes back.
        expect(back).toBeLessThanOrEqual(utc);
        expect(toLocalMs(back, zone)).toBe(local);
      }),
      { numRuns: 400 },
    );
  });

  it('parses only ISO times that name their zone', () => {
    expect(parseIsoUtc('2026-11-22T14:05:00.000Z')).toBe(Date.UTC(2026, 10, 22, 14, 5));
    expect(parseIsoUtc('2026-11-22T14:05+02:00')).toBe(Date.UTC(2026, 10, 22, 12, 5));
    expect(parseIsoUtc('2026-11-22T14:05:00')).toBeNaN(); // would be read in the host's zone
    expect(parseIsoUtc('yesterday')).toBeNaN();
  });
});
