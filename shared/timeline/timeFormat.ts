/**
 * How timeline times are shown. Times are stored as ISO UTC (docs/architecture.md#data-path); these turn them
 * into the two things a scribe and a reviewer read: elapsed time since the incident started
 * ("T+00:05") and a wall clock, local or UTC.
 */
import { DAY_MS, MINUTE_MS, parseIsoUtc, toLocalMs, type OffsetMinutes } from './localTime.ts';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Elapsed time from the incident start to an event: `T+00:05`, `T+23:59`, then with whole days
 * `T+1d 02:15` (a day count reads better than `T+50:15` on long incidents).
 * Events before the start (a detection backfill) are negative: `T-00:10`.
 * Truncated to whole minutes toward zero, like a stopwatch; the sign follows the real
 * difference, so 30 s before the start is `T-00:00`, i.e. "just before".
 */
export function formatElapsedSince(eventMs: number, startMs: number): string {
  const diff = eventMs - startMs;
  const sign = diff < 0 ? '-' : '+';
  const totalMinutes = Math.floor(Math.abs(diff) / MINUTE_MS);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor(totalMinutes / 60) % 24;
  const minutes = totalMinutes % 60;
  return `T${sign}${days > 0 ? `${days}d ` : ''}${pad2(hours)}:${pad2(minutes)}`;
}

export interface ClockOptions {
  /** Show UTC (with a ` UTC` suffix); otherwise local time via `offsetMinutes`. */
  utc: boolean;
  /** The local zone, see localTime.ts for the sign convention; ignored when `utc`. */
  offsetMinutes: OffsetMinutes;
  /** Prefix `YYYY-MM-DD ` (use `spansMultipleDays` to decide). */
  withDate: boolean;
  withSeconds?: boolean;
}

/**
 * `14:05`, `14:05:30`, `2026-11-22 14:05`, `2026-11-22 14:05 UTC`. ISO-style dates, not the
 * locale's: a timeline is shared across teams and countries and must not read 03/04 two ways.
 * A string that is not a time is returned unchanged, so one bad value never breaks a list.
 */
export function formatClock(iso: string, options: ClockOptions): string {
  const utcMs = parseIsoUtc(iso);
  if (!Number.isFinite(utcMs)) return iso;
  const wall = new Date(options.utc ? utcMs : toLocalMs(utcMs, options.offsetMinutes));
  let text = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
  if (options.withSeconds) text += `:${pad2(wall.getUTCSeconds())}`;
  if (options.withDate) text = `${localDateKey(wall)} ${text}`;
  return options.utc ? `${text} UTC` : text;
}

function localDateKey(wall: Date): string {
  return `${String(wall.getUTCFullYear()).padStart(4, '0')}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
}

/**
 * True when the times fall on more than one calendar day in the given zone (pass
 * `utcOffset` for UTC days): then a time column needs dates, or 23:50 and 00:10 mislead.
 * Strings that are not times are ignored.
 */
export function spansMultipleDays(isoTimes: Iterable<string>, offsetMinutes: OffsetMinutes): boolean {
  let first: number | null = null;
  for (const iso of isoTimes) {
    const utcMs = parseIsoUtc(iso);
    if (!Number.isFinite(utcMs)) continue;
    const day = Math.floor(toLocalMs(utcMs, offsetMinutes) / DAY_MS);
    if (first === null) first = day;
    else if (day !== first) return true;
  }
  return false;
}
