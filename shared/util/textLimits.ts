/**
 * Size limits checked before a parser runs any pattern or the Markdown parser over synced or
 * imported text. Each pass is one linear scan, so an oversized input costs no more than reading it.
 *
 * Lines are capped because the hand-written readers match patterns line by line. Blocks are
 * capped because the Markdown parser (micromark) resolves emphasis, links and tables within one
 * paragraph in time quadratic in its length: 20,000 characters of `*a` take seconds, 200,000
 * minutes. A block here is a run of lines that may form one paragraph: it ends only at a blank
 * line, or at a line that always starts a new block (a `- ` list item or a `#` heading indented by
 * at most three spaces). Counting this way can only overestimate a paragraph, never miss one.
 */

export interface OversizedText {
  /** 1-based first line. */
  line: number;
  /** 1-based last line (a line: the same as `line`). */
  endLine: number;
  characters: number;
}

/** Every line longer than `max` characters (UTF-16 code units, as `String.length` counts). */
export function longLines(lines: readonly string[], max: number): OversizedText[] {
  const found: OversizedText[] = [];
  lines.forEach((text, index) => {
    if (text.length > max) found.push({ line: index + 1, endLine: index + 1, characters: text.length });
  });
  return found;
}

/** A list item (`-`, `*`, `+` then a blank and text) or an ATX heading, indented by at most three spaces. */
const STARTS_BLOCK = /^ {0,3}(?:[-*+][ \t]+\S|#{1,6}(?:[ \t]|$))/;

/** Every block (see above) of more than `max` characters, line endings not counted. */
export function longBlocks(lines: readonly string[], max: number): OversizedText[] {
  const found: OversizedText[] = [];
  let start = -1;
  let characters = 0;
  const close = (end: number) => {
    if (start !== -1 && characters > max) found.push({ line: start + 1, endLine: end, characters });
    start = -1;
    characters = 0;
  };
  lines.forEach((text, index) => {
    if (text.trim() === '') return close(index);
    if (STARTS_BLOCK.test(text)) close(index);
    if (start === -1) start = index;
    characters += text.length;
  });
  close(lines.length);
  return found;
}

/**
 * Every line that opens more than `max` nested quotes or lists (`> > -` opens three): the
 * Markdown parser's cost grows with the square of the depth, and 5,000 `>` on one line take seconds.
 */
export function deepLines(lines: readonly string[], max: number): OversizedText[] {
  const found: OversizedText[] = [];
  lines.forEach((text, index) => {
    const depth = nesting(text, max);
    if (depth > max) found.push({ line: index + 1, endLine: index + 1, characters: depth });
  });
  return found;
}

/** How many quote and list markers open `text`, counting no further than just past `max`. */
function nesting(text: string, max: number): number {
  let depth = 0;
  let at = 0;
  while (depth <= max && at < text.length) {
    const char = text[at]!;
    if (char === ' ' || char === '\t') at++;
    else if (char === '>') {
      depth++;
      at++;
    } else if ((char === '-' || char === '*' || char === '+') && (text[at + 1] === ' ' || text[at + 1] === '\t')) {
      depth++;
      at += 2;
    } else {
      let digits = at;
      while (digits < text.length && digits - at < 10 && text[digits]! >= '0' && text[digits]! <= '9') digits++;
      if (digits === at || (text[digits] !== '.' && text[digits] !== ')') || (text[digits + 1] !== ' ' && text[digits + 1] !== '\t')) break;
      depth++;
      at = digits + 2;
    }
  }
  return depth;
}

/** "this line opens more than 16 nested quotes or lists; a runbook line opens at most 16" */
export function nestedTooDeep(what: string, max: number): string {
  return `this line opens more than ${max} nested quotes or lists; a ${what} line opens at most ${max}`;
}

/** "this line is 60008 characters long; a runbook line is at most 6000" */
export function lineTooLong(found: OversizedText, what: string, max: number): string {
  return `this line is ${found.characters} characters long; a ${what} line is at most ${max}`;
}

/** "lines 4–404 hold 20808 characters without a blank line or a new item; a runbook block is at most 8000" */
export function blockTooLong(found: OversizedText, what: string, max: number): string {
  return `lines ${found.line}–${found.endLine} hold ${found.characters} characters without a blank line or a new item; a ${what} block is at most ${max}`;
}
