/**
 * People's Markdown made safe to hand to any Markdown renderer, including one that renders raw
 * HTML and follows every link (a wiki, a ticket, a repository viewer):
 *
 * - Links keep only `http:`, `https:` and plain `mailto:` targets (shared/util/links.ts: the
 *   scheme as a browser reads it, after the parser has decoded entities and escapes). Any other
 *   link (`javascript:`, `vbscript:`, `data:`, `file:`, `mailto:?attach=`, a relative path) becomes
 *   its text; an autolink becomes its address as text. A reference link is judged by its
 *   definition, and a definition with another target is removed.
 * - Images never load: a web image (`![alt](https://…)`) becomes a link to it (`[alt](https://…)`),
 *   any other image its alt text, and an image inside a link its alt text (the link stays).
 * - No `<` or `>` is left raw outside code: in text and raw HTML they become `&lt;` `&gt;` (a
 *   backslash-escaped one too), so no tag survives — only the `>` that mark a block quote, and
 *   an autolink's own brackets, stay. A kept link whose target or title holds one is written
 *   again with them percent-encoded (target) or as entities (title).
 * - Code spans and code blocks are left exactly as written: renderers show them as text.
 *
 * Everything is read by a real parser (unified + remark-parse + remark-gfm); edits are made on the
 * source at the positions it reports, so the rest of the text stays as people wrote it. A fix can
 * reveal another (a link inside a removed one's text), so the text is parsed again until a parse
 * finds nothing to fix: only such text is returned. Text that is still not settled after
 * MAX_ROUNDS parses (only ever built to be) is returned whole as a fenced code block instead.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isSafeLinkUrl, urlScheme } from '../util/links.ts';

const markdownParser = unified().use(remarkParse).use(remarkGfm);

/** Parses before giving up on settling the text (each nested link or swallowed block costs one). */
export const MAX_ROUNDS = 16;

interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
  url?: string;
  title?: string | null;
  alt?: string | null;
  identifier?: string;
  label?: string | null;
  referenceType?: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A node the parser gave no position: the text cannot be edited safely, so it is fenced instead. */
class Unplaced extends Error {}

function span(node: MdNode): { start: number; end: number } {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) throw new Unplaced(node.type);
  return { start, end };
}

function applyEdits(source: string, edits: readonly Edit[]): string {
  let out = '';
  let done = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    out += source.slice(done, edit.start) + edit.text;
    done = edit.end;
  }
  return out + source.slice(done);
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * The source between `start` and `end` with every `<` and `>` (backslash-escaped or not) as an
 * entity, except a `>` in a line's leading run of spaces and `>`: there it marks a block quote.
 */
export function escapeAngles(source: string, start = 0, end = source.length): string {
  let out = '';
  let linePrefix = false;
  for (let i = start; i < end; i++) {
    const c = source[i]!;
    if (c === '\n') linePrefix = true;
    else if (c !== ' ' && c !== '\t' && c !== '>') linePrefix = false;
    if (c === '\\' && i + 1 < end && ASCII_PUNCTUATION.test(source[i + 1]!)) {
      const next = source[i + 1]!;
      out += next === '<' ? '&lt;' : next === '>' ? '&gt;' : `\\${next}`;
      i++;
    } else if (c === '<') out += '&lt;';
    else if (c === '>' && !linePrefix) out += '&gt;';
    else out += c;
  }
  return out;
}

const hasAngles = (text: string): boolean => text.includes('<') || text.includes('>');

/** Plain text (an image's alt) as Markdown that shows exactly it, on one line. */
function literalText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A link target in the `(…)` of a link: no space, bracket, angle, `|` or control character raw; `&` cannot start an entity. */
function destination(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f<>()\\|"`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(/&/g, '\\&');
}

function titlePart(title: string | null | undefined): string {
  if (!title) return '';
  const text = title.replace(/\s+/g, ' ').replace(/[\\"|]/g, '\\$&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return ` "${text}"`;
}

/** `[text](target "title")`, written from scratch. */
function inlineLink(text: string, url: string, title: string | null | undefined): string {
  return `[${text}](${destination(url)}${titlePart(title)})`;
}

/** The Markdown of a node's children as written (empty when it has none). */
function childrenSource(source: string, node: MdNode): string {
  const children = node.children ?? [];
  if (children.length === 0) return '';
  return source.slice(span(children[0]!).start, span(children[children.length - 1]!).end);
}

const isWebUrl = (url: string): boolean => {
  const scheme = urlScheme(url);
  return scheme === 'http' || scheme === 'https';
};

/** Every edit one parse of `source` calls for; none when it is safe as it is. */
function editsFor(source: string): Edit[] {
  const tree = markdownParser.parse(source) as unknown as MdNode;
  const definitions = new Map<string, MdNode>();
  const collect = (node: MdNode): void => {
    // The first definition of a label is the one references use.
    if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    for (const child of node.children ?? []) collect(child);
  };
  collect(tree);

  const edits: Edit[] = [];
  const edit = (start: number, end: number, text: string): void => {
    // Only a change counts: the text is settled when a parse asks for none.
    if (source.slice(start, end) !== text) edits.push({ start, end, text });
  };
  const replace = (node: MdNode, text: string): void => {
    const at = span(node);
    edit(at.start, at.end, text);
  };

  /** An image becomes a link to a web image, else its alt text; inside a link, always its alt text. */
  const image = (node: MdNode, url: string | undefined, title: string | null | undefined, inLink: boolean): void => {
    const alt = literalText(node.alt ?? '');
    if (!inLink && url !== undefined && isWebUrl(url)) replace(node, inlineLink(alt === '' ? 'image' : alt, url, title));
    else replace(node, alt === '' && inLink ? 'image' : alt);
  };

  /** A link that goes: its text stays; a bare address (no brackets around it) is made inert. */
  const unlink = (node: MdNode): void => {
    const text = childrenSource(source, node);
    const at = span(node);
    if (text !== source.slice(at.start, at.end)) return replace(node, text);
    // A literal autolink (GFM `xmpp:…`) is its own text: its first character as an entity stops it.
    const first = source.codePointAt(at.start)!;
    replace(node, `&#x${first.toString(16)};${source.slice(at.start + (first > 0xffff ? 2 : 1), at.end)}`);
  };

  const visit = (node: MdNode, inLink: boolean): void => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
        return;
      case 'html':
      case 'text': {
        const at = span(node);
        const text = source.slice(at.start, at.end);
        if (hasAngles(text)) replace(node, escapeAngles(source, at.start, at.end));
        return;
      }
      case 'link': {
        if (!isSafeLinkUrl(node.url ?? '')) return unlink(node);
        const at = span(node);
        const children = node.children ?? [];
        // An inline link's `](target "title")`, which a rewrite replaces; an autolink has none.
        const tailStart = children.length > 0 ? span(children[children.length - 1]!).end : at.start + 1;
        const tail = source.slice(tailStart, at.end);
        if (source[at.start] === '[' && hasAngles(tail)) edit(tailStart, at.end, `](${destination(node.url!)}${titlePart(node.title)})`);
        break;
      }
      case 'linkReference': {
        const definition = definitions.get(node.identifier ?? '');
        if (!definition || !isSafeLinkUrl(definition.url ?? '')) return unlink(node);
        const children = node.children ?? [];
        const tailStart = children.length > 0 ? span(children[children.length - 1]!).end : span(node).start + 1;
        const tail = source.slice(tailStart, span(node).end);
        if (hasAngles(tail)) edit(tailStart, span(node).end, escapeAngles(tail));
        break;
      }
      case 'image':
        return image(node, node.url, node.title, inLink);
      case 'imageReference': {
        const definition = definitions.get(node.identifier ?? '');
        return image(node, definition?.url, definition?.title, inLink);
      }
      case 'definition': {
        if (!isSafeLinkUrl(node.url ?? '')) return replace(node, '');
        const at = span(node);
        if (hasAngles(source.slice(at.start, at.end))) replace(node, `[${escapeAngles(node.label ?? '')}]: ${destination(node.url!)}${titlePart(node.title)}`);
        return;
      }
      case 'footnoteReference': {
        const at = span(node);
        if (hasAngles(source.slice(at.start, at.end))) replace(node, escapeAngles(source, at.start, at.end));
        return;
      }
      case 'footnoteDefinition': {
        // `[^label]:` then the note's blocks, visited below.
        const label = node.label ?? '';
        const at = span(node);
        if (hasAngles(label)) {
          if (source.slice(at.start, at.start + label.length + 3) !== `[^${label}]`) throw new Unplaced(node.type);
          edit(at.start + 2, at.start + 2 + label.length, escapeAngles(label));
        }
        break;
      }
    }
    const linked = inLink || node.type === 'link' || node.type === 'linkReference';
    for (const child of node.children ?? []) visit(child, linked);
  };
  visit(tree, false);
  return edits;
}

/** Text shown as it is, in a fenced code block no line of it can close. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/** `markdown` with only safe links, no images and no raw HTML (see above). */
export function safeMarkdown(markdown: string): string {
  let source = markdown;
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const edits = editsFor(source);
      if (edits.length === 0) return source;
      source = applyEdits(source, edits);
    }
  } catch (error) {
    if (!(error instanceof Unplaced)) throw error;
  }
  return fenced(markdown);
}
