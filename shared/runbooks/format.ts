/**
 * What parse.ts and serialize.ts agree on: the role names, the `(role: …)`
 * suffix and the escaping that lets any item text, note or title survive a round trip through
 * Markdown. The file format itself is described at the top of parse.ts.
 */
import { ROLES, type Role } from '../domain/incident.ts';
import { normalizeName } from '../util/normalizeName.ts';
import { parenSuffix, type Suffix } from '../util/suffix.ts';

/**
 * The names people write for the roles of shared/domain/incident.ts, normalised as by
 * `normalizeName`. The ids themselves ("security-lead") and their spelled-out forms
 * ("Security lead") need no entry; these are the other names the plans in docs/response-plans.md use.
 */
const ROLE_ALIASES: Readonly<Record<string, Role>> = {
  ic: 'incident-commander',
  commander: 'incident-commander',
  'tech-lead': 'technical-lead',
  'communication-lead': 'communications-lead',
  'comms-lead': 'communications-lead',
  comms: 'communications-lead',
  'communications-coordinator': 'communications-lead', // Plan A §2.3
  'ops-coordinator': 'operations-coordinator',
  'security-officer': 'security-lead', // Plan B
  sme: 'subject-matter-expert',
  'subject-matter-experts': 'subject-matter-expert', // Plan D
};

/** A role id from an id or a human name ("incident commander", "IC", "Security officer"), or null. */
export function roleFromName(name: string): Role | null {
  const key = normalizeName(name);
  if ((ROLES as readonly string[]).includes(key)) return key as Role;
  return ROLE_ALIASES[key] ?? null;
}

/**
 * `(role: <name>)` at the very end of an item's text (its last line): `index` is that of its `(`,
 * `value` the name. The same reading decides what the serializer must escape, so a text that
 * merely ends like a role stays text.
 */
export function roleSuffix(text: string): Suffix | null {
  return parenSuffix(text, 'role:', { forbidden: '\n' });
}

// ---------------------------------------------------------------- escaping

const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
const WORD = /[\p{L}\p{N}]/u;
const ORDERED_MARKER = /^\d{1,9}[.)]/;
const LEADING_SPACE = /^\s+/;
const SPACE = /\s/;

const ref = (char: string): string => `&#${char.codePointAt(0) ?? 0};`;

/**
 * Whether a numeric character reference brings this character back: micromark, like HTML,
 * reads `&#N;` for most control characters as U+FFFD. Those are written raw instead, which
 * Markdown keeps (only space and tab are trimmed from line ends).
 */
function refKeeps(code: number): boolean {
  return !(code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160));
}

/** Length of the white space at the end of `line`, scanned from the end (`/\s+$/` is quadratic on inner runs). */
function trailingSpace(line: string): number {
  let start = line.length;
  while (start > 0 && SPACE.test(line[start - 1] ?? '')) start--;
  return line.length - start;
}

export interface EscapeOptions {
  /** Escape every `#`, not only a leading one (titles: a trailing `#` run would close the heading). */
  allHashes?: boolean;
  /** Index of a `(` that must not read as the start of a `(role: …)` suffix. */
  literalParen?: number;
}

/**
 * One line of user text as Markdown that a GFM parser reads back as exactly that text:
 * - whitespace at either end, and a carriage return or (in a title) line feed anywhere, become
 *   numeric character references, so no indentation, hard break, trimming or line ending can
 *   eat them; other control characters stay raw (see `refKeeps`);
 * - `\` and the inline markup characters `` ` * [ ] < ~ | `` are backslash-escaped, and so is
 *   `_` unless it sits between two letters or digits (where it cannot start emphasis);
 * - `&` is escaped only where it would start a character reference (`&amp;`);
 * - a leading `#`, `>`, `-`, `+`, `=`, `:` and the `.`/`)` of a leading `1.` are escaped, so no
 *   heading, quote, list, thematic break, setext underline or table delimiter row (`:-`) starts;
 * - `:` of `http(s)://`, `.` of `www.` and `@` inside an address are escaped so the micromark
 *   tokenizer makes no literal autolink (whose text would keep our backslashes); the GFM
 *   transform still links the decoded text, and a link reads back as its text.
 * Everything else is left alone, so ordinary prose stays readable.
 */
export function escapeLine(line: string, options: EscapeOptions = {}): string {
  const chars = Array.from(line);
  // Work on code points but keep string indices for the look-behind/-ahead checks.
  const starts: number[] = [];
  let offset = 0;
  for (const char of chars) {
    starts.push(offset);
    offset += char.length;
  }
  const lead = LEADING_SPACE.exec(line)?.[0].length ?? 0;
  const trail = lead === line.length ? 0 : trailingSpace(line);
  const ordered = lead === 0 ? ORDERED_MARKER.exec(line) : null;

  let out = '';
  chars.forEach((char, index) => {
    const at = starts[index] ?? 0;
    const code = char.codePointAt(0) ?? 0;
    if (at < lead || at >= line.length - trail) {
      out += refKeeps(code) ? ref(char) : char;
      return;
    }
    if (char === '\r' || char === '\n') {
      out += ref(char);
      return;
    }
    const before = line.slice(0, at);
    const after = line.slice(at + char.length);
    const atStart = at === 0;
    let escape = false;
    switch (char) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '~':
      case '|':
        escape = true;
        break;
      case '_':
        escape = !(WORD.test(before.slice(-1)) && WORD.test(after.slice(0, 1)));
        break;
      case '&':
        escape = CHARACTER_REFERENCE.test(line.slice(at));
        break;
      case '#':
        escape = atStart || options.allHashes === true;
        break;
      case '>':
      case '-':
      case '+':
      case '=':
        escape = atStart;
        break;
      case '.':
      case ')':
        // Look-behinds test only the characters they need: over all of `before` each would rescan the line.
        escape = (ordered !== null && at === ordered[0].length - 1) || (char === '.' && /^www$/i.test(before.slice(-3)));
        break;
      case ':':
        escape = atStart || (/https?$/i.test(before.slice(-5)) && after.startsWith('//'));
        break;
      case '@':
        escape = /^[\w+.-]$/.test(before.slice(-1)) && /^[\w.-]/.test(after);
        break;
      case '(':
        escape = at === options.literalParen;
        break;
    }
    out += escape ? `\\${char}` : char;
  });
  return out;
}
