/**
 * The Markdown export read back by the parser the app itself renders with (react-markdown =
 * unified + remark-parse, plus remark-gfm for tables): escaping is judged by what a real GFM
 * parser makes of it, not by string matching. unified and remark-parse arrive with
 * react-markdown and remark-gfm, the project's direct dependencies.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../shared/entities/index.ts';
import { sortTimeline, timelineToMarkdown } from '../../../../shared/timeline/exportTimeline.ts';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

const parse = (markdown: string): MdNode => unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode;

function collect(node: MdNode, out: MdNode[] = []): MdNode[] {
  out.push(node);
  for (const child of node.children ?? []) collect(child, out);
  return out;
}

/** A cell's text as a reader sees it: our `<br>` back to a newline, strikethrough shown as ~~…~~. */
function shown(node: MdNode): string {
  if (node.type === 'html') return node.value === '<br>' ? '\n' : `<<raw html ${node.value}>>`;
  if (node.type === 'delete') return `~~${(node.children ?? []).map(shown).join('')}~~`;
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map(shown).join('');
}

const TEXTS = [
  'a | b || c',
  'run `rm -rf /` then ``` fence',
  'line one\nline two\r\nline three',
  '<script>alert(1)</script> & <img src=x onerror=alert(2)> <!-- c --> <br>',
  '# not a heading',
  '> not a quote',
  '- not a list',
  '* not a list',
  '1. not a list',
  '=cmd|"/c calc"!A1',
  '[click](javascript:alert(1)) ![pixel](https://evil.test/p.png) [ref]: https://evil.test',
  '*bold* **strong** _it_ ~~gone~~ ~single~',
  'C:\\path\\*.log ends with \\',
  '\\| and \\\\| already escaped',
  '&amp; &#60; &lt; literal entities',
  'emoji 🔥👩‍💻 and "quotes", commas',
  'dashboard https://grafana.test/d/x?var-host=db_primary&from=now-1h_x~y*z ok',
  'www.status.test/inc_42. then _it_',
  'mail first_last@example.com',
];

const entries: EntryView[] = TEXTS.map((text, i) => ({
  id: `entry-${String(i).padStart(4, '0')}`,
  incident: 'inc-gfm-1',
  author: i % 2 ? 'Alice | <b>IC</b>' : '*Bob*',
  recordedAt: '2026-11-22T15:00:00.000Z',
  hlc: `2026-11-22T15:00:00.000Z-${i.toString(16).padStart(4, '0')}-a1b2c3d4e5f60718`,
  text,
  kind: 'note',
  eventAt: new Date(Date.UTC(2026, 10, 22, 14, i)).toISOString(),
  pinned: i % 3 === 0,
  tags: [],
  struck:
    i % 4 === 0
      ? { actor: 'Carol', hlc: '2026-11-22T15:10:00.000Z-0000-a1b2c3d4e5f60718', hash: 'h', opId: 'o', reason: 'wrong | <i>host</i>' }
      : null,
  edits: 0,
}));

describe('timelineToMarkdown read by remark + GFM', () => {
  const markdown = timelineToMarkdown(
    { id: 'inc-gfm-1', title: 'Checkout | <b>down</b> ##', severity: 'P1', declaredAt: '2026-11-22T14:00:00.000Z' },
    entries,
  );
  const tree = parse(markdown);
  /** Everything user text can reach: the heading and the table (the metadata list is ours, in bold). */
  const nodes = [...collect(tree.children![0]!), ...collect(tree.children![2]!)];

  it('is one heading, one list and one table with a row per entry', () => {
    expect(tree.children!.map((node) => node.type)).toEqual(['heading', 'list', 'table']);
    expect(shown(tree.children![0]!)).toBe('Timeline — Checkout | <b>down</b> ##');
    const table = tree.children![2]!;
    expect(table.children).toHaveLength(entries.length + 1);
    for (const row of table.children!) expect(row.children).toHaveLength(5);
  });

  it('has no raw HTML but our line breaks, no code, emphasis, images, and links only for web addresses', () => {
    const html = nodes.filter((node) => node.type === 'html').map((node) => node.value);
    expect(new Set(html)).toEqual(new Set(['<br>']));
    const kinds = new Set(nodes.map((node) => node.type));
    for (const kind of ['inlineCode', 'code', 'emphasis', 'strong', 'image', 'definition', 'blockquote']) expect(kinds).not.toContain(kind);
    const urls = nodes.filter((node) => node.type === 'link').map((node) => node.url);
    expect(urls).toEqual([
      'https://evil.test/p.png', // the text of an escaped image, autolinked: a link, never fetched
      'https://evil.test',
      'https://grafana.test/d/x?var-host=db_primary&from=now-1h_x~y*z',
      'http://www.status.test/inc_42',
      'mailto:first_last@example.com',
    ]);
  });

  it('shows every text, author and strike reason literally', () => {
    const rows = tree.children![2]!.children!.slice(1);
    sortTimeline(entries).forEach((entry, i) => {
      const cells = rows[i]!.children!.map(shown);
      const struck = entry.struck ? `~~${entry.text.replace(/\r\n/g, '\n')}~~ (struck by Carol: wrong | <i>host</i>)` : entry.text.replace(/\r\n/g, '\n');
      expect(cells[3]).toBe(entry.author);
      expect(cells[4]).toBe(`${entry.pinned ? '📌 ' : ''}${struck}`);
    });
  });
});
