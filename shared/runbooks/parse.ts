/**
 * Runbooks as Markdown files: what people write, review and keep in version control.
 *
 * The file format
 * ===============
 *
 * ```
 * ---
 * id: security-incident
 * types: security, data
 * severities: P0, P1
 * ---
 * # Security incident
 *
 * ## Containment
 * - [ ] Isolate affected hosts from the network (role: security-lead)
 *   Note text on the following indented line(s) is the item's note.
 * - [ ] Preserve evidence before any change: disk and memory images (role: security-lead)
 *
 * ## Eradication
 * - [ ] Rotate every credential the attacker could have read
 * ```
 *
 * - Front matter (optional): `key: value` lines between two `---` lines at the very top. The keys
 *   are `id`, `types` and `severities`; any other key is an error. `types` and `severities` are
 *   comma-separated lists (`[a, b]` also reads); empty or absent means the runbook applies to
 *   every incident type / every severity. Types are the incident types (availability, security,
 *   performance, data, infrastructure, application), severities are severity ids such as P0;
 *   both are case-insensitive. Blank lines and `#` comment lines are ignored. Without an `id`
 *   the id is the title as a slug ("Disk space full" → `disk-space-full`).
 * - Exactly one `# Title`, before the phases.
 * - Each `## Heading` names a response phase, case-insensitively: Detection, Triage,
 *   Containment, Eradication, Recovery, Post-incident ("Post incident", "Postmortem" and
 *   "Post-mortem" mean Post-incident). Each phase at most once, in any order, with at least
 *   one item.
 * - Items are GFM task list items, `- [ ] text` (`- [x]` reads the same: a runbook is a
 *   template and has no state). An optional `(role: <role>)` at the end of the item's text
 *   names who usually does it: a role id (incident-commander, technical-lead,
 *   communications-lead, operations-coordinator, scribe, security-lead, subject-matter-expert)
 *   or its name ("incident commander", "IC", "security officer", …).
 * - The lines after an item's first line, indented to the item's text, are its note; a blank
 *   line inside the note starts a new paragraph of it. A hard line break (a `\` at the end of a
 *   line) continues the item's text instead.
 * - Item ids are `<phase>-<n>`, 1-based within the phase (`containment-2`): stable as long as
 *   the order of the items is.
 * - Text is plain text: Markdown inside it is read as what it shows (`*a*` → a, `` `x` `` → `x`,
 *   `[text](url)` → text (url)); a backslash escapes a character (`\#`, `\*`, `\(role: …)`).
 * - HTML comments are ignored anywhere. Anything else (text outside an item, a plain `- ` bullet,
 *   an item outside a phase, a list nested in an item, an empty item, `###` headings, code
 *   blocks, quotes, tables) is an error naming its line.
 *
 * - Limits, checked first: a line is at most MAX_RUNBOOK_LINE characters, a block (lines
 *   without a blank line or a new item between them) at most MAX_RUNBOOK_BLOCK, and a line opens
 *   at most MAX_RUNBOOK_NESTING quotes or lists (shared/util/textLimits.ts).
 *
 * Errors never throw: `parseRunbook` returns every error it finds with the (1-based) line it is
 * on, including the runbook schema's own checks (runbook.ts), mapped back to the line of the
 * item, phase or front-matter key they concern.
 *
 * The Markdown is read by a real parser (unified + remark-parse + remark-gfm); positions give the
 * lines. Only the front matter, which is not Markdown, and an item's `(role: …)` suffix are read
 * by hand.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { z } from 'zod';
import { INCIDENT_TYPES, PHASES, ROLES, type IncidentType, type Phase, type Role } from '../domain/incident.ts';
import { SeverityId } from '../domain/severity.ts';
import { DEFAULT_PHASE_NAMES, phaseFromHeading } from '../domain/phaseNames.ts';
import { normalizeName } from '../util/normalizeName.ts';
import { blockTooLong, deepLines, lineTooLong, longBlocks, longLines, nestedTooDeep } from '../util/textLimits.ts';
import { resolveRole, TeamRole } from '../contacts/teamRoles.ts';
import { roleFromName, roleSuffix } from './format.ts';
import { Runbook, type RunbookItem } from './runbook.ts';

/** Reading and writing go together: the writer lives in serialize.ts and is re-exported here. */
export { serializeRunbook } from './serialize.ts';

export interface RunbookError {
  /** 1-based line of the Markdown source. */
  line: number;
  message: string;
}

export type ParseRunbookResult = { ok: true; runbook: Runbook } | { ok: false; errors: RunbookError[] };

const markdownParser = unified().use(remarkParse).use(remarkGfm);

type Root = ReturnType<typeof markdownParser.parse>;
type Block = Root['children'][number];
type List = Extract<Block, { type: 'list' }>;
type ListItem = List['children'][number];
type Paragraph = Extract<Block, { type: 'paragraph' }>;
type Inline = Paragraph['children'][number];

const LINE_ENDING = /\r\n|\r|\n/;
/**
 * Far above what a valid runbook needs (an item's text is at most 500 characters and its note
 * 1000, even escaped character by character), and low enough that no line or block costs the
 * Markdown parser more than a few milliseconds (textLimits.ts).
 */
export const MAX_RUNBOOK_LINE = 6000;
export const MAX_RUNBOOK_BLOCK = 8000;
/** A runbook nests nothing (an item holds no list); this only bounds the parser's work before it says so. */
export const MAX_RUNBOOK_NESTING = 16;
const FRONT_MATTER_KEYS = ['id', 'types', 'severities'] as const;
type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];
const PHASE_NAMES = PHASES.map((phase) => DEFAULT_PHASE_NAMES[phase]).join(', ');
const ROLE_NAMES = ROLES.join(', ');
/** Stands for a hard line break while an item's inline content is flattened; NUL never survives micromark. */
const HARD_BREAK = '\u0000';

export interface ParseRunbookOptions {
  /**
   * The team roles a `(role: …)` may name besides the built-in ones: the team's list when a person
   * saves a runbook (a typo is an error), or 'any-name' when reading one already saved (a runbook
   * synced before its team role is never hidden). Absent: built-in roles only.
   */
  teamRoles?: readonly TeamRole[] | 'any-name';
}

/** Reads a runbook file. Never throws: a problem comes back as errors naming their lines. */
export function parseRunbook(markdown: string, options: ParseRunbookOptions = {}): ParseRunbookResult {
  try {
    if (typeof markdown !== 'string') return fail([{ line: 1, message: 'a runbook is Markdown text' }]);
    return new RunbookReader(markdown, options).read();
  } catch (error) {
    return fail([{ line: 1, message: `the runbook could not be read: ${error instanceof Error ? error.message : String(error)}` }]);
  }
}

function fail(errors: RunbookError[]): ParseRunbookResult {
  return { ok: false, errors: [...errors].sort((a, b) => a.line - b.line) };
}

interface FrontMatter {
  id?: { value: string; line: number };
  types?: { values: IncidentType[]; line: number };
  severities?: { values: string[]; line: number };
}

interface ItemDraft {
  line: number;
  text: string;
  role?: Role;
  teamRole?: { id: string; name: string };
  note?: string;
}

interface PhaseDraft {
  phase: Phase;
  line: number;
  items: ItemDraft[];
}

class RunbookReader {
  private readonly lines: string[];
  private readonly errors: RunbookError[] = [];

  constructor(source: string, private readonly options: ParseRunbookOptions) {
    this.lines = source.replace(/^\uFEFF/, '').split(LINE_ENDING);
  }

  private error(line: number, message: string): void {
    this.errors.push({ line, message });
  }

  read(): ParseRunbookResult {
    // Sizes first: nothing else may look at an oversized line or block.
    const long = longLines(this.lines, MAX_RUNBOOK_LINE);
    for (const found of long) this.error(found.line, lineTooLong(found, 'runbook', MAX_RUNBOOK_LINE));
    if (long.length === 0) {
      for (const found of longBlocks(this.lines, MAX_RUNBOOK_BLOCK)) this.error(found.line, blockTooLong(found, 'runbook', MAX_RUNBOOK_BLOCK));
      for (const found of deepLines(this.lines, MAX_RUNBOOK_NESTING)) this.error(found.line, nestedTooDeep('runbook', MAX_RUNBOOK_NESTING));
    }
    if (this.errors.length > 0) return fail(this.errors);

    const { frontMatter, bodyStart } = this.readFrontMatter();
    // The front matter is not Markdown: hand the parser blank lines in its place, so lines still count.
    const body = this.lines.map((line, index) => (index < bodyStart ? '' : line)).join('\n');
    const root = markdownParser.parse(body);

    let title: { text: string; line: number } | undefined;
    const phases: PhaseDraft[] = [];
    /** The phase items currently go to; null under a heading that is in error (its items are still checked). */
    let current: PhaseDraft | null | undefined;

    for (const node of root.children) {
      const line = lineOf(node);
      switch (node.type) {
        case 'heading': {
          if (node.depth === 1) {
            if (title) {
              this.error(line, `a runbook has one # title; it is already at line ${title.line}`);
              break;
            }
            if (current !== undefined) this.error(line, 'the # title must come before the ## phases');
            title = { text: flatten(node.children).replaceAll(HARD_BREAK, '\n').trim(), line };
            if (title.text === '') this.error(line, 'the # title is empty');
            break;
          }
          if (node.depth > 2) {
            this.error(line, `only # (the title) and ## (a phase) headings are allowed, not ${'#'.repeat(node.depth)}`);
            current = null;
            break;
          }
          const name = flatten(node.children).replaceAll(HARD_BREAK, ' ').trim();
          const phase = phaseFromHeading(name);
          if (phase === null) {
            this.error(line, `unknown phase "${name}": a ## heading names one of ${PHASE_NAMES}`);
            current = null;
            break;
          }
          const earlier = phases.find((draft) => draft.phase === phase);
          if (earlier) {
            this.error(line, `the phase ${DEFAULT_PHASE_NAMES[phase]} appears twice (also at line ${earlier.line}); each phase may appear once`);
            current = null;
            break;
          }
          current = { phase, line, items: [] };
          phases.push(current);
          break;
        }
        case 'list': {
          if (current === undefined) {
            const where = title ? 'outside any phase: put it under a ## phase heading' : 'before the # title and outside any phase';
            this.error(line, `a checklist item ${where}`);
          }
          for (const item of node.children) {
            const draft = this.readItem(item);
            if (draft && current) current.items.push(draft);
          }
          break;
        }
        case 'html':
          if (!isComment(node.value)) this.error(line, 'HTML is not allowed in a runbook');
          break;
        case 'paragraph':
          this.error(
            line,
            current === undefined
              ? 'text outside any phase: a runbook holds a # title and ## phases of - [ ] items'
              : 'text outside a checklist item: write items as "- [ ] …" and notes indented under them',
          );
          break;
        default:
          this.error(line, `${describeBlock(node.type)} is not allowed in a runbook: only a # title and ## phases of - [ ] items`);
      }
    }

    if (!title) this.error(1, 'a runbook needs a # title line');
    if (this.errors.length > 0 || !title) return fail(this.errors);

    const errors: RunbookError[] = [];
    let id = frontMatter.id?.value;
    const idLine = frontMatter.id?.line ?? title.line;
    if (id === undefined) {
      id = slug(title.text);
      if (id.length < 2) {
        errors.push({ line: title.line, message: 'no id can be made from this title: add front matter with "id: <id>"' });
        id = 'placeholder'; // still check the rest
      }
    }
    const runbook = {
      id,
      title: title.text,
      types: frontMatter.types?.values ?? [],
      severities: frontMatter.severities?.values ?? [],
      phases: phases.map((draft) => ({
        phase: draft.phase,
        items: draft.items.map((item, index): RunbookItem => ({
          id: `${draft.phase}-${index + 1}`,
          text: item.text,
          ...(item.role !== undefined && { role: item.role }),
          ...(item.teamRole !== undefined && { teamRole: item.teamRole }),
          ...(item.note !== undefined && { note: item.note }),
        })),
      })),
    };
    const result = Runbook.safeParse(runbook);
    if (result.success && errors.length === 0) return { ok: true, runbook: result.data };
    const lines = { idLine, titleLine: title.line, frontMatter, phases };
    return fail([...errors, ...(result.error?.issues ?? []).map((issue) => schemaError(issue, lines))]);
  }

  // ---------------------------------------------------------------- front matter

  private readFrontMatter(): { frontMatter: FrontMatter; bodyStart: number } {
    const frontMatter: FrontMatter = {};
    if (this.lines[0]?.trim() !== '---') return { frontMatter, bodyStart: 0 };
    const close = this.lines.findIndex((line, index) => index > 0 && line.trim() === '---');
    if (close === -1) {
      this.error(1, 'the front matter opened here is never closed with a --- line');
      return { frontMatter, bodyStart: this.lines.length };
    }
    for (let index = 1; index < close; index++) {
      const line = index + 1;
      const text = (this.lines[index] ?? '').trim();
      if (text === '' || text.startsWith('#')) continue;
      const match = /^([A-Za-z][\w-]*)\s*:(.*)$/.exec(text);
      if (!match) {
        this.error(line, `front matter lines are "key: value", not "${text}"`);
        continue;
      }
      const key = (match[1] ?? '').toLowerCase();
      const value = unquote((match[2] ?? '').trim());
      if (!isFrontMatterKey(key)) {
        this.error(line, `unknown front-matter key "${match[1]}": the keys are ${FRONT_MATTER_KEYS.join(', ')}`);
        continue;
      }
      if (frontMatter[key]) {
        this.error(line, `the front-matter key "${key}" appears twice (also at line ${frontMatter[key].line})`);
        continue;
      }
      if (key === 'id') frontMatter.id = { value, line };
      else if (key === 'types') frontMatter.types = { values: this.readTypes(value, line), line };
      else frontMatter.severities = { values: this.readSeverities(value, line), line };
    }
    return { frontMatter, bodyStart: close + 1 };
  }

  private readTypes(value: string, line: number): IncidentType[] {
    return listValues(value).flatMap((raw) => {
      const type = raw.toLowerCase();
      if ((INCIDENT_TYPES as readonly string[]).includes(type)) return [type as IncidentType];
      this.error(line, `unknown incident type "${raw}": the types are ${INCIDENT_TYPES.join(', ')}`);
      return [];
    });
  }

  private readSeverities(value: string, line: number): string[] {
    return listValues(value).flatMap((raw) => {
      const severity = raw.toUpperCase();
      if (SeverityId.safeParse(severity).success) return [severity];
      this.error(line, `"${raw}" is not a severity id such as P0 (letters and digits, at most 8)`);
      return [];
    });
  }

  // ---------------------------------------------------------------- items

  private readItem(item: ListItem): ItemDraft | null {
    const line = lineOf(item);
    const [first, ...rest] = item.children;
    if (item.checked === null || item.checked === undefined) {
      const text = first?.type === 'paragraph' ? flatten(first.children).trim() : '';
      if (item.children.length === 0 || (item.children.length === 1 && /^\[[ xX]\]$/.test(text))) {
        this.error(line, 'empty item: write its text after "- [ ]"');
      } else {
        this.error(line, 'a plain "- " bullet is not a checklist item: write "- [ ] …"');
      }
      return null;
    }
    if (first?.type !== 'paragraph') {
      this.error(line, 'empty item: write its text after "- [ ]"');
      return null;
    }

    const notes: string[] = [];
    let ok = true;
    for (const child of rest) {
      if (child.type === 'paragraph') notes.push(flatten(child.children));
      else if (child.type === 'html' && isComment(child.value)) continue;
      else if (child.type === 'list') {
        ok = false;
        const nestedTasks = child.children.some((nested) => nested.checked === true || nested.checked === false);
        this.error(
          lineOf(child),
          nestedTasks
            ? 'a checklist nested inside an item: items cannot have sub-items; make it an item of its own'
            : 'a list inside an item: write the note as plain indented lines',
        );
      } else {
        ok = false;
        this.error(lineOf(child), `${describeBlock(child.type)} is not allowed inside an item: its note is plain text`);
      }
    }

    // The first line (hard breaks continue it) is the text; what follows a soft break is the note.
    const content = flatten(first.children);
    const split = content.indexOf('\n');
    const textPart = split === -1 ? content : content.slice(0, split);
    if (split !== -1) notes.unshift(content.slice(split + 1));

    let text = textPart.replaceAll(HARD_BREAK, '\n').trimEnd();
    let role: Pick<ItemDraft, 'role' | 'teamRole'> = {};
    const suffix = roleSuffix(text);
    const roleLine = lineOf(first) + (textPart.split(HARD_BREAK).length - 1);
    if (suffix && this.isRoleSuffix(roleLine, text.slice(suffix.index))) {
      const found = this.role(suffix.value);
      if (found === null) {
        ok = false;
        this.error(roleLine, this.unknownRole(suffix.value));
      } else role = found;
      text = text.slice(0, suffix.index);
    }
    text = text.trim();
    if (text === '') {
      this.error(line, 'empty item: write its text after "- [ ]"');
      return null;
    }
    if (!ok) return null;
    const note = notes.join('\n\n').replaceAll(HARD_BREAK, '\n').trim();
    return { line, text, ...role, ...(note !== '' && { note }) };
  }

  /** A built-in role by id, name or alias; else a team role, from the list given or, read leniently, by its name alone. */
  private role(name: string): Pick<ItemDraft, 'role' | 'teamRole'> | null {
    const builtin = roleFromName(name);
    if (builtin !== null) return { role: builtin };
    const teamRoles = this.options.teamRoles;
    if (teamRoles === 'any-name') {
      const parsed = TeamRole.pick({ id: true, name: true }).safeParse({ id: normalizeName(name), name: name.trim() });
      return parsed.success ? { teamRole: parsed.data } : null;
    }
    const team = resolveRole(name, teamRoles ?? []);
    return team && 'team' in team ? { teamRole: { id: team.team.id, name: team.team.name } } : null;
  }

  private unknownRole(name: string): string {
    const team = this.options.teamRoles;
    const teamNames = Array.isArray(team) && team.length > 0 ? `; the team's roles are ${team.map((r) => r.name).join(', ')}` : '; a team role must first be added in Settings → Team roles';
    return `unknown role "${name}": the built-in roles are ${ROLE_NAMES} (or their names, e.g. "incident commander")${teamNames}`;
  }

  /**
   * Whether a `(role: …)` found at the end of an item's decoded text was written as a suffix on
   * its source line: literally there, with its `(` not backslash-escaped. An escaped or encoded
   * `(` keeps it text (that is how the serializer writes a text that only looks like a role).
   */
  private isRoleSuffix(line: number, suffix: string): boolean {
    const raw = (this.lines[line - 1] ?? '').trimEnd();
    if (!raw.endsWith(suffix)) return false;
    let backslashes = 0;
    for (let at = raw.length - suffix.length - 1; at >= 0 && raw[at] === '\\'; at--) backslashes++;
    return backslashes % 2 === 0;
  }
}

// ---------------------------------------------------------------- helpers

function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1;
}

function isFrontMatterKey(key: string): key is FrontMatterKey {
  return (FRONT_MATTER_KEYS as readonly string[]).includes(key);
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** `a, b`, `[a, b]` → ['a', 'b']; empty → []. */
function listValues(value: string): string[] {
  const inner = /^\[.*\]$/.test(value) ? value.slice(1, -1) : value;
  return inner
    .split(',')
    .map((part) => unquote(part.trim()))
    .filter((part) => part !== '');
}

function isComment(html: string): boolean {
  return /^<!--[\s\S]*-->$/.test(html.trim());
}

function describeBlock(type: string): string {
  switch (type) {
    case 'code':
      return 'a code block';
    case 'blockquote':
      return 'a quote';
    case 'table':
      return 'a table';
    case 'thematicBreak':
      return 'a --- rule';
    case 'heading':
      return 'a heading';
    case 'html':
      return 'HTML';
    case 'definition':
      return 'a link definition';
    case 'footnoteDefinition':
      return 'a footnote';
    default:
      return `a ${type}`;
  }
}

/** A title as an id: "Disk space full" → `disk-space-full` (accents dropped, at most 64 characters). */
function slug(title: string): string {
  return normalizeName(title.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .slice(0, 64)
    .replace(/-+$/, '');
}

/**
 * Inline Markdown as the plain text it shows. Soft line breaks stay `\n`, hard breaks become
 * HARD_BREAK; emphasis, strong and strikethrough keep only their text; code keeps its backticks;
 * a `[text](url)` link reads "text (url)", an autolink its address.
 */
function flatten(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'html':
        out += node.value;
        break;
      case 'inlineCode':
        out += `\`${node.value}\``;
        break;
      case 'break':
        out += HARD_BREAK;
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        out += flatten(node.children);
        break;
      case 'link': {
        const text = flatten(node.children);
        // Autolinks (`<…>`, and GFM's literal ones, which have no position) read as written.
        const bracketed = node.position !== undefined && node.children.length > 0 && node.children[0]?.position?.start.offset !== node.position.start.offset;
        const isAutolink = !bracketed || text === node.url || `mailto:${text}` === node.url;
        out += isAutolink || node.url === '' ? text : `${text} (${node.url})`;
        break;
      }
      case 'image':
      case 'imageReference':
        out += node.alt ?? '';
        break;
      case 'footnoteReference':
        out += `[^${node.label ?? node.identifier}]`;
        break;
      default:
        break;
    }
  }
  return out;
}

interface LineIndex {
  idLine: number;
  titleLine: number;
  frontMatter: FrontMatter;
  phases: PhaseDraft[];
}

/** A runbook-schema issue, pinned to the line of what it concerns. */
function schemaError(issue: z.core.$ZodIssue, lines: LineIndex): RunbookError {
  const [head, index, field, itemIndex, itemField] = issue.path;
  const at = (line: number, what: string): RunbookError => ({ line, message: `${what}: ${describeIssue(issue)}` });
  switch (head) {
    case 'id':
      return at(lines.idLine, 'runbook id');
    case 'title':
      return at(lines.titleLine, 'title');
    case 'types':
      return at(lines.frontMatter.types?.line ?? lines.titleLine, 'types');
    case 'severities':
      return at(lines.frontMatter.severities?.line ?? lines.titleLine, 'severities');
    case 'phases': {
      const phase = typeof index === 'number' ? lines.phases[index] : undefined;
      if (!phase) return at(lines.titleLine, 'phases');
      const item = field === 'items' && typeof itemIndex === 'number' ? phase.items[itemIndex] : undefined;
      if (!item) return at(phase.line, `phase ${DEFAULT_PHASE_NAMES[phase.phase]}`);
      return at(item.line, `item ${typeof itemField === 'string' ? itemField : ''}`.trim());
    }
    default:
      return { line: 1, message: issue.message };
  }
}

/** zod's words for a length limit, said the way a person editing the file needs them. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' && issue.origin === 'string') return `too long (at most ${String(issue.maximum)} characters)`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `too many (at most ${String(issue.maximum)})`;
  return issue.message;
}
