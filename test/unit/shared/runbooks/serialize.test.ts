/**
 * Round trips, by property: any valid runbook survives serialize → parse unchanged (user text
 * full of Markdown syntax included), and any Markdown that parses reaches a fixed point after one
 * parse → serialize.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES, PHASES, ROLES } from '../../../../shared/domain/incident.ts';
import { parseRunbook } from '../../../../shared/runbooks/parse.ts';
import { Runbook, type RunbookItem } from '../../../../shared/runbooks/runbook.ts';
import { serializeRunbook } from '../../../../shared/runbooks/serialize.ts';

/**
 * Pieces of text chosen to trip a Markdown writer: block markers, inline markup, escapes,
 * entities, autolinks, role look-alikes, whitespace of every kind and non-ASCII.
 */
const TRICKY = [
  'a', 'Restart', ' ', '  ', '\t', '\n', '\n\n', '\n\n\n', ' \n', '\r', '\u00a0', '\u2028',
  '#', '# ', '## ', '#hashtag', '>', '> ', '- ', '-', '---', '+ ', '* ', '*', '**', '_', '__', 'snake_case', '_x_',
  '=', '===', '1. ', '2) ', '10.', '`', '```', '~', '~~', '~~~', '[', ']', '[ ] ', '[x] ', '[a](b)', '![i](u)', '[^1]',
  '<', '<b>', '<!-- c -->', '&', '&amp;', '&#35;', '&copy', '|', '| a | b |', '\\', '\\\\', '\\n', ':', '(', ')',
  '(role: scribe)', '(role:)', '(Role: IC)', ' (role: x)', 'https://example.com/a_b?c=1&d=2', 'www.example.com', 'a@b.co',
  'mailto:a@b.co', 'http://', 'é', 'ß', '日本', '😀', '\u0301', '!', '"', "'", '{', '}', '$', '%', '^', ';', '.',
  '\u0001', '\u000b', '\u000c', '\u007f', '\u0085', '\u009f', '\ufdd0', '\ufeff', '\u200b',
];

const fragment = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ minLength: 1, maxLength: 4 }));

/** A string the schema keeps as is: trimmed, non-empty, within `max`, free of NUL (which Markdown cannot carry). */
function text(max: number, maxFragments = 12): fc.Arbitrary<string> {
  return fc
    .array(fragment, { minLength: 1, maxLength: maxFragments })
    .map((parts) => parts.join('').replaceAll('\u0000', '').trim().slice(0, max).trim())
    .filter((value) => value.length > 0);
}

const item = (id: string): fc.Arbitrary<RunbookItem> =>
  fc
    .record({ text: text(500), role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }), note: fc.option(text(1000, 20), { nil: undefined }) })
    .map(({ text, role, note }) => ({ id, text, ...(role !== undefined && { role }), ...(note !== undefined && { note }) }));

const runbook: fc.Arbitrary<Runbook> = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,63}$/),
    title: text(200),
    types: fc.shuffledSubarray([...INCIDENT_TYPES], { maxLength: 6 }),
    severities: fc.uniqueArray(fc.stringMatching(/^[A-Z0-9]{1,8}$/), { maxLength: 4 }),
    phases: fc.shuffledSubarray([...PHASES], { minLength: 1, maxLength: 6 }).chain((phases) =>
      fc.tuple(...phases.map((phase) => fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, n) => item(`${phase}-${n + 1}`)))).map((items) => ({ phase, items })))),
    ),
  })
  .map((value) => ({ ...value, phases: [...value.phases] }));

describe('runbook round trip (property)', () => {
  it('the generator makes valid runbooks the schema leaves unchanged', () => {
    fc.assert(
      fc.property(runbook, (value) => {
        expect(Runbook.parse(value)).toStrictEqual(value);
      }),
      { numRuns: 100 },
    );
  });

  it('serialize → parse gives the same runbook, and serialize is a fixed point', () => {
    fc.assert(
      fc.property(runbook, (value) => {
        const markdown = serializeRunbook(value);
        const parsed = parseRunbook(markdown);
        if (!parsed.ok) throw new Error(`did not parse:\n${markdown}\n${JSON.stringify(parsed.errors)}`);
        expect(parsed.runbook).toStrictEqual(value);
        expect(serializeRunbook(parsed.runbook)).toBe(markdown);
      }),
      { numRuns: 400 },
    );
  });
});

/** Hand-written-looking Markdown: inline markup, links, hard breaks, notes, comments, odd headings. */
const inline = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TRICKY.filter((piece) => !piece.includes('\n') && !piece.includes('\r'))),
      fc.constantFrom('*em*', '**strong**', '_u_', '`code`', '~~gone~~', '[Grafana](https://grafana.example/d/1 "t")', '<https://x.example>', '<a@b.co>', 'https://x.example/a\\_b', '&lt;tag&gt;', '&#10;', '\\*', '\\(role: scribe)', 'x  '),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const itemSource = fc
  .record({
    box: fc.constantFrom('[ ]', '[x]', '[X]'),
    first: inline,
    hard: fc.array(inline, { maxLength: 2 }),
    role: fc.option(fc.constantFrom('security-lead', 'Incident Commander', 'IC', 'comms lead', 'nobody'), { nil: undefined }),
    note: fc.array(fc.oneof(inline, fc.constant('')), { maxLength: 3 }),
  })
  .map(({ box, first, hard, role, note }) => {
    const textLines = [first, ...hard];
    const body = textLines.map((line, index) => (index === 0 ? line : `  ${line}`)).join('\\\n');
    return [`- ${box} ${body}${role ? ` (role: ${role})` : ''}`, ...note.map((line) => (line === '' ? '' : `  ${line}`))].join('\n');
  });

const document = fc
  .record({
    front: fc.option(fc.constantFrom('---\nid: my-runbook\ntypes: Security, [data]\nseverities: p0\n---', '---\n# comment\nid: x1\n\n---', '---\ntypes:\n---'), { nil: undefined }),
    title: inline,
    phases: fc.array(
      fc.record({
        heading: fc.constantFrom('Detection', 'triage', 'CONTAINMENT', 'Eradication', 'Recovery', 'Post incident', 'Postmortem', 'post-mortem', 'Mitigation'),
        items: fc.array(itemSource, { minLength: 0, maxLength: 3 }),
        gap: fc.constantFrom('', '\n', '\n<!-- note to editors -->\n'),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ front, title, phases }) =>
    [front, `# ${title}`, ...phases.map((phase) => `${phase.gap}\n## ${phase.heading}\n${phase.items.join('\n')}`)].filter((part) => part !== undefined).join('\n'),
  );

describe('parse → serialize → parse (property over hand-written Markdown)', () => {
  it('never throws, and whatever parses comes back identical after serialize, whose output is a fixed point', () => {
    let parsedCount = 0;
    fc.assert(
      fc.property(document, (markdown) => {
        const first = parseRunbook(markdown);
        if (!first.ok) {
          for (const error of first.errors) expect(error.line).toBeGreaterThanOrEqual(1);
          return;
        }
        parsedCount++;
        const canonical = serializeRunbook(first.runbook);
        const second = parseRunbook(canonical);
        if (!second.ok) throw new Error(`canonical form did not parse:\n${canonical}\n${JSON.stringify(second.errors)}`);
        expect(second.runbook).toStrictEqual(first.runbook);
        expect(serializeRunbook(second.runbook)).toBe(canonical);
      }),
      { numRuns: 500 },
    );
    expect(parsedCount).toBeGreaterThan(20); // the generator must reach the interesting case
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.constantFrom('\n# T\n', '\n## Detection\n', '\n- [ ] ', '---\n', '\n  ')), { maxLength: 30 }), (parts) => {
        const result = parseRunbook(parts.join(''));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
