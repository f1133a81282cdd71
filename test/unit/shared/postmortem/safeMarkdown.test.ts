import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { escapeAngles, MAX_ROUNDS, safeMarkdown } from '../../../../shared/postmortem/safeMarkdown.ts';
import { isSafeLinkUrl } from '../../../../shared/util/links.ts';

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const parse = (markdown: string): MdNode => unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode;

/** What a parse of `markdown` finds that safeMarkdown promises never to leave. */
function unsafeNodes(markdown: string): string[] {
  const found: string[] = [];
  const visit = (node: MdNode): void => {
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') found.push(`${node.type} ${node.value ?? node.url ?? ''}`);
    if ((node.type === 'link' || node.type === 'definition') && !isSafeLinkUrl(node.url ?? '')) found.push(`${node.type} ${node.url}`);
    // A `<` written raw in text (one from an entity, `&lt;`, is fine).
    if (node.type === 'text' && markdown.slice(node.position?.start.offset, node.position?.end.offset).includes('<')) found.push(`raw < in ${node.value}`);
    for (const child of node.children ?? []) visit(child);
  };
  visit(parse(markdown));
  return found;
}

describe('escapeAngles', () => {
  it.each([
    ['a < b > c', 'a &lt; b &gt; c'],
    ['\\<b\\> and \\\\<i>', '&lt;b&gt; and \\\\&lt;i&gt;'],
    ['line\n> > quoted <x>', 'line\n> > quoted &lt;x&gt;'],
    ['\\* stays escaped', '\\* stays escaped'],
  ])('%j → %j', (text, expected) => {
    expect(escapeAngles(text)).toBe(expected);
  });
});

describe('safeMarkdown', () => {
  it('settles nested dropped links one parse each', () => {
    expect(safeMarkdown('[a [b [c](javascript:1)](javascript:2)](javascript:3)')).toBe('a b c');
  });

  it('shows text it cannot settle in MAX_ROUNDS parses as a fenced code block, whole', () => {
    const deep = `${'[a '.repeat(MAX_ROUNDS + 2)}x${'](javascript:1)'.repeat(MAX_ROUNDS + 2)}`;
    const out = safeMarkdown(deep);
    expect(out).toBe(`\`\`\`text\n${deep}\n\`\`\``);
    expect(unsafeNodes(out)).toEqual([]);
  });

  it('makes an unsafe literal autolink inert', () => {
    const out = safeMarkdown('chat xmpp:ops@example.com/desk now');
    expect(unsafeNodes(out)).toEqual([]);
  });

  it('settles a section of the largest size, dense with links and tags, in a few parses', { timeout: 60_000 }, () => {
    // About 2.5 s here, most of it the parser's first read of 6,000 inline constructs.
    const text = '[x](javascript:1) <b>y</b> ![i](https://e.test/i.png) '.repeat(2000).slice(0, 100_000);
    const out = safeMarkdown(text);
    expect(out.startsWith('x &lt;b&gt;y&lt;/b&gt; [i](https://e.test/i.png) x')).toBe(true);
    expect(unsafeNodes(out)).toEqual([]);
  });

  it('whatever the input, a parse of the result finds no unsafe link, image or raw HTML, and a second pass changes nothing', { timeout: 60_000 }, () => {
    const pieces = ['[', ']', '(', ')', '<', '>', '!', '\\', '`', '*', '\n', '\n\n', ' ', ':', '"', '&#x61;', '&lt;', '#', '> ', '- ', '[^1]', '[1]: ', 'javascript:', 'https://e.test/', 'mailto:a@e.test?attach=x', 'data:', 'a', 'script', 'img onerror=x', '|'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const out = safeMarkdown(parts.join(''));
        expect(unsafeNodes(out)).toEqual([]);
        expect(safeMarkdown(out)).toBe(out);
      }),
      { numRuns: 1000 },
    );
  });
});
