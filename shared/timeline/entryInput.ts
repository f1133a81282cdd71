/**
 * The scribe's entry box: one line of text, typed fast, under pressure. Short prefixes set what
 * would otherwise take a mouse: the kind (`/d`) and, for backfills, when it happened (`@14:05`).
 *
 *   /d @14:05 Roll back the deploy #deploy      → decision, 14:05 local today, tag "deploy"
 *   @-15m /e Error rate crossed 5%              → event, 15 minutes before typing began
 *   /var/log is full                            → plain text, no kind: not a prefix
 *
 * Rules, in order of surprise avoided:
 * - Prefixes come first, separated by whitespace, in any order, at most one of each. The first
 *   token that is not a prefix starts the text; so does a repeated prefix (`@14:05 @bob joined`
 *   keeps `@bob joined` as text).
 * - An unknown `/word` is text, never an error: people type paths (/var/log) and commands.
 * - A token starting with `@` in prefix position IS a time, and a bad one is an error naming it:
 *   silently keeping `@25:99` as text would file a backfill under the wrong time.
 * - Times are the scribe's LOCAL wall time (localTime.ts), or UTC with a trailing `Z`, as logs print.
 * - A bare clock time means the most recent one (typed at 00:10, `@23:50` is yesterday).
 */
import { ENTRY_KINDS, EntryFields, Tag, type EntryKind } from '../domain/entry.ts';
import { DAY_MS, MINUTE_MS, localToUtc, toLocalMs, utcOffset, type OffsetMinutes } from './localTime.ts';

/** The one-letter kind prefixes (`/d` → decision), for the shortcut overlay; full words work too. */
export const KIND_PREFIXES = {
  n: 'note',
  e: 'event',
  d: 'decision',
  a: 'action',
  c: 'communication',
  f: 'finding',
  x: 'evidence',
  i: 'inject',
} as const satisfies Record<string, EntryKind>;

/** Letters, full kind names and the common short word `comm`; matched case-insensitively. */
const KIND_WORDS: ReadonlyMap<string, EntryKind> = new Map<string, EntryKind>([
  ...(Object.entries(KIND_PREFIXES) as [string, EntryKind][]),
  ...ENTRY_KINDS.map((kind): [string, EntryKind] => [kind, kind]),
  ['comm', 'communication'],
]);

export interface EntryInputContext {
  /** When the scribe submits: bare times resolve to the most recent one not after this. */
  now: number;
  /** When the scribe started typing: the entry's time when no `@` is given, and the base of `@-15m`. */
  startedAt: number;
  /** Minutes to ADD to UTC to get the scribe's local time (see localTime.ts; −getTimezoneOffset). */
  offsetMinutes: OffsetMinutes;
}

export interface ParsedEntryInput {
  text: string;
  /** null: no prefix, the caller's default applies. */
  kind: EntryKind | null;
  /** UTC ms; null: no time prefix, the caller uses `startedAt`. */
  eventAt: number | null;
  tags: string[];
}

export type EntryInputResult = { ok: true; value: ParsedEntryInput } | { ok: false; error: string };

/** Clocks disagree and people round: a time up to a minute ahead of `now` still counts as now. */
const GRACE_MS = MINUTE_MS;
const MAX_TAGS = 20; // EntryFields.tags
const MAX_TEXT = EntryFields.shape.text.maxLength ?? 20_000;
/** Room for the prefixes and blanks around a full-length text; anything longer is refused unread. */
const MAX_INPUT = MAX_TEXT + 1000;
const TIME_HINT = 'use @HH:MM, @YYYY-MM-DD HH:MM or @-15m';

const TOKEN = /\s*(\S+)/y;
const DATE_ONLY = /^@\d{4}-\d{2}-\d{2}$/;
/** The time half of `@2026-11-22 23:50`, right after the date and on the same line. */
const TIME_AFTER_DATE = /[ \t]+(\d{1,2}:\d{2}\S*)/y;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(z)?$/i;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(z)?$/i;
const RELATIVE = /^-(?:(\d{1,5})h)?(?:(\d{1,5})m)?(?:(\d{1,5})s)?$/i;

export function parseEntryInput(raw: string, ctx: EntryInputContext): EntryInputResult {
  if (raw.length > MAX_INPUT) return { ok: false, error: `an entry is at most ${MAX_TEXT} characters` };
  let kind: EntryKind | null = null;
  let eventAt: number | null = null;
  let position = 0;
  for (;;) {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(raw);
    if (!match) break;
    const token = match[1]!;
    let end = TOKEN.lastIndex;
    if (token.startsWith('/') && kind === null) {
      const named = KIND_WORDS.get(token.slice(1).toLowerCase());
      if (!named) break;
      kind = named;
    } else if (token.startsWith('@') && eventAt === null) {
      let written = token;
      if (DATE_ONLY.test(token)) {
        TIME_AFTER_DATE.lastIndex = end;
        const time = TIME_AFTER_DATE.exec(raw);
        if (time) {
          written = `${token} ${time[1]!}`;
          end = TIME_AFTER_DATE.lastIndex;
        }
      }
      const parsed = parseTime(written.slice(1), ctx);
      if (typeof parsed === 'string') return { ok: false, error: `"${written}" ${parsed}` };
      eventAt = parsed;
    } else {
      break;
    }
    position = end;
  }

  const text = raw.slice(position).trim();
  if (text === '') return { ok: false, error: 'an entry needs text' };
  if (text.length > MAX_TEXT) return { ok: false, error: `an entry is at most ${MAX_TEXT} characters` };
  return { ok: true, value: { text, kind, eventAt, tags: hashtags(text) } };
}

/** UTC ms, or the rest of an error message. */
function parseTime(spec: string, ctx: EntryInputContext): number | string {
  const notATime = `is not a time (${TIME_HINT})`;

  const relative = RELATIVE.exec(spec);
  if (relative && (relative[1] ?? relative[2] ?? relative[3]) !== undefined) {
    const [h, m, s] = [relative[1], relative[2], relative[3]].map((part) => Number(part ?? 0)) as [number, number, number];
    // From when typing began: `@-0m` is the same as no prefix, whenever Enter is pressed.
    return ctx.startedAt - ((h * 60 + m) * 60 + s) * 1000;
  }

  const clock = CLOCK.exec(spec);
  if (clock) {
    const ofDay = timeOfDay(clock[1]!, clock[2]!, clock[3], clock[4]);
    if (ofDay === null) return notATime;
    const zone = clock[5] ? utcOffset : ctx.offsetMinutes;
    const today = Math.floor(toLocalMs(ctx.now, zone) / DAY_MS) * DAY_MS;
    const at = localToUtc(today + ofDay, zone);
    return at <= ctx.now + GRACE_MS ? at : localToUtc(today - DAY_MS + ofDay, zone);
  }

  const full = DATE_TIME.exec(spec);
  if (full) {
    const [year, month, day] = [full[1], full[2], full[3]].map(Number) as [number, number, number];
    const date = Date.UTC(year, month - 1, day);
    const check = new Date(date);
    const ofDay = timeOfDay(full[4]!, full[5]!, full[6], full[7]);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || ofDay === null) {
      return notATime;
    }
    const at = localToUtc(date + ofDay, full[8] ? utcOffset : ctx.offsetMinutes);
    return at > ctx.now + GRACE_MS ? 'is in the future' : at;
  }

  return notATime;
}

/** Milliseconds since local midnight, or null for 25:99 and the like (no leap seconds). */
function timeOfDay(hours: string, minutes: string, seconds: string | undefined, fraction: string | undefined): number | null {
  const [h, m, s] = [hours, minutes, seconds ?? '0'].map(Number) as [number, number, number];
  if (h > 23 || m > 59 || s > 59) return null;
  return ((h * 60 + m) * 60 + s) * 1000 + Number((fraction ?? '').padEnd(3, '0'));
}

/**
 * `#word` → tag "word": the hashtags stay in the text (they read as part of the sentence).
 * Not a tag: `#` inside a word or URL (C#, page#top, &#39;), a bare number (#42 is an issue,
 * not a topic), trailing punctuation (`#db.` is "db"), one longer than a Tag allows.
 * Lowercased and deduplicated; the first 20 are kept, as an entry holds at most 20.
 */
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#/\\])#([\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}_.-]*)/gu;

/** Without its trailing `.` and `-` (`/[.-]+$/` rescans a long inner run from each of its characters). */
function trimTrailingPunctuation(tag: string): string {
  let end = tag.length;
  while (end > 0 && (tag[end - 1] === '.' || tag[end - 1] === '-')) end--;
  return tag.slice(0, end);
}

export function hashtags(text: string): string[] {
  const tags = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) {
    const tag = trimTrailingPunctuation(match[1]!).toLowerCase();
    if (!/\p{L}/u.test(tag) || !Tag.safeParse(tag).success) continue;
    tags.add(tag);
    if (tags.size === MAX_TAGS) break;
  }
  return [...tags];
}
