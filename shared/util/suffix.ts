/**
 * Suffixes such as `(role: ic)` and `{#id}` at the end of a line, found by plain string
 * scanning: a regular expression for them (`[ \t]*\(role:[ \t]*(.*?)[ \t]*\)$`) has overlapping
 * quantifiers and takes cubic time on a long run of spaces, which synced text may hold.
 */

/** Space or tab, the only blanks these suffixes allow around their parts. */
const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';

/** `text` without the spaces and tabs at its end. */
export function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isBlank(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without the spaces and tabs at its start. */
export function trimBlanksStart(text: string): string {
  let start = 0;
  while (start < text.length && isBlank(text[start])) start++;
  return text.slice(start);
}

/** `text` without the spaces and tabs at either end. */
export function trimBlanks(text: string): string {
  return trimBlanksEnd(trimBlanksStart(text));
}

export interface Suffix {
  /** Where the suffix starts: its `(` or `{`, or the blanks before it when they are included. */
  index: number;
  /** What the suffix holds after its keyword, without surrounding spaces and tabs. */
  value: string;
}

/**
 * `(<keyword> value)` as the very end of `text`, the keyword matched case-insensitively; the
 * value may hold no parenthesis (nor `forbidden`). `index` is that of the `(`, or of the blanks
 * before it when `withBlanksBefore`.
 */
export function parenSuffix(text: string, keyword: string, options: { forbidden?: string; withBlanksBefore?: boolean } = {}): Suffix | null {
  if (!text.endsWith(')')) return null;
  const open = text.lastIndexOf('(', text.length - 2);
  if (open === -1) return null;
  const inner = text.slice(open + 1, -1);
  if (inner.includes(')') || (options.forbidden !== undefined && inner.includes(options.forbidden))) return null;
  if (!startsWithAsciiWord(inner, keyword)) return null;
  const value = trimBlanks(inner.slice(keyword.length));
  return { index: options.withBlanksBefore ? trimBlanksEnd(text.slice(0, open)).length : open, value };
}

/** Whether `text` starts with `word` (ASCII), ignoring ASCII case only, as a regular expression's `i` does. */
function startsWithAsciiWord(text: string, word: string): boolean {
  if (text.length < word.length) return false;
  for (let at = 0; at < word.length; at++) {
    const code = text.charCodeAt(at);
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (lower !== word.toLowerCase().charCodeAt(at)) return false;
  }
  return true;
}

/** `{#id}` as the very end of `text` (the id holds no brace); `index` includes the blanks before it. */
export function braceIdSuffix(text: string): Suffix | null {
  if (!text.endsWith('}')) return null;
  const open = text.lastIndexOf('{', text.length - 2);
  if (open === -1 || text[open + 1] !== '#') return null;
  const value = text.slice(open + 2, -1);
  if (value.includes('}')) return null;
  return { index: trimBlanksEnd(text.slice(0, open)).length, value };
}
