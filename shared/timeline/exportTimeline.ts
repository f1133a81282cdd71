/**
 * The timeline leaves the app as CSV (for spreadsheets and other tools) and Markdown (for the
 * post-mortem and the ticket). Both hold text typed by anyone in the incident, or pasted from an
 * attacker's alert, so both treat every user string as hostile: it must neither break the file's
 * structure nor run as a formula or as HTML where the file is opened.
 *
 * Struck entries are exported too, marked: a strike is a tombstone, and the timeline is evidence.
 * Order is by event time, then record order (hlc), then id, so backfills sit where they happened.
 */
import type { EntryView, IncidentView } from '../entities/index.ts';
import { incidentLabel } from '../domain/incidentRef.ts';
import { parseIsoUtc, utcOffset } from './localTime.ts';
import { formatClock, formatElapsedSince, spansMultipleDays } from './timeFormat.ts';

/** The incident fields an export needs; an IncidentView fits. */
export type TimelineIncident = Pick<IncidentView, 'id' | 'title' | 'severity' | 'declaredAt'> &
  Partial<Pick<IncidentView, 'detectedAt' | 'exercise' | 'ref'>>;

/** The first line of every Markdown export of an exercise (the after-action report uses it too). */
export const EXERCISE_BANNER = '**EXERCISE — NOT A REAL INCIDENT**';

export interface TimelineExportOptions {
  /** T+ is measured from here (ISO UTC); default: the incident's declaredAt. */
  startAt?: string;
  /** How an actor is shown; default: the actor string as recorded. */
  authorName?: (actor: string) => string;
  /** Markdown: seconds in the time column (default off: HH:MM reads faster). */
  withSeconds?: boolean;
  /** CSV: start with a UTF-8 byte-order mark, which Excel needs to read UTF-8 (default off: RFC 4180 has none). */
  bom?: boolean;
}

export const TIMELINE_CSV_COLUMNS = [
  'event_time_utc',
  'recorded_time_utc',
  't_plus',
  'kind',
  'author',
  'text',
  'tags',
  'pinned',
  'struck',
  'struck_by',
  'struck_reason',
  'edits',
  /** true on every row of an exercise's timeline: a row copied elsewhere still says it was a rehearsal. */
  'exercise',
  /** The incident's readable id on every row, for the same reason. */
  'incident',
] as const;

/** Event time, then record order, then id: a total order, so exports are reproducible. */
export function sortTimeline(entries: readonly EntryView[]): EntryView[] {
  const at = (entry: EntryView): number => parseIsoUtc(entry.eventAt);
  return [...entries].sort((a, b) => at(a) - at(b) || compare(a.hlc, b.hlc) || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function startMs(incident: TimelineIncident, options: TimelineExportOptions): number {
  return parseIsoUtc(options.startAt ?? incident.declaredAt);
}

function tPlus(entry: EntryView, start: number): string {
  const at = parseIsoUtc(entry.eventAt);
  return Number.isFinite(at) && Number.isFinite(start) ? formatElapsedSince(at, start) : '';
}

// ---------------------------------------------------------------- CSV (RFC 4180)

/**
 * Spreadsheets (Excel, LibreOffice, Google Sheets) evaluate a cell that starts with `=`, `+`,
 * `-` or `@` as a formula — some after skipping leading spaces or line breaks, and some read the
 * full-width `＝ ＋ － ＠` (as typed with an East Asian input method) the same way; opening an
 * exported timeline must not run `=HYPERLINK(…)` or a DDE payload from an entry's text (OWASP
 * "CSV injection"). So a cell is formula-like when its first character after any leading
 * whitespace (JavaScript's `\s`: space, tab, CR, LF, no-break and other Unicode spaces) is one of
 * those eight, or when it starts with a tab or CR at all. Such a cell gets a leading `'`, which
 * spreadsheets read as "this is text". To keep that reversible, a cell that starts with `'`
 * followed by a formula-like rest or another `'` gets one too: a reader recovers the original
 * by removing exactly one leading `'` whenever the rest of the cell is formula-like or starts with `'`.
 */
const FORMULA_CHARACTERS = new Set(['=', '+', '-', '@', '＝', '＋', '－', '＠']);

function formulaLike(value: string): boolean {
  if (value.startsWith('\t') || value.startsWith('\r')) return true;
  const first = value.search(/\S/);
  return first !== -1 && FORMULA_CHARACTERS.has(value[first]!);
}

function needsGuard(value: string): boolean {
  return formulaLike(value) || (value.startsWith("'") && (value.startsWith("''") || formulaLike(value.slice(1))));
}

function csvCell(value: string): string {
  const safe = needsGuard(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV cell, guarded as above: for other CSV exports (the custody log). */
export { csvCell };

/** One header row, then one record per entry; CRLF after every record; text kept byte for byte. */
export function timelineToCsv(
  incident: TimelineIncident,
  entries: readonly EntryView[],
  options: TimelineExportOptions = {},
): string {
  const start = startMs(incident, options);
  const author = options.authorName ?? ((actor: string) => actor);
  const records: string[][] = [[...TIMELINE_CSV_COLUMNS]];
  for (const entry of sortTimeline(entries)) {
    records.push([
      entry.eventAt,
      entry.recordedAt,
      tPlus(entry, start),
      entry.kind,
      author(entry.author),
      entry.text,
      entry.tags.join(' '),
      String(entry.pinned),
      String(entry.struck !== null),
      entry.struck ? author(entry.struck.actor) : '',
      entry.struck?.reason ?? '',
      String(entry.edits),
      String(incident.exercise === true),
      incidentLabel(incident),
    ]);
  }
  return (options.bom ? '\uFEFF' : '') + records.map((record) => `${record.map(csvCell).join(',')}\r\n`).join('');
}

// ---------------------------------------------------------------- Markdown (GFM)

/**
 * User text inside one table cell, shown literally:
 * - `\` and the inline markup characters (`` ` * _ [ ] ~ | ``) are backslash-escaped, so no code
 *   span, emphasis, link or image forms (an image would fetch a URL when the file is viewed),
 *   and `|` cannot end the cell;
 * - `&`, `<`, `>` become entities, so no raw HTML from user text reaches a renderer;
 * - line breaks become `<br>` (ours, added after escaping), so an entry stays one table row.
 * Web addresses (`https://…`, `www.…`) are the exception for `_ * ~ &`: renderers built on
 * micromark (react-markdown, remark) keep backslashes and entities inside an autolinked address,
 * which would break `?a=1&b=x_y`. Left raw there, they can at worst restyle text: a tag needs a
 * literal `<`, which is never left raw, and `|` and `\` stay escaped, so the cell holds.
 */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>]*/gi;

function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]~|]/g, '\\$&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeInline(text: string): string {
  let out = '';
  let done = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    out += escapeText(text.slice(done, match.index)) + match[0].replace(/[\\`[\]|]/g, '\\$&');
    done = match.index + match[0].length;
  }
  return (out + escapeText(text.slice(done))).replace(/\r\n|\r|\n/g, '<br>');
}

/** Cells hold inline content only, but a leading `#`, `+` or `-` is escaped in case one is ever read as a block. */
function mdCell(text: string): string {
  return escapeInline(text.trim()).replace(/^[#+-]/, '\\$&');
}

function entryCell(entry: EntryView, author: (actor: string) => string): string {
  let body = mdCell(entry.text);
  if (entry.struck) {
    const reason = entry.struck.reason.trim();
    body = `~~${body}~~ (struck by ${mdCell(author(entry.struck.actor))}${reason ? `: ${mdCell(reason)}` : ''})`;
  }
  return entry.pinned ? `📌 ${body}` : body;
}

/**
 * The same escaping for other Markdown exports (the post-mortem): `markdownInline` is user text
 * shown literally on one line (line breaks become `<br>`), `markdownCell` is that, trimmed, with a
 * leading `#`, `+` or `-` escaped, for a table cell or the start of a line.
 */
export { escapeInline as markdownInline, mdCell as markdownCell };

/**
 * `# Timeline — <title>`, a metadata list, then one table row per entry in UTC. The time column
 * carries dates only when the incident spans more than one UTC day. Ends with one newline.
 */
export function timelineToMarkdown(
  incident: TimelineIncident,
  entries: readonly EntryView[],
  options: TimelineExportOptions = {},
): string {
  const start = startMs(incident, options);
  const author = options.authorName ?? ((actor: string) => actor);
  const sorted = sortTimeline(entries);
  const utcDay = { utc: true, offsetMinutes: utcOffset, withDate: true };
  const clock = {
    ...utcDay,
    withDate: spansMultipleDays([incident.declaredAt, ...sorted.map((entry) => entry.eventAt)], utcOffset),
    withSeconds: options.withSeconds ?? false,
  };
  const struck = sorted.filter((entry) => entry.struck !== null).length;

  const lines = [
    ...(incident.exercise ? [EXERCISE_BANNER, ''] : []),
    `# Timeline — ${escapeInline(incident.title.replace(/\s+/g, ' ').trim()).replace(/#/g, '\\#')}`,
    '',
    `- **Severity:** ${mdCell(incident.severity)}`,
    `- **Incident:** ${mdCell(incidentLabel(incident))}`,
    `- **Declared:** ${formatClock(incident.declaredAt, utcDay)}`,
  ];
  if (incident.detectedAt) lines.push(`- **Detected:** ${formatClock(incident.detectedAt, utcDay)}`);
  if (incident.exercise) lines.push('- **Exercise:** yes — a rehearsal, not a real incident');
  lines.push(
    `- **Entries:** ${sorted.length}${struck > 0 ? ` (${struck} struck)` : ''}`,
    '',
    '| Time (UTC) | T+ | Kind | Author | Entry |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const entry of sorted) {
    const time = formatClock(entry.eventAt, clock).replace(/ UTC$/, '');
    const cells = [mdCell(time), tPlus(entry, start), entry.kind, mdCell(author(entry.author)), entryCell(entry, author)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
