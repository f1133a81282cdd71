/**
 * Time zones for the timeline tests, all in the sign convention of shared/timeline/localTime.ts:
 * minutes to ADD to UTC to get local time (UTC+2 → 120, UTC−5 → −300).
 */
import type { OffsetMinutes } from '../../../shared/timeline/localTime.ts';

export const fixed =
  (minutes: number): OffsetMinutes =>
  () =>
    minutes;

/** Central Europe in 2026: CET (+60), CEST (+120) from 29 March 01:00 UTC to 25 October 01:00 UTC. */
export const CEST_START = Date.UTC(2026, 2, 29, 1);
export const CEST_END = Date.UTC(2026, 9, 25, 1);
export const berlin2026: OffsetMinutes = (utc) => (utc >= CEST_START && utc < CEST_END ? 120 : 60);

/** US Eastern in 2026: EST (−300), EDT (−240) from 8 March 07:00 UTC to 1 November 06:00 UTC. */
export const EDT_START = Date.UTC(2026, 2, 8, 7);
export const EDT_END = Date.UTC(2026, 10, 1, 6);
export const newYork2026: OffsetMinutes = (utc) => (utc >= EDT_START && utc < EDT_END ? -240 : -300);

/** A real IANA zone through Intl (Node ships full ICU), to check the hand-written ones above. */
export function ianaZone(timeZone: string): OffsetMinutes {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (utc) => {
    const parts = Object.fromEntries(format.formatToParts(utc).map((part) => [part.type, Number(part.value)]));
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    return Math.round((wall - Math.floor(utc / 1000) * 1000) / 60_000);
  };
}

/** UTC ms of a wall time in a fixed zone: `at('2026-11-22T14:30', 120)` is 12:30 UTC. */
export function at(localIso: string, offsetMinutes: number): number {
  return Date.parse(`${localIso}Z`) - offsetMinutes * 60_000;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
