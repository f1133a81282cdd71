/**
 * The post-mortem as one GitHub-flavoured Markdown document: for the wiki, the ticket, the
 * repository. Pure and deterministic (the time it was generated is passed in).
 *
 * The document
 * ============
 *
 * - `# <title>` (the template's, placeholders filled); for an exercise, a `> **EXERCISE** …`
 *   banner line right under it; then a line saying when it was generated.
 * - Every section of the template, in the template's order, under its `## heading`.
 * - Written sections hold people's text as they wrote it (Markdown), or `_Not written yet._`.
 *   Their text never breaks the document around it:
 *   - it is made safe for any renderer (safeMarkdown.ts): links only to http(s) and plain
 *     mailto:, images turned into links (web) or their alt text, no `<` or `>` raw outside code
 *     — so raw HTML is shown as text (`<script>` reads as `<script>`; `<br>` too), and nothing in
 *     it runs or hides what follows (an unclosed `<!--` or `<pre>` would swallow the document);
 *   - headings are demoted to nest below the section: the shallowest becomes `###`, the others
 *     keep their distance below it (capped at `######`); `Title`/`===` headings become `###`;
 *   - a code fence left open is closed at the end of the text.
 * - Automatic sections are generated, then followed by people's notes for them, if any:
 *   - details: a two-column table (status, times, duration, commander, response team …);
 *   - timeline: a Mermaid `timeline` of the key moments (detected, declared, acknowledged,
 *     mitigated, resolved, closed), grouped under the response phase each belongs to, then the
 *     entries (the pinned ones, or all, by `timelineMode`) as a table: Time (UTC), Kind, Author,
 *     Entry, in event-time order (sortTimeline). Cells use the timeline export's escaping
 *     (`markdownCell`): every character of the text shows literally; a line break becomes
 *     `<br>` (so one entry is one row), and the text is trimmed. So a cell read back as plain
 *     text, with `<br>` read as a line break, is the entry's text trimmed, with CRLF and CR
 *     read as LF. A struck entry shows as `~~text~~ (struck by X: reason)`; in 'all' mode a
 *     pinned entry's kind carries 📌;
 *   - metrics: a table of time to detect / acknowledge / mitigate / resolve and the response-target
 *     verdict (as of generation), with what each is counted from and to
 *     (shared/metrics/responseMetrics.ts, through facts.ts);
 *   - action items: a table of action, owner, priority, due date and status, by priority, then
 *     due date (none last), then id.
 * - Mermaid labels lose what breaks its syntax (`:` `;` `#` `%` backticks `<` `>` `{` `}` and
 *   line breaks become spaces).
 * - Then, when someone marked personal data either way or recorded a notice, the
 *   "Personal data and notifications" table (regulatoryBlock.ts), then the "Disaster recovery"
 *   table when a disaster was declared (disasterBlock.ts), then the "Communications log" of
 *   every posted status update when there is one (commsLogBlock.ts).
 * - Ends with exactly one newline.
 */
import { phaseName, type PhaseNames } from '../domain/phaseNames.ts';
import { P0_P3_SCHEME, type SeverityScheme } from '../domain/severity.ts';
import type { Phase } from '../domain/incident.ts';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { EntryView, IncidentView } from '../entities/index.ts';
import { ACTION_STATUS_NAMES, DEFAULT_ACTION_PRIORITIES, priorityLabel, priorityRank, type ActionStatus } from '../domain/actionItems.ts';
import { markdownCell, sortTimeline } from '../timeline/exportTimeline.ts';
import { utcOffset } from '../timeline/localTime.ts';
import { formatClock, spansMultipleDays } from '../timeline/timeFormat.ts';
import { formatUtc, incidentDuration, incidentMetrics, placeholderValues, responseTargetRow, rolesText, usersAffectedText } from './facts.ts';
import { incidentLabel } from '../domain/incidentRef.ts';
import { SECTIONS, type SectionId } from './sections.ts';
import { safeMarkdown } from './safeMarkdown.ts';
import { regulatoryBlock } from './regulatoryBlock.ts';
import { disasterBlock } from './disasterBlock.ts';
import { commsLogBlock } from './commsLogBlock.ts';
import { LOGISTICS_FIELDS, LOGISTICS_NAMES } from '../domain/logistics.ts';
import { fillText, type PostmortemTemplate } from './templates.ts';

export interface PostmortemActionItem {
  id: string;
  description: string;
  owner: string | null;
  /** As stored: a name on the team's scale or an old P0–P3 value (shown by `priorityLabel`). */
  priority: string;
  /** `YYYY-MM-DD`, or null. */
  dueDate: string | null;
  status: ActionStatus;
}

export type TimelineMode = 'pinned' | 'all';

export interface PostmortemExportInput {
  incident: IncidentView;
  entries: readonly EntryView[];
  /** People's text per section (Markdown, may be empty or absent). */
  sections: Partial<Record<SectionId, string>>;
  template: PostmortemTemplate;
  actionItems: readonly PostmortemActionItem[];
  timelineMode: TimelineMode;
  exercise: boolean;
  phaseNames?: PhaseNames;
  /** The team's severity scheme, for the response-target verdict; default: the default scheme. */
  scheme?: SeverityScheme;
  /** When the document is generated (ISO UTC); shown, never read from a clock. */
  generatedAt: string;
  /** How an actor is shown; default: as recorded. */
  authorName?: (actor: string) => string;
  /** The team's action-item priority scale, most urgent first; default High, Medium, Low. */
  actionPriorities?: readonly string[];
}

export const NOT_WRITTEN = '_Not written yet._';


// ---------------------------------------------------------------- people's Markdown, kept in its section

const markdownParser = unified().use(remarkParse).use(remarkGfm);

interface MdNode {
  type: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function parse(markdown: string): MdNode {
  return markdownParser.parse(markdown) as unknown as MdNode;
}

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function applyEdits(source: string, edits: Edit[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function span(node: MdNode): { start: number; end: number } | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/** Headings nest below a `##` section: the shallowest becomes `###`; setext headings become ATX. */
function demoteHeadings(source: string): string {
  const headings: MdNode[] = [];
  walk(parse(source), (node) => {
    if (node.type === 'heading') headings.push(node);
  });
  if (headings.length === 0) return source;
  const shift = Math.max(0, 3 - Math.min(...headings.map((h) => h.depth ?? 1)));
  const edits: Edit[] = [];
  for (const heading of headings) {
    const at = span(heading);
    if (!at) continue;
    const depth = heading.depth ?? 1;
    const target = Math.min(6, depth + shift);
    if (source[at.start] === '#') {
      if (target > depth) edits.push({ start: at.start, end: at.start, text: '#'.repeat(target - depth) });
      continue;
    }
    // Setext: the content lines, then an underline; one ATX line instead.
    const children = heading.children ?? [];
    const first = children[0] ? span(children[0]) : null;
    const last = children[children.length - 1] ? span(children[children.length - 1]!) : null;
    const content = first && last ? source.slice(first.start, last.end).replace(/[ \t]*\n[ \t>]*/g, ' ') : '';
    edits.push({ ...at, text: `${'#'.repeat(target)} ${content}` });
  }
  return applyEdits(source, edits);
}

/** A fenced code block left open at the end (top level: only there would it run on) is closed. */
function closeFences(source: string): string {
  const tree = parse(source);
  let out = source;
  for (const node of tree.children ?? []) {
    const at = node.type === 'code' ? span(node) : null;
    if (!at) continue;
    const lines = source.slice(at.start, at.end).split('\n');
    const fence = /^[ \t]*(`{3,}|~{3,})/.exec(lines[0] ?? '')?.[1];
    if (!fence) continue;
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    if (lines.length === 1 || !closing.test(lines[lines.length - 1]!)) out = `${out}\n${fence}`;
  }
  return out;
}

/** People's Markdown for one section, made safe to place under its `##` heading; '' when blank. */
export function sectionMarkdown(text: string | undefined): string {
  if (text === undefined) return '';
  const normalized = text.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (normalized.trim() === '') return '';
  // Made safe first (raw HTML could swallow a heading), and again last: joining a setext
  // heading's lines onto one is the only edit after it, and the last word is the check.
  return safeMarkdown(closeFences(demoteHeadings(safeMarkdown(normalized)))).trimEnd();
}

/**
 * A line of template text (title, heading), on one line, made safe as a heading's text (read as
 * one, so a line that would start a block elsewhere is judged as it will be read), and a trailing
 * run of `#` escaped (it would be read as the heading's closing sequence and vanish).
 */
function templateLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const safe = safeMarkdown(`# ${line}`);
  const shown = safe.startsWith('# ') && !safe.includes('\n') ? safe.slice(2) : inlineCode(line);
  return shown.replace(/(^|\s)(#+)$/, '$1\\$2');
}

/** Text as a code span: shown as written, whatever it holds. */
function inlineCode(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return `${fence} ${text} ${fence}`;
}

// ---------------------------------------------------------------- automatic sections

const table = (header: string[], rows: string[][]): string[] => [
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((cells) => `| ${cells.join(' | ')} |`),
];

function detailsBlock(input: PostmortemExportInput, author: (actor: string) => string): string[] {
  const { incident } = input;
  const rows: [string, string][] = [
    ['Incident', incidentLabel(incident)],
    ['Title', incident.title],
    ['Severity', incident.severity],
    ['Type', incident.type],
    ['Status', incident.status],
    ['Phase', phaseName(incident.phase, input.phaseNames)],
  ];
  if (input.exercise) rows.push(['Exercise', 'yes: this was an exercise, not a real incident']);
  rows.push(
    ['Impact began', formatUtc(incident.onsetAt)],
    ['Detected', formatUtc(incident.detectedAt)],
    ['Declared', `${formatUtc(incident.declaredAt)} by ${author(incident.declaredBy)}`],
    ['Acknowledged', formatUtc(incident.acknowledgedAt)],
    ['Mitigated', formatUtc(incident.mitigatedAt)],
    ['Resolved', formatUtc(incident.resolvedAt)],
    ['Closed', formatUtc(incident.closedAt)],
    ['Duration', incidentDuration(incident)],
    ['Incident commander', incident.roles['incident-commander'] ?? 'unassigned'],
    ['Response team', rolesText(incident)],
    ['Users affected', usersAffectedText(incident)],
  );
  if (incident.externalRef) rows.splice(2, 0, ['Ticket', incident.externalRef]);
  if (incident.services.length > 0) rows.push(['Affected services', incident.services.join(', ')]);
  for (const field of LOGISTICS_FIELDS) if (incident.logistics?.[field]) rows.push([LOGISTICS_NAMES[field], incident.logistics[field]]);
  return table(
    ['Field', 'Value'],
    rows.map(([field, value]) => [field, markdownCell(value)]),
  );
}

/** Mermaid `timeline` text: no `:` `;` `#` `%` backtick `<` `>` `{` `}` or line break survives. */
export function mermaidLabel(text: string): string {
  const label = text.replace(/[:;#%`<>{}\r\n\t]/g, ' ').replace(/\s+/g, ' ').trim();
  return label === '' ? '-' : label;
}

const MILESTONES: readonly { field: 'detectedAt' | 'declaredAt' | 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt' | 'closedAt'; label: string; phase: Phase }[] = [
  { field: 'detectedAt', label: 'Detected', phase: 'detection' },
  { field: 'declaredAt', label: 'Declared', phase: 'detection' },
  { field: 'acknowledgedAt', label: 'Acknowledged', phase: 'triage' },
  { field: 'mitigatedAt', label: 'Mitigated', phase: 'containment' },
  { field: 'resolvedAt', label: 'Resolved', phase: 'recovery' },
  { field: 'closedAt', label: 'Closed', phase: 'post-incident' },
];

/**
 * The key moments as a Mermaid timeline: one section per response phase (in the team's names),
 * one period per time (`14h05`, with the date when they span days; `h` because `:` is Mermaid
 * syntax), the moments at that time as its events.
 */
function mermaidBlock(input: PostmortemExportInput): string[] {
  const { incident } = input;
  const moments = MILESTONES.flatMap((m) => {
    const at = incident[m.field];
    return at === null ? [] : [{ ...m, at }];
  });
  const withDate = spansMultipleDays(
    moments.map((m) => m.at),
    utcOffset,
  );
  const lines = ['```mermaid', 'timeline', `    title ${mermaidLabel(incident.title)}`];
  let section: Phase | null = null;
  let period: string | null = null;
  for (const moment of moments) {
    const time = mermaidLabel(formatClock(moment.at, { utc: true, offsetMinutes: utcOffset, withDate }).replace(/ UTC$/, '').replace(':', 'h'));
    if (moment.phase !== section) {
      section = moment.phase;
      period = null;
      lines.push(`    section ${mermaidLabel(phaseName(moment.phase, input.phaseNames))}`);
    }
    if (time === period) lines[lines.length - 1] += ` : ${moment.label}`;
    else lines.push(`        ${time} UTC : ${moment.label}`);
    period = time;
  }
  lines.push('```');
  return lines;
}

function timelineBlock(input: PostmortemExportInput, author: (actor: string) => string): string[] {
  const all = sortTimeline(input.entries);
  const shown = input.timelineMode === 'all' ? all : all.filter((entry) => entry.pinned);
  const out = [...mermaidBlock(input), ''];
  if (input.timelineMode === 'all') {
    out.push(`All ${all.length} timeline entries, by event time; 📌 marks the pinned ones.`);
  } else {
    out.push(`The ${shown.length} pinned of ${all.length} timeline entries, by event time; the timeline export has them all.`);
  }
  if (shown.length === 0) return out;
  const clock = {
    utc: true,
    offsetMinutes: utcOffset,
    withDate: spansMultipleDays([input.incident.declaredAt, ...shown.map((entry) => entry.eventAt)], utcOffset),
  };
  const rows = shown.map((entry) => {
    let text = markdownCell(entry.text);
    if (entry.struck) {
      const reason = entry.struck.reason.trim();
      text = `~~${text}~~ (struck by ${markdownCell(author(entry.struck.actor))}${reason ? `: ${markdownCell(reason)}` : ''})`;
    }
    const kind = input.timelineMode === 'all' && entry.pinned ? `${entry.kind} 📌` : entry.kind;
    return [formatClock(entry.eventAt, clock).replace(/ UTC$/, ''), kind, markdownCell(author(entry.author)), text];
  });
  return [...out, '', ...table(['Time (UTC)', 'Kind', 'Author', 'Entry'], rows)];
}

function metricsBlock(input: PostmortemExportInput): string[] {
  const at = (label: string, iso: string | null): string => `${label}, ${formatUtc(iso)}`;
  return table(
    ['Metric', 'From', 'To', 'Time'],
    [...incidentMetrics(input.incident), responseTargetRow(input.incident, input.scheme ?? P0_P3_SCHEME, input.generatedAt)].map((m) => [m.label, at(m.fromLabel, m.from), at(m.toLabel, m.to), m.value]),
  );
}

function actionItemsBlock(input: PostmortemExportInput): string[] {
  if (input.actionItems.length === 0) return ['_No action items._'];
  const scale = input.actionPriorities ?? DEFAULT_ACTION_PRIORITIES;
  const items = [...input.actionItems].sort(
    (a, b) =>
      priorityRank(a.priority, scale) - priorityRank(b.priority, scale) ||
      (a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return table(
    ['Action', 'Owner', 'Priority', 'Due date', 'Status'],
    items.map((item) => [
      markdownCell(item.description),
      item.owner === null ? 'unassigned' : markdownCell(item.owner),
      markdownCell(priorityLabel(item.priority, scale)),
      item.dueDate === null ? 'none' : markdownCell(item.dueDate),
      Object.hasOwn(ACTION_STATUS_NAMES, item.status) ? ACTION_STATUS_NAMES[item.status] : markdownCell(item.status),
    ]),
  );
}

function automaticBlock(id: SectionId, input: PostmortemExportInput, author: (actor: string) => string): string[] {
  switch (id) {
    case 'details':
      return detailsBlock(input, author);
    case 'timeline':
      return timelineBlock(input, author);
    case 'metrics':
      return metricsBlock(input);
    case 'action-items':
      return actionItemsBlock(input);
    default:
      return [];
  }
}

// ---------------------------------------------------------------- the document

export function postmortemToMarkdown(input: PostmortemExportInput): string {
  const author = input.authorName ?? ((actor: string) => actor);
  const values = placeholderValues(input.incident, { ...(input.phaseNames ? { phaseNames: input.phaseNames } : {}) });
  const blocks: string[][] = [[`# ${templateLine(fillText(input.template.title, values))}`]];
  if (input.exercise) blocks.push(['> **EXERCISE** — this post-mortem is about an exercise, not a real incident.']);
  blocks.push([`Generated ${formatUtc(input.generatedAt)} by War Room from incident ${markdownCell(incidentLabel(input.incident))}.`]);

  for (const section of input.template.sections) {
    const notes = sectionMarkdown(input.sections[section.id]);
    const body = SECTIONS[section.id].automatic
      ? [...automaticBlock(section.id, input, author), ...(notes ? ['', notes] : [])]
      : [notes || NOT_WRITTEN];
    blocks.push([`## ${templateLine(section.heading)}`], body);
  }
  const regulatory = regulatoryBlock(input.incident);
  if (regulatory.length > 0) blocks.push(regulatory);
  const disaster = disasterBlock(input.incident);
  if (disaster.length > 0) blocks.push(disaster);
  const comms = commsLogBlock(input.entries, author);
  if (comms.length > 0) blocks.push(comms);
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
