/**
 * The post-mortem export judged by what real tools make of it: markdownlint (through
 * markdownlint-cli2, with the repository's .markdownlint-cli2.jsonc) and the parser the app
 * renders with (unified + remark-parse + remark-gfm).
 *
 * Text cells read back as: the cell's plain text, with our `<br>` read as a line break; that is
 * exactly the entry's text trimmed, with CRLF and CR read as LF (exportPostmortem.ts).
 */
import { fileURLToPath } from 'node:url';
import { main as markdownlintCli2 } from 'markdownlint-cli2';
import { micromark } from 'micromark';
import { gfm } from 'micromark-extension-gfm';
import { gfmAutolinkLiteralHtml } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnoteHtml } from 'micromark-extension-gfm-footnote';
import { gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';
import { gfmTableHtml } from 'micromark-extension-gfm-table';
import { gfmTaskListItemHtml } from 'micromark-extension-gfm-task-list-item';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { mermaidLabel, NOT_WRITTEN, postmortemToMarkdown, sectionMarkdown, type PostmortemExportInput } from '../../../../shared/postmortem/exportPostmortem.ts';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE, parseTemplate } from '../../../../shared/postmortem/templates.ts';
import { sortTimeline } from '../../../../shared/timeline/exportTimeline.ts';
import { makeEntries, makeIncident } from '../../support/postmortemFixtures.ts';

interface MdNode {
  type: string;
  value?: string;
  lang?: string;
  depth?: number;
  children?: MdNode[];
}

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const parse = (markdown: string): MdNode => unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode;

function collect(node: MdNode, out: MdNode[] = []): MdNode[] {
  out.push(node);
  for (const child of node.children ?? []) collect(child, out);
  return out;
}

/** A node as plain text, our `<br>` read as a line break; any other raw HTML shows up loudly. */
function plain(node: MdNode): string {
  if (node.type === 'html') return node.value === '<br>' ? '\n' : `<<raw html ${node.value}>>`;
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map(plain).join('');
}

/** Everything after `## heading` up to the next `##`. */
function sectionNodes(tree: MdNode, heading: string): MdNode[] {
  const top = tree.children!;
  const start = top.findIndex((n) => n.type === 'heading' && n.depth === 2 && plain(n) === heading);
  if (start === -1) throw new Error(`no section ${heading}`);
  const end = top.findIndex((n, i) => i > start && n.type === 'heading' && n.depth! <= 2);
  return top.slice(start + 1, end === -1 ? undefined : end);
}

async function lint(markdown: string): Promise<string[]> {
  const findings: string[] = [];
  const code = await markdownlintCli2({
    directory: repoRoot,
    argv: [],
    // A document not on disk, linted as if it were at the repository root (so the root config applies).
    nonFileContents: { [`${repoRoot.replace(/\/$/, '')}/postmortem-export.md`]: markdown },
    logMessage: () => {},
    logError: (message: string) => findings.push(message),
  });
  if (code !== 0 && findings.length === 0) findings.push(`markdownlint-cli2 exited ${code}`);
  return findings;
}

const HOSTILE = [
  'pipes a | b || c',
  'ran `kubectl rollout undo` then ``` fence',
  'line one\nline two\r\nline three\rline four',
  '<script>alert(1)</script> and <img src=x onerror=alert(2)> <!-- c',
  '# not a heading',
  '## also not',
  'emoji 🔥👩‍💻 rollback done ✅',
  '  padded text with trailing spaces   ',
  'dashboard https://grafana.test/d/x?var-host=db_primary&from=now-1h ok',
  '> not a quote',
  '- not a list',
  '*not emphasis* and [not a link](javascript:alert(1))',
  'C:\\logs\\*.log ends with \\',
  'pasted\tlog\tline with tabs',
];

function hostileInput(overrides: Partial<PostmortemExportInput> = {}): PostmortemExportInput {
  const incident = makeIncident({ title: 'Checkout <script>x</script> | down #', exercise: true });
  return {
    incident,
    entries: makeEntries(HOSTILE),
    sections: {
      summary: 'Payments failed for **45 minutes**.\n\n# What happened\n\nA bad deploy.\n\n## Details\n\n- one\n- two',
      'root-cause': 'Connection pool exhausted:\n\n```sql\nSELECT * FROM pool;\n```',
      impact: '',
      lessons: '- Alert on pool saturation\n- Practice rollbacks',
    },
    template: DEFAULT_TEMPLATE.template,
    actionItems: [
      { id: 'a2', description: 'Add | pool alert `now`', owner: 'Bob <b>', priority: 'P2', dueDate: null, status: 'in-progress' },
      { id: 'a1', description: 'Roll back faster', owner: null, priority: 'P0', dueDate: '2026-12-01', status: 'open' },
      { id: 'a3', description: '# Write the runbook 📘', owner: 'Carol', priority: 'P2', dueDate: '2026-12-10', status: 'done' },
    ],
    timelineMode: 'all',
    exercise: true,
    generatedAt: '2026-11-23T09:30:00.000Z',
    ...overrides,
  };
}

describe('postmortemToMarkdown: the hostile export', () => {
  const input = hostileInput();
  const markdown = postmortemToMarkdown(input);
  const tree = parse(markdown);
  const nodes = collect(tree);

  it('the linter really runs, with the repository config', async () => {
    const findings = await lint(`# One\n\n# Two\n\n${'long '.repeat(100)}<br> <b>x</b>\n`);
    expect(findings.join('\n')).toMatch(/MD025/);
    expect(findings.join('\n')).toMatch(/MD033.*Element: b/);
    expect(findings.join('\n')).not.toMatch(/MD013|Element: br/);
  });

  it('passes markdownlint with the repository config', async () => {
    expect(await lint(markdown)).toEqual([]);
  });

  it('is deterministic and ends with exactly one newline', () => {
    expect(postmortemToMarkdown(hostileInput())).toBe(markdown);
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('has one # title, then the EXERCISE banner', () => {
    expect(tree.children![0]!.type).toBe('heading');
    expect(tree.children![0]!.depth).toBe(1);
    expect(plain(tree.children![0]!)).toBe('Incident Post-Mortem: inc-pm-1 - Checkout <script>x</script> | down #');
    expect(nodes.filter((n) => n.type === 'heading' && n.depth === 1)).toHaveLength(1);
    expect(tree.children![1]!.type).toBe('blockquote');
    expect(plain(tree.children![1]!)).toMatch(/^EXERCISE — /);
    expect(markdown.split('\n')[2]).toMatch(/^> \*\*EXERCISE\*\*/);
  });

  it('has every section heading of the template, in order', () => {
    const headings = tree.children!.filter((n) => n.type === 'heading' && n.depth === 2).map(plain);
    expect(headings).toEqual(DEFAULT_TEMPLATE.template.sections.map((s) => s.heading));
  });

  it('has one timeline row per entry whose text cell is the entry’s text', () => {
    const table = sectionNodes(tree, 'Timeline').find((n) => n.type === 'table')!;
    const rows = table.children!.slice(1);
    const sorted = sortTimeline(input.entries);
    expect(rows).toHaveLength(sorted.length);
    expect(plain(table.children![0]!.children![0]!)).toBe('Time (UTC)');
    sorted.forEach((entry, i) => {
      const cells = rows[i]!.children!.map(plain);
      expect(cells).toHaveLength(4);
      expect(cells[3]).toBe(entry.text.trim().replace(/\r\n?/g, '\n'));
      expect(cells[2]).toBe(entry.author);
      expect(cells[1]).toBe(entry.pinned ? `${entry.kind} 📌` : entry.kind);
    });
  });

  it('never lets <script> through as raw HTML', () => {
    const html = nodes.filter((n) => n.type === 'html');
    expect(html.filter((n) => /script/i.test(n.value ?? ''))).toEqual([]);
    expect(new Set(html.map((n) => n.value))).toEqual(new Set(['<br>']));
    expect(markdown).not.toContain('<script>');
  });

  it('has a Mermaid timeline of the key moments with clean labels', () => {
    const mermaid = nodes.filter((n) => n.type === 'code' && n.lang === 'mermaid');
    expect(mermaid).toHaveLength(1);
    const lines = mermaid[0]!.value!.split('\n');
    expect(lines[0]).toBe('timeline');
    expect(lines[1]).toBe('    title Checkout script x /script | down');
    const sections = lines.filter((l) => l.startsWith('    section ')).map((l) => l.trim());
    expect(sections).toEqual(['section Detection', 'section Triage', 'section Containment', 'section Recovery']);
    const events = lines.filter((l) => l.startsWith('        ')).map((l) => l.trim());
    expect(events).toEqual(['14h05 UTC : Detected', '14h07 UTC : Declared', '14h10 UTC : Acknowledged', '15h00 UTC : Mitigated', '16h30 UTC : Resolved']);
    for (const line of [lines[1]!, ...sections, ...events.map((e) => e.split(' : ').join(''))]) expect(line).not.toMatch(/[:;#`%<>{}]/);
  });

  it('keeps people’s text below its section and marks empty sections', () => {
    const summary = sectionNodes(tree, 'Executive Summary');
    expect(summary.filter((n) => n.type === 'heading').map((n) => [n.depth, plain(n)])).toEqual([
      [3, 'What happened'],
      [4, 'Details'],
    ]);
    expect(sectionNodes(tree, 'Root Cause').find((n) => n.type === 'code')?.value).toBe('SELECT * FROM pool;');
    expect(sectionNodes(tree, 'Impact').map(plain)).toEqual([NOT_WRITTEN.replace(/_/g, '')]);
  });

  it('generates details, metrics and action items', () => {
    const details = sectionNodes(tree, 'Incident Details')[0]!;
    const detailRows = new Map(details.children!.slice(1).map((row) => [plain(row.children![0]!), plain(row.children![1]!)]));
    expect(detailRows.get('Duration')).toBe('2 h 25 min');
    expect(detailRows.get('Incident commander')).toBe('Alice');
    expect(detailRows.get('Response team')).toBe('Incident commander: Alice; Scribe: Carol');
    expect(detailRows.get('Exercise')).toMatch(/^yes/);

    const metrics = sectionNodes(tree, 'Appendices')[0]!;
    expect(metrics.children!.slice(1).map((row) => [plain(row.children![0]!), plain(row.children![3]!)])).toEqual([
      ['Time to detect', '5 min'],
      ['Time to acknowledge', '5 min'],
      ['Time to mitigate', '55 min'],
      ['Time to resolve', '2 h 25 min'],
      // Acknowledged 5 min after detection, within P1's 60 min.
      ['Within response target', 'met (P1 target: 1 h 00 min)'],
    ]);

    const actions = sectionNodes(tree, 'Action Items')[0]!;
    expect(actions.children!.slice(1).map((row) => row.children!.map(plain))).toEqual([
      ['Roll back faster', 'unassigned', 'P0', '2026-12-01', 'Open'],
      ['# Write the runbook 📘', 'Carol', 'P2', '2026-12-10', 'Done'],
      ['Add | pool alert `now`', 'Bob <b>', 'P2', 'none', 'In progress'],
    ]);
  });
});

describe('postmortemToMarkdown: options', () => {
  it('every built-in template’s headings are all in its export, in order', async () => {
    for (const builtIn of BUILT_IN_TEMPLATES) {
      const markdown = postmortemToMarkdown(hostileInput({ template: builtIn.template }));
      const headings = parse(markdown).children!.filter((n) => n.type === 'heading' && n.depth === 2).map(plain);
      expect(headings, builtIn.id).toEqual(builtIn.template.sections.map((s) => s.heading));
      expect(await lint(markdown), builtIn.id).toEqual([]);
    }
  });

  it('pinned mode shows only the pinned entries; no banner when not an exercise', () => {
    const input = hostileInput({ timelineMode: 'pinned', exercise: false });
    const markdown = postmortemToMarkdown(input);
    const tree = parse(markdown);
    const rows = sectionNodes(tree, 'Timeline').find((n) => n.type === 'table')!.children!.slice(1);
    const pinned = sortTimeline(input.entries).filter((e) => e.pinned);
    expect(rows.map((row) => plain(row.children![3]!))).toEqual(pinned.map((e) => e.text.trim().replace(/\r\n?/g, '\n')));
    expect(rows.map((row) => plain(row.children![1]!))).toEqual(pinned.map((e) => e.kind));
    expect(markdown).not.toContain('EXERCISE');
  });

  it('names the incident by its readable id, with the ticket, the services and the users affected', () => {
    const incident = makeIncident({ ref: 'INC-2026-04HM-0042', externalRef: 'OPS-1234', services: ['payments-api', 'checkout'], usersAffectedPercent: 15 });
    const markdown = postmortemToMarkdown(hostileInput({ incident }));
    expect(markdown).toContain('# Incident Post-Mortem: INC-2026-04HM-0042 - ');
    expect(markdown).toContain('| Incident | INC-2026-04HM-0042 |');
    expect(markdown).toContain('| Ticket | OPS-1234 |');
    expect(markdown).toContain('| Affected services | payments-api, checkout |');
    expect(markdown).toContain('| Users affected | 1200 (15%) |');
    expect(markdown).toContain('from incident INC-2026-04HM-0042.');
    expect(postmortemToMarkdown(hostileInput())).toContain('| Incident | inc-pm-1 |');
  });

  it('no pinned entries: a sentence instead of an empty table', async () => {
    const markdown = postmortemToMarkdown(hostileInput({ entries: makeEntries(['a', 'b'], { pinned: () => false }), timelineMode: 'pinned', actionItems: [] }));
    expect(sectionNodes(parse(markdown), 'Timeline').some((n) => n.type === 'table')).toBe(false);
    expect(markdown).toContain('The 0 pinned of 2 timeline entries');
    expect(markdown).toContain('_No action items._');
    expect(await lint(markdown)).toEqual([]);
  });

  it('struck entries are shown struck, with who and why', () => {
    const entries = makeEntries(['wrong host'], { pinned: () => true });
    entries[0]!.struck = { actor: 'carol', hlc: 'h', hash: 'x', opId: 'o', reason: 'it was | db-2' };
    const markdown = postmortemToMarkdown(hostileInput({ entries }));
    const cell = sectionNodes(parse(markdown), 'Timeline').find((n) => n.type === 'table')!.children![1]!.children![3]!;
    expect(cell.children![0]!.type).toBe('delete');
    expect(plain(cell)).toBe('wrong host (struck by carol: it was | db-2)');
  });

  it('fills custom template titles and uses custom headings', () => {
    const parsed = parseTemplate('# Review of {{incident.title}} ({{incident.severity}})\n\n## What broke {#root-cause}\n\n## Timeline\n');
    if (!parsed.ok) throw new Error('parse');
    const markdown = postmortemToMarkdown(hostileInput({ template: parsed.template, incident: makeIncident() }));
    expect(markdown.startsWith('# Review of Checkout down (P1)\n')).toBe(true);
    expect(markdown).toContain('## What broke\n\nConnection pool exhausted:');
  });
});

describe('people’s Markdown stays in its section', () => {
  it('closes an open code fence, so the next section is still a heading', () => {
    const markdown = postmortemToMarkdown(hostileInput({ sections: { summary: 'look:\n\n~~~~\nnever closed\n## Timeline?' } }));
    const tree = parse(markdown);
    expect(tree.children!.filter((n) => n.type === 'heading' && n.depth === 2).map(plain)).toEqual(DEFAULT_TEMPLATE.template.sections.map((s) => s.heading));
    expect(sectionNodes(tree, 'Executive Summary').find((n) => n.type === 'code')?.value).toBe('never closed\n## Timeline?');
  });

  it('shows raw HTML as text, including blocks that would swallow the rest', () => {
    for (const text of ['<!-- hide the rest', '<script>\nalert(1)', '<pre>\nx', '<div>\n\n<b>x</b> <?php y', 'a <script>alert(1)</script> b']) {
      const markdown = postmortemToMarkdown(hostileInput({ sections: { summary: text } }));
      const tree = parse(markdown);
      expect(collect(tree).filter((n) => n.type === 'html' && n.value !== '<br>'), text).toEqual([]);
      expect(tree.children!.filter((n) => n.type === 'heading' && n.depth === 2)).toHaveLength(DEFAULT_TEMPLATE.template.sections.length);
      expect(plain({ type: 'root', children: sectionNodes(tree, 'Executive Summary') }).replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    }
  });

  it('demotes headings so the shallowest is ###, setext ones too', () => {
    expect(sectionMarkdown('Top\n===\n\ntext\n\n## Sub\n\n###### deep')).toBe('### Top\n\ntext\n\n#### Sub\n\n###### deep');
    expect(sectionMarkdown('#### Already deep')).toBe('#### Already deep');
    expect(sectionMarkdown('> # quoted')).toBe('> ### quoted');
    expect(sectionMarkdown('  \n\n')).toBe('');
    expect(sectionMarkdown('\r\n\r\n    indented code\r\n')).toBe('    indented code');
  });

  it('Mermaid labels lose what breaks the syntax', () => {
    expect(mermaidLabel('a: b; c # d\n e %% f `g` <h> {i}')).toBe('a b c d e f g h i');
    expect(mermaidLabel(':;#')).toBe('-');
  });
});

/**
 * The export as a permissive renderer shows it: micromark (the parser under remark) with GFM,
 * told to pass raw HTML through and to keep every link's protocol, and without GFM's tag filter
 * (which would disarm `<script>`), as a wiki that trusts its pages would.
 */
function renderPermissively(markdown: string): string {
  const htmlExtensions = [gfmAutolinkLiteralHtml(), gfmFootnoteHtml(), gfmStrikethroughHtml(), gfmTableHtml(), gfmTaskListItemHtml()];
  return micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions });
}

/** Elements the export itself makes (headings, tables, lists, code, our `<br>` …); any other tag came from people's text. */
const OWN_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'a', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr', 'input', 'sup', 'section']);

/** Every problem a permissive renderer would have with the document: foreign tags, event handlers, images, unsafe links. */
function dangers(markdown: string): string[] {
  const html = renderPermissively(markdown);
  const found: string[] = [];
  // The renderer escapes text, so every `<` left in its HTML opens a real tag.
  for (const [, tag, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!OWN_TAGS.has(tag!.toLowerCase())) found.push(`tag <${tag}>`);
    for (const [attribute] of attributes!.replace(/"[^"]*"/g, '""').matchAll(/\s(?:on\w+|src|srcset|style)\s*=/gi)) found.push(`attribute ${attribute.trim()} on <${tag}>`);
  }
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
    const url = href!.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    if (!/^(?:https?:\/\/|mailto:)/i.test(url) || /^mailto:[^?]*\?(?:.*[&;])?(?!(?:to|cc|subject|body)=)[^&=;]*=/i.test(url)) found.push(`link ${url}`);
  }
  return found;
}

describe('links, images and HTML in people’s Markdown', () => {
  const VECTORS: [string, string][] = [
    ['a data: page with a script', '[x](data:text/html,<script>alert(1)</script>)'],
    ['javascript:', '[js](javascript:alert(1))'],
    ['javascript: in mixed case, after a space', '[js]( JaVaScRiPt:alert(1))'],
    ['javascript: with a tab inside', '[js](<java\tscript:alert(1)>)'],
    ['javascript: through entities', '[e](jav&#x61;script:alert(1)) [f](&#106;avascript:alert(1)) [g](java&#9;script:alert(1))'],
    ['vbscript:', '[vb](vbscript:msgbox(1))'],
    ['file:', '[passwd](file:///etc/passwd)'],
    ['a mailto: that attaches a file', '[mail](mailto:a@example.com?attach=/etc/passwd) [m](mailto:?subject=x&ATTACH=~/.ssh/id_rsa)'],
    ['raw <script>', '<script>alert(1)</script>'],
    ['an <img onerror>', 'see <img src=x onerror=alert(1)> here'],
    ['a reference link to javascript:', '[x][1] and [y]\n\n[1]: javascript:alert(1)\n[y]: vbscript:x "t"'],
    ['a reference image', '![i][2]\n\n[2]: javascript:alert(1)'],
    ['autolinks to javascript: and vbscript:', '<javascript:alert(1)> <VBScript:x>'],
    ['a remote image', '![pixel](https://evil.test/p.png "track")'],
    ['a data: image', '![d](data:image/svg+xml,<svg onload=alert(1)>)'],
    ['an image inside a link', '[![badge](https://evil.test/b.png)](https://example.com)'],
    ['a link inside a dropped link', '[a [b](javascript:1)](javascript:2)'],
    ['a footnote label with a tag', 'note[^<b>]\n\n[^<b>]: <i>x</i>'],
  ];
  /** Harmless to micromark, but raw tags for a renderer that reads link targets or escapes differently. */
  const FOR_OTHER_RENDERERS: [string, string][] = [
    ['a kept link whose target and title hold tags', '[t](https://example.com/?q=<script> "<img src=x onerror=alert(1)>")'],
    ['backslash-escaped brackets', '\\<script\\>alert(1)\\</script\\>'],
  ];

  it.each([...VECTORS, ...FOR_OTHER_RENDERERS])('%s: nothing a permissive renderer would run or load', (_name, text) => {
    const markdown = postmortemToMarkdown(hostileInput({ sections: { summary: text } }));
    expect(dangers(markdown)).toEqual([]);
    // No `<` left raw outside code: no renderer can read a tag in it.
    expect(sectionNodes(parse(markdown), 'Executive Summary').flatMap((node) => collect(node)).filter((n) => n.type === 'html')).toEqual([]);
  });

  it('the check really catches each danger (in the text as people wrote it)', () => {
    expect(VECTORS.filter(([, text]) => dangers(text).length === 0)).toEqual([]);
  });

  it('kept links are written again with no angle bracket in their target or title', () => {
    expect(sectionMarkdown(FOR_OTHER_RENDERERS[0]![1])).toBe('[t](https://example.com/?q=%3Cscript%3E "&lt;img src=x onerror=alert(1)&gt;")');
    expect(sectionMarkdown(FOR_OTHER_RENDERERS[1]![1])).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.each([
    ['[x](data:text/html,<script>alert(1)</script>)', 'x'],
    ['[js](javascript:alert(1)) and [vb](vbscript:x)', 'js and vb'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['![pixel](https://evil.test/p.png)', '[pixel](https://evil.test/p.png)'],
    ['![](https://evil.test/p.png)', '[image](https://evil.test/p.png)'],
    ['![a *b*](data:image/png;base64,AAAA)', 'a b'],
    ['![a_b*c*](data:image/png;base64,AAAA)', 'a\\_bc'],
    ['[![badge](https://evil.test/b.png)](https://example.com)', '[badge](https://example.com)'],
    ['[x][1]\n\n[1]: javascript:alert(1)', 'x'],
    ['a <b>c</b> > d', 'a &lt;b&gt;c&lt;/b&gt; &gt; d'],
    ['> quoted <i>\n> more', '> quoted &lt;i&gt;\n> more'],
    ['`<code>` and\n\n```\n<pre>\n```', '`<code>` and\n\n```\n<pre>\n```'],
  ])('%j exports as %j', (text, expected) => {
    expect(sectionMarkdown(text)).toBe(expected);
  });

  it.each([
    '[site](https://example.com/a?b=1&c=2#d)',
    '<https://example.com>',
    'www.example.com and ops@example.com',
    '[mail](mailto:oncall@example.com?subject=Incident%2042&body=hi)',
    '[ref][r]\n\n[r]: https://example.com "Title"',
  ])('keeps %j as written', (text) => {
    expect(sectionMarkdown(text)).toBe(text);
  });

  it('a template title or heading gets the same treatment', () => {
    const parsed = parseTemplate('# Review [x](javascript:alert(1)) <script>\n\n## Root ![i](https://evil.test/i.png) {#root-cause}\n');
    if (!parsed.ok) throw new Error('parse');
    const markdown = postmortemToMarkdown(hostileInput({ template: parsed.template }));
    expect(markdown.split('\n')[0]).toBe('# Review x &lt;script&gt;');
    expect(markdown).toContain('\n## Root [i](https://evil.test/i.png)\n');
    expect(dangers(markdown)).toEqual([]);
  });
});
