/**
 * Local wall time without the host's time zone: the caller passes the zone in as a function,
 * so shared/ stays pure and tests can pin any zone (including a DST change at a chosen instant).
 *
 * Sign convention, used by every `offsetMinutes` in shared/timeline/:
 *   offsetMinutes(utcMs) = the minutes to ADD to UTC to get local wall time at that instant.
 *   UTC+2 (Berlin summer) → 120, UTC−5 (New York winter) → −300, UTC → 0.
 *   It is the NEGATION of JavaScript's `Date#getTimezoneOffset()` (which is −120 in Berlin summer).
 *
 * A "local ms" below is wall time encoded as if it were UTC: `Date.UTC(y, m, d, h, min)` of the
 * wall clock. It is never an instant; only `localToUtc` turns it into one.
 */
export type OffsetMinutes = (utcMs: number) => number;

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** The zone this JavaScript runtime is in (renderer convenience); `0 -` avoids a −0 in UTC. */
export const hostOffsetMinutes: OffsetMinutes = (utcMs) => 0 - new Date(utcMs).getTimezoneOffset();

export const utcOffset: OffsetMinutes = () => 0;

export function toLocalMs(utcMs: number, offsetMinutes: OffsetMinutes): number {
  return utcMs + offsetMinutes(utcMs) * MINUTE_MS;
}

/**
 * The instant at which the local wall clock showed `localMs`.
 *
 * The offset depends on the instant we are looking for, so iterate: guess with the offset at
 * `localMs` read as UTC, then correct with the offset at the guess (Luxon does the same).
 * Around a DST change a wall time can exist twice or not at all:
 * - twice (clocks go back): the EARLIER instant, as JavaScript's Date and Temporal's
 *   'compatible' choose; the offset a day either side is tried so both readings are found;
 * - never (clocks go forward over it): pushed forward by the gap (02:30 → 03:30), again as Date does.
 * Assumes offsets change at most once within a day of the time, true of every real zone.
 */
export function localToUtc(localMs: number, offsetMinutes: OffsetMinutes): number {
  const o1 = offsetMinutes(localMs);
  const guess = localMs - o1 * MINUTE_MS;
  const o2 = offsetMinutes(guess);
  const o3 = offsetMinutes(localMs - o2 * MINUTE_MS);
  const offsets = new Set([o1, o2, o3, offsetMinutes(guess - DAY_MS), offsetMinutes(guess + DAY_MS)]);
  let best: number | null = null;
  for (const offset of offsets) {
    const utc = localMs - offset * MINUTE_MS;
    if (offsetMinutes(utc) === offset && (best === null || utc < best)) best = utc;
  }
  return best ?? localMs - Math.min(...offsets) * MINUTE_MS;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * Milliseconds of an ISO time that names its zone (stored times end in `Z`), else NaN.
 * `Date.parse` alone would read a zone-less string in the HOST's zone: a hidden impurity.
 */
export function parseIsoUtc(iso: string): number {
  return ISO_WITH_ZONE.test(iso) ? Date.parse(iso) : Number.NaN;
}
