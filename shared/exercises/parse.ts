/**
 * Scenario files: Markdown that people write and review, or JSON (a file whose first
 * non-blank character is `{`).
 *
 * The Markdown format
 * ===================
 *
 * ```
 * ---
 * id: db-pool-exhausted
 * type: performance
 * severity: P1
 * roles: incident-commander, technical-lead, communications-lead
 * ---
 * # Database connection pool exhausted
 *
 * ## Briefing
 * Free Markdown (no `#`/`##` headings), shown to the players at the start.
 *
 * ## Injects
 * - T+00 alert: Error rate above 5% on the API
 * - T+05 alert: Connection pool at 100% on db-primary (severity: P0)
 *
 * ## Expected actions
 * - status update within 15 min
 * - checklist started: db-connection-pool-exhausted
 * - role assigned: incident commander
 * - escalated to security lead
 * - severity set: P0
 * - phase reached: containment
 * - Customer support briefed on the workaround
 * ```
 *
 * - Front matter (required): `key: value` lines between two `---` lines at the very top; keys
 *   `id` (optional: else the title as a slug), `type` (an incident type), `severity` (the
 *   starting severity id) and `roles` (comma-separated role ids or names). Blank and `#` lines
 *   are ignored; any other key is an error.
 * - One `# Title`, then the sections `## Briefing`, `## Injects`, `## Expected actions`, each
 *   once (case-insensitive).
 * - An inject is `- T+<minutes> <kind>: <text>`, kind one of alert, fact, customer, executive,
 *   other; an optional `(severity: P0)` at the end sets a new severity. Injects in time order.
 * - An expected action is `- <text>`; its check is read from the text (the phrases above; any
 *   other text is a manual check the facilitator ticks). `(check: <phrase>)` at the end gives
 *   the check explicitly, the rest being the text.
 * - Ids are positional (`inject-1`, `expect-1`) unless an item ends with `{#some-id}`.
 * - A line is at most MAX_SCENARIO_LINE characters, checked before anything else reads it.
 * - Every item is one line. Anything else in the Injects or Expected actions sections is an
 *   error naming its line.
 *
 * Errors never throw: Markdown errors carry the 1-based line; JSON errors carry the field path
 * (`injects[2].at`) — and the line for a JSON syntax error where the engine reports a position.
 *
 * Unlike runbooks (shared/runbooks/parse.ts), items and headings are read line by line: every
 * construct here is a single line, and the briefing is kept as the Markdown the author wrote.
 */
import type { z } from 'zod';
import { INCIDENT_TYPES, ROLES, type Role } from '../domain/incident.ts';
import { roleFromName } from '../runbooks/format.ts';
import { normalizeName } from '../util/normalizeName.ts';
import { trimBlanks } from '../util/suffix.ts';
import { lineTooLong, longLines } from '../util/textLimits.ts';
import { issuePath } from '../util/zodError.ts';
import { checkFromPhrase, checkSuffix, idSuffix, injectLine, severitySuffix } from './format.ts';
import { INJECT_KINDS, Scenario, expectedIdAt, injectIdAt } from './scenario.ts';

export { serializeScenario } from './serialize.ts';

export interface ScenarioError {
  /** 1-based line of a Markdown source (or of a JSON syntax error). */
  line?: number;
  /** Field path in the scenario, such as `injects[2].at` (JSON; Markdown schema errors too). */
  path?: string;
  message: string;
}

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const LINE_ENDING = /\r\n|\r|\n/;
/** As long as a whole briefing may be; every other line (an item's text is at most 500) is far shorter. */
export const MAX_SCENARIO_LINE = 10_000;
const FRONT_MATTER_KEYS = ['id', 'type', 'severity', 'roles'] as const;
type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];
const SECTIONS = { briefing: 'Briefing', injects: 'Injects', expected: 'Expected actions' } as const;
type Section = keyof typeof SECTIONS;

/** Reads a scenario file, Markdown or JSON. Never throws. */
export function parseScenario(source: string): ParseScenarioResult {
  try {
    if (typeof source !== 'string') return { ok: false, errors: [{ line: 1, message: 'a scenario is Markdown or JSON text' }] };
    const text = source.replace(/^\uFEFF/, '');
    if (text.trimStart().startsWith('{')) return parseScenarioJson(text);
    return new ScenarioReader(text).read();
  } catch (error) {
    return { ok: false, errors: [{ line: 1, message: `the scenario could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}


function zodErrors(error: z.ZodError): ScenarioError[] {
  return error.issues.map((issue) => {
    const path = issuePath(issue.path, '(scenario)');
    return { path, message: `${path}: ${issue.message}` };
  });
}

function parseScenarioJson(text: string): ParseScenarioResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = jsonErrorOffset(text);
    const line = position === null ? undefined : text.slice(0, position).split(LINE_ENDING).length;
    return { ok: false, errors: [{ ...(line === undefined ? {} : { line }), message: `not valid JSON: ${message}` }] };
  }
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  return { ok: true, scenario: parsed.data };
}

interface Draft {
  id?: { value: string; line: number };
  type?: { value: string; line: number };
  severity?: { value: string; line: number };
  roles?: { values: Role[]; line: number };
  title?: { value: string; line: number };
  briefing: { lines: string[]; line: number } | null;
  injects: { line: number; id?: string; at: number; kind: string; text: string; severity?: string }[];
  expected: { line: number; id?: string; text: string; check: ReturnType<typeof checkFromPhrase> & { ok: true } }[];
}

class ScenarioReader {
  private readonly lines: string[];
  private readonly errors: ScenarioError[] = [];
  private readonly draft: Draft = { briefing: null, injects: [], expected: [] };

  constructor(source: string) {
    this.lines = source.split(LINE_ENDING);
  }

  private error(line: number, message: string): void {
    this.errors.push({ line, message: `line ${line}: ${message}` });
  }

  read(): ParseScenarioResult {
    // Sizes first: no pattern may look at an oversized line.
    for (const found of longLines(this.lines, MAX_SCENARIO_LINE)) this.error(found.line, lineTooLong(found, 'scenario', MAX_SCENARIO_LINE));
    if (this.errors.length > 0) return this.fail();
    const body = this.readFrontMatter();
    this.readBody(body);
    if (this.errors.length > 0) return this.fail();
    return this.validate();
  }

  private fail(): ParseScenarioResult {
    return { ok: false, errors: [...this.errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }

  /** Returns the index of the first line after the front matter. */
  private readFrontMatter(): number {
    if (this.lines[0]?.trim() !== '---') {
      this.error(1, 'a scenario starts with front matter: a "---" line, then id, type, severity and roles, then "---"');
      return 0;
    }
    const end = this.lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (end < 0) {
      this.error(1, 'the front matter has no closing "---" line');
      return this.lines.length;
    }
    for (let i = 1; i < end; i++) {
      const raw = this.lines[i] ?? '';
      const lineNo = i + 1;
      if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
      // Split at the first colon (a key holds none) rather than by a pattern with a lazy middle.
      const colon = raw.indexOf(':');
      const name = colon === -1 ? '' : raw.slice(0, colon).trim();
      if (!/^[A-Za-z_-]+$/.test(name)) {
        this.error(lineNo, `front matter lines are "key: value" (got ${JSON.stringify(raw.trim())})`);
        continue;
      }
      const key = name.toLowerCase() as FrontMatterKey;
      const value = raw.slice(colon + 1).trim();
      if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
        this.error(lineNo, `unknown front matter key "${name}" (the keys are ${FRONT_MATTER_KEYS.join(', ')})`);
        continue;
      }
      if (this.draft[key]) {
        this.error(lineNo, `"${key}" is given twice (first on line ${this.draft[key].line})`);
        continue;
      }
      if (key === 'roles') {
        const names = value.replace(/^\[|\]$/g, '').split(',').map((name) => name.trim()).filter((name) => name !== '');
        const roles: Role[] = [];
        for (const name of names) {
          const role = roleFromName(name);
          if (role) roles.push(role);
          else this.error(lineNo, `roles: "${name}" is not a role (${ROLES.join(', ')})`);
        }
        this.draft.roles = { values: roles, line: lineNo };
      } else if (key === 'type') {
        const type = normalizeName(value);
        if (!(INCIDENT_TYPES as readonly string[]).includes(type)) this.error(lineNo, `type: "${value}" is not an incident type (${INCIDENT_TYPES.join(', ')})`);
        this.draft.type = { value: type, line: lineNo };
      } else if (key === 'severity') {
        this.draft.severity = { value: value.toUpperCase(), line: lineNo };
      } else {
        this.draft.id = { value, line: lineNo };
      }
    }
    for (const key of ['type', 'severity', 'roles'] as const) {
      if (!this.draft[key]) this.error(1, `the front matter needs "${key}"`);
    }
    return end + 1;
  }

  private readBody(start: number): void {
    let section: Section | null = null;
    const seen = new Map<Section, number>();
    for (let i = start; i < this.lines.length; i++) {
      const raw = this.lines[i] ?? '';
      const lineNo = i + 1;
      const title = atxHeading(raw, 1);
      const heading = atxHeading(raw, 2);
      if (title !== null) {
        if (this.draft.title) this.error(lineNo, `a second "# " title (the first is on line ${this.draft.title.line})`);
        else if (section !== null) this.error(lineNo, 'the "# " title comes before the sections');
        else this.draft.title = { value: title, line: lineNo };
        continue;
      }
      if (heading !== null) {
        const name = normalizeName(heading);
        const found = (Object.keys(SECTIONS) as Section[]).find((key) => normalizeName(SECTIONS[key]) === name || (key === 'expected' && name === 'expected'));
        if (!found) {
          this.error(lineNo, `unknown section "${heading}" (the sections are ${Object.values(SECTIONS).join(', ')})`);
          section = null;
          continue;
        }
        const first = seen.get(found);
        if (first !== undefined) this.error(lineNo, `section "${SECTIONS[found]}" appears twice (first on line ${first})`);
        seen.set(found, lineNo);
        section = found;
        if (found === 'briefing' && first === undefined) this.draft.briefing = { lines: [], line: lineNo };
        continue;
      }
      if (section === 'briefing') {
        this.draft.briefing?.lines.push(raw);
        continue;
      }
      if (raw.trim() === '' || isCommentLine(raw)) continue;
      if (section === null) {
        this.error(lineNo, this.draft.title ? 'text outside a section: put it under "## Briefing"' : 'text before the "# " title');
        continue;
      }
      const item = listItem(raw);
      if (item === null) {
        this.error(lineNo, `only "- " items belong in "${SECTIONS[section]}" (got ${JSON.stringify(raw.trim())})`);
        continue;
      }
      if (section === 'injects') this.readInject(item, lineNo);
      else this.readExpected(item, lineNo);
    }
    if (!this.draft.title) this.error(this.lines.length, 'a "# " title is required');
    for (const key of Object.keys(SECTIONS) as Section[]) {
      if (!seen.has(key)) this.error(this.lines.length, `a "## ${SECTIONS[key]}" section is required`);
    }
  }

  private readInject(content: string, lineNo: number): void {
    let text = content;
    const id = idSuffix(text);
    if (id) text = text.slice(0, id.index);
    const m = injectLine(text);
    if (!m) {
      this.error(lineNo, `an inject is "- T+<minutes> <kind>: <text>", such as "- T+05 alert: Connection pool at 100%" (got ${JSON.stringify(content)})`);
      return;
    }
    const kind = m.kind.toLowerCase();
    if (!(INJECT_KINDS as readonly string[]).includes(kind)) {
      this.error(lineNo, `inject kind "${m.kind}" is not one of ${INJECT_KINDS.join(', ')}`);
      return;
    }
    let rest = m.text;
    let severity: string | undefined;
    const sev = severitySuffix(rest);
    if (sev) {
      severity = sev.value.toUpperCase();
      rest = rest.slice(0, sev.index);
    }
    this.draft.injects.push({ line: lineNo, ...(id ? { id: id.value } : {}), at: Number(m.minutes), kind, text: rest, ...(severity === undefined ? {} : { severity }) });
  }

  private readExpected(content: string, lineNo: number): void {
    let text = content;
    const id = idSuffix(text);
    if (id) text = text.slice(0, id.index);
    const explicit = checkSuffix(text);
    const phrase = explicit ? explicit.value : text;
    if (explicit) text = text.slice(0, explicit.index);
    const check = checkFromPhrase(phrase);
    if (!check.ok) {
      this.error(lineNo, check.message);
      return;
    }
    this.draft.expected.push({ line: lineNo, ...(id ? { id: id.value } : {}), text, check });
  }

  private validate(): ParseScenarioResult {
    const d = this.draft;
    const title = d.title?.value ?? '';
    const candidate = {
      id: d.id?.value ?? normalizeName(title),
      title,
      briefing: (d.briefing?.lines ?? []).join('\n').trim(),
      type: d.type?.value,
      severity: d.severity?.value,
      roles: d.roles?.values,
      injects: d.injects.map((inject, i) => ({
        id: inject.id ?? injectIdAt(i),
        at: inject.at,
        kind: inject.kind,
        text: inject.text,
        ...(inject.severity === undefined ? {} : { severity: inject.severity }),
      })),
      expected: d.expected.map((action, i) => ({ id: action.id ?? expectedIdAt(i), text: action.text, check: action.check.check })),
    };
    const parsed = Scenario.safeParse(candidate);
    if (parsed.success) return { ok: true, scenario: parsed.data };
    for (const issue of parsed.error.issues) {
      const path = issuePath(issue.path, '(scenario)');
      this.errors.push({ line: this.lineOf(issue.path), path, message: `line ${this.lineOf(issue.path)}: ${path}: ${issue.message}` });
    }
    return this.fail();
  }

  private lineOf(path: readonly PropertyKey[]): number {
    const [head, index] = path;
    const d = this.draft;
    if (head === 'injects' && typeof index === 'number') return d.injects[index]?.line ?? this.lines.length;
    if (head === 'expected' && typeof index === 'number') return d.expected[index]?.line ?? this.lines.length;
    if (head === 'title') return d.title?.line ?? 1;
    if (head === 'briefing') return d.briefing?.line ?? 1;
    if (head === 'id') return d.id?.line ?? d.title?.line ?? 1;
    if (head === 'type' || head === 'severity' || head === 'roles') return d[head]?.line ?? 1;
    return 1;
  }
}

/**
 * The text of a `#` (level 1) or `##` (level 2) heading line: up to three spaces, the marks, at
 * least one blank, the text without its end blanks; null for any other line. Scanned by hand: the
 * pattern `^ {0,3}#[ \t]+(.*?)[ \t]*$` is quadratic on a long run of inner blanks.
 */
function atxHeading(raw: string, level: 1 | 2): string | null {
  let at = 0;
  while (at < 3 && raw[at] === ' ') at++;
  if (raw.slice(at, at + level) !== '#'.repeat(level)) return null;
  at += level;
  if (raw[at] !== ' ' && raw[at] !== '\t') return null;
  return trimBlanks(raw.slice(at));
}

/** The content of a `- ` or `* ` item line, without its end blanks; null for any other line. */
function listItem(raw: string): string | null {
  if ((raw[0] !== '-' && raw[0] !== '*') || (raw[1] !== ' ' && raw[1] !== '\t')) return null;
  return trimBlanks(raw.slice(1));
}

/** A line that is only an HTML comment, `<!-- … -->`, blanks around it allowed. */
function isCommentLine(raw: string): boolean {
  const text = raw.trim();
  return text.length >= 7 && text.startsWith('<!--') && text.endsWith('-->');
}

/**
 * Offset of the first JSON syntax error (Node 20's JSON.parse message gives no position): a
 * recursive-descent scan that only checks the grammar. null when it finds none.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      const char = text[i] ?? '';
      if (char < ' ') fail();
      if (char === '\\') i++;
      i++;
    }
    if (text[i] !== '"') fail();
    i++;
  };
  const value = (): void => {
    ws();
    const char = text[i];
    if (char === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    }
    if (char === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!number) fail();
    i += number?.[0].length ?? 0;
  };
  try {
    value();
    ws();
    return i < text.length ? i : null;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : null;
  }
}
