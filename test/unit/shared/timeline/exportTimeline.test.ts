import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../../shared/entities/index.ts';
import { formulaLike, parseCsv, unguard } from '../../support/csv.ts';
import {
  sortTimeline,
  TIMELINE_CSV_COLUMNS,
  timelineToCsv,
  timelineToMarkdown,
  type TimelineIncident,
} from '../../../../shared/timeline/exportTimeline.ts';

const DEVICE = 'a1b2c3d4e5f60718';

const incident: TimelineIncident = {
  id: 'inc-checkout-7',
  title: 'Checkout | <b>down</b> #1',
  severity: 'P1',
  declaredAt: '2026-11-22T14:00:00.000Z',
  detectedAt: '2026-11-22T13:50:00.000Z',
};

let counter = 0;
function entry(text: string, eventAt: string, more: Partial<EntryView> = {}): EntryView {
  counter += 1;
  const recordedAt = more.recordedAt ?? '2026-11-22T15:00:00.000Z';
  return {
    id: `entry-${String(counter).padStart(4, '0')}`,
    incident: incident.id,
    author: 'Alice',
    recordedAt,
    hlc: `${recordedAt}-${counter.toString(16).padStart(4, '0')}-${DEVICE}`,
    text,
    kind: 'note',
    eventAt,
    pinned: false,
    tags: [],
    struck: null,
    edits: 0,
    ...more,
  };
}

const HOSTILE = [
  'a | b || c',
  'run `rm -rf /` then ``` fence',
  'line one\nline two\r\nline three\rline four',
  '<script>alert(1)</script> & <img src=x onerror=alert(2)>',
  '# not a heading',
  '> not a quote',
  '- not a list',
  '* not a list either',
  '+ plus',
  '=cmd|"/c calc"!A1',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1)',
  "'=already quoted",
  "'just an apostrophe",
  'emoji 🔥👩‍💻 and "quotes", commas',
  '[click](javascript:alert(1)) ![pixel](https://evil.test/p.png) *bold* _it_ ~~gone~~ \\| backslash',
  '\tleading tab',
  ' =1+1',
  '\n=HYPERLINK("https://evil.test")',
  '\r\n+cmd',
  '\u3000\u00a0-2+3',
  '＝1+1',
  '＋SUM(1)',
  '－1',
  '＠SUM(A1)',
  ' \t＝1',
  "' =quoted after a space",
  "'＝quoted full-width",
  "'' two apostrophes",
  ' plain, after a space',
];

const entries: EntryView[] = [
  ...HOSTILE.map((text, i) => entry(text, new Date(Date.UTC(2026, 10, 22, 14, 1 + i)).toISOString())),
  entry('Detected by synthetic check #checkout', '2026-11-22T13:50:00.000Z', { kind: 'event', tags: ['checkout'] }),
  entry('Roll back to 4.2.0', '2026-11-22T14:30:00.000Z', {
    kind: 'decision',
    pinned: true,
    author: '=Bob',
    tags: ['=evil', 'deploy'],
    edits: 2,
  }),
  entry('Wrong | host\nsorry', '2026-11-22T14:40:00.000Z', {
    struck: { actor: 'Carol', hlc: `2026-11-22T15:10:00.000Z-0000-${DEVICE}`, hash: 'h', opId: 'o', reason: 'typo <b>|</b>' },
  }),
];

describe('timelineToCsv', () => {
  const csv = timelineToCsv(incident, entries);
  const [header, ...rows] = parseCsv(csv);

  it('writes the header and one CRLF-terminated record per entry, in event order', () => {
    expect(header).toEqual([...TIMELINE_CSV_COLUMNS]);
    expect(rows).toHaveLength(entries.length);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows.every((row) => row.length === TIMELINE_CSV_COLUMNS.length)).toBe(true);
    expect(rows[0]![5]).toBe('Detected by synthetic check #checkout');
    expect(rows[0]![2]).toBe('T-00:10');
    expect(rows.map((row) => row[0])).toEqual(sortTimeline(entries).map((e) => e.eventAt));
  });

  it('round-trips every text through a strict RFC 4180 reader', () => {
    const texts = rows.map((row) => unguard(row[5]!));
    expect(texts).toEqual(sortTimeline(entries).map((e) => e.text));
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const cells = rows.flat();
    for (const cell of cells) expect(formulaLike(cell), cell).toBe(false);
    const byText = new Map(rows.map((row) => [unguard(row[5]!), row]));
    expect(byText.get('=cmd|"/c calc"!A1')![5]).toBe(`'=cmd|"/c calc"!A1`);
    expect(byText.get('\tleading tab')![5]).toBe("'\tleading tab");
    expect(byText.get("'=already quoted")![5]).toBe("''=already quoted");
    expect(byText.get("'just an apostrophe")![5]).toBe("'just an apostrophe");
    for (const text of [' =1+1', '\n=HYPERLINK("https://evil.test")', '\r\n+cmd', '\u3000\u00a0-2+3', '＝1+1', '＋SUM(1)', '－1', '＠SUM(A1)', ' \t＝1']) {
      expect(byText.get(text)![5]).toBe(`'${text}`);
    }
    expect(byText.get("' =quoted after a space")![5]).toBe("'' =quoted after a space");
    expect(byText.get("'＝quoted full-width")![5]).toBe("''＝quoted full-width");
    expect(byText.get("'' two apostrophes")![5]).toBe("''' two apostrophes");
    expect(byText.get(' plain, after a space')![5]).toBe(' plain, after a space');
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    const rollBack = byText.get('Roll back to 4.2.0')!;
    expect(rollBack[4]).toBe("'=Bob");
    expect(rollBack[6]).toBe("'=evil deploy");
  });

  it('marks pinned, struck (kept as evidence) and edited entries', () => {
    const byText = new Map(rows.map((row) => [unguard(row[5]!), row]));
    expect(byText.get('Roll back to 4.2.0')!.slice(7)).toEqual(['true', 'false', '', '', '2', 'false', 'inc-checkout-7']);
    expect(byText.get('Wrong | host\nsorry')!.slice(7)).toEqual(['false', 'true', 'Carol', 'typo <b>|</b>', '0', 'false', 'inc-checkout-7']);
    expect(byText.get('a | b || c')!.slice(0, 5)).toEqual([
      '2026-11-22T14:01:00.000Z',
      '2026-11-22T15:00:00.000Z',
      'T+00:01',
      'note',
      'Alice',
    ]);
  });

  it('maps authors, measures T+ from a chosen start and can add a BOM for Excel', () => {
    const options = { startAt: '2026-11-22T13:50:00.000Z', authorName: (actor: string) => `${actor} (IC)`, bom: true };
    const withOptions = timelineToCsv(incident, entries.slice(-3), options);
    expect(withOptions.startsWith('\uFEFFevent_time_utc,')).toBe(true);
    const [, first] = parseCsv(withOptions.slice(1));
    expect(first!.slice(2, 5)).toEqual(['T+00:00', 'event', 'Alice (IC)']);
  });

  it('writes just the header for an empty timeline', () => {
    expect(timelineToCsv(incident, [])).toBe(`${TIMELINE_CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('timelineToMarkdown', () => {
  const markdown = timelineToMarkdown(incident, entries);
  const lines = markdown.split('\n');
  const separator = lines.indexOf('| --- | --- | --- | --- | --- |');
  const rows = lines.slice(separator + 1).filter((line) => line.startsWith('| '));

  it('has a title, metadata and a header', () => {
    expect(lines[0]).toBe('# Timeline — Checkout \\| &lt;b&gt;down&lt;/b&gt; \\#1');
    expect(markdown).toContain('- **Severity:** P1\n');
    expect(markdown).toContain('- **Incident:** inc-checkout-7\n');
    expect(markdown).toContain('- **Declared:** 2026-11-22 14:00 UTC\n');
    expect(markdown).toContain('- **Detected:** 2026-11-22 13:50 UTC\n');
    expect(markdown).toContain(`- **Entries:** ${entries.length} (1 struck)\n`);
    expect(lines[separator - 1]).toBe('| Time (UTC) | T+ | Kind | Author | Entry |');
  });

  it('has exactly one table row per entry, each with five cells', () => {
    expect(separator).toBeGreaterThan(0);
    expect(rows).toHaveLength(entries.length);
    expect(lines.slice(separator + 1).filter((line) => line !== '')).toHaveLength(entries.length);
    for (const row of rows) {
      // Unescaped pipes delimit cells: 6 per row (leading, 4 between, trailing).
      expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    }
  });

  it('lets no raw HTML, code span, link or block structure through', () => {
    expect(markdown).not.toContain('<script');
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('<b>');
    expect(markdown.replace(/<br>/g, '')).not.toMatch(/<[a-z/!]/i);
    expect(markdown).not.toMatch(/(?<!\\)`/);
    expect(markdown).not.toMatch(/(?<!\\)\[/);
    const cell = (text: string): string => rows.find((row) => row.includes(text))!;
    expect(cell('not a heading')).toContain('| \\# not a heading |');
    expect(cell('not a quote')).toContain('| &gt; not a quote |');
    expect(cell('not a list |')).toContain('| \\- not a list |');
    expect(cell('not a list either')).toContain('| \\* not a list either |');
    expect(cell('plus')).toContain('| \\+ plus |');
    expect(cell('line one')).toContain('| line one<br>line two<br>line three<br>line four |');
    expect(cell('&lt;script')).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
    expect(cell('a \\| b')).toContain('| a \\| b \\|\\| c |');
    expect(cell('backslash')).toContain('\\\\\\| backslash');
    expect(cell('emoji')).toContain('emoji 🔥👩‍💻 and "quotes", commas');
    expect(cell('cmd')).toContain('| =cmd\\|"/c calc"!A1 |');
  });

  it('marks pinned and struck entries, with T+ and UTC times', () => {
    expect(rows[0]).toBe('| 13:50 | T-00:10 | event | Alice | Detected by synthetic check #checkout |');
    expect(rows.find((row) => row.includes('Roll back'))).toBe('| 14:30 | T+00:30 | decision | =Bob | 📌 Roll back to 4.2.0 |');
    expect(rows.find((row) => row.includes('Wrong'))).toBe(
      '| 14:40 | T+00:40 | note | Alice | ~~Wrong \\| host<br>sorry~~ (struck by Carol: typo &lt;b&gt;\\|&lt;/b&gt;) |',
    );
  });

  it('adds dates when the timeline spans UTC days, and ends with a single newline', () => {
    const late = [entry('Before midnight', '2026-11-22T23:55:00.000Z'), entry('After midnight', '2026-11-23T00:05:00.000Z')];
    const twoDays = timelineToMarkdown(incident, late, { withSeconds: true });
    expect(twoDays).toContain('| 2026-11-22 23:55:00 | T+09:55 | note | Alice | Before midnight |');
    expect(twoDays).toContain('| 2026-11-23 00:05:00 | T+10:05 | note | Alice | After midnight |');
    expect(twoDays.endsWith('|\n')).toBe(true);
    expect(markdown.endsWith('|\n')).toBe(true);
    expect(timelineToMarkdown(incident, [])).toMatch(/\| --- \| --- \| --- \| --- \| --- \|\n$/);
  });
});
