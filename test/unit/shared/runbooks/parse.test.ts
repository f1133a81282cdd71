import { describe, expect, it } from 'vitest';
import { parseRunbook, type ParseRunbookResult } from '../../../../shared/runbooks/parse.ts';
import { serializeRunbook } from '../../../../shared/runbooks/serialize.ts';

const EXAMPLE = `---
id: security-incident
types: security, data
severities: P0, P1
---
# Security incident

## Containment
- [ ] Isolate affected hosts from the network (role: security-lead)
  Note text on the following indented line(s) is the item's note.
- [ ] Preserve evidence before any change: disk and memory images (role: security-lead)

## Eradication
- [ ] Rotate every credential the attacker could have read
`;

function ok(result: ParseRunbookResult) {
  if (!result.ok) throw new Error(`expected the runbook to parse: ${JSON.stringify(result.errors)}`);
  return result.runbook;
}

/** The errors of a runbook that must not parse. */
function errors(markdown: string) {
  const result = parseRunbook(markdown);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.runbook)}`);
  return result.errors;
}

describe('parseRunbook: the documented format', () => {
  it('reads the example of the format', () => {
    expect(ok(parseRunbook(EXAMPLE))).toStrictEqual({
      id: 'security-incident',
      title: 'Security incident',
      types: ['security', 'data'],
      severities: ['P0', 'P1'],
      phases: [
        {
          phase: 'containment',
          items: [
            {
              id: 'containment-1',
              text: 'Isolate affected hosts from the network',
              role: 'security-lead',
              note: "Note text on the following indented line(s) is the item's note.",
            },
            { id: 'containment-2', text: 'Preserve evidence before any change: disk and memory images', role: 'security-lead' },
          ],
        },
        { phase: 'eradication', items: [{ id: 'eradication-1', text: 'Rotate every credential the attacker could have read' }] },
      ],
    });
  });

  it('writes the example back exactly: it is already canonical', () => {
    expect(serializeRunbook(ok(parseRunbook(EXAMPLE)))).toBe(EXAMPLE);
  });

  it('without front matter, derives the id from the title and applies to every type and severity', () => {
    const runbook = ok(parseRunbook('# Disk space full — Überlauf!\n\n## Recovery\n- [ ] Delete old log files\n'));
    expect(runbook.id).toBe('disk-space-full-uberlauf');
    expect(runbook.types).toEqual([]);
    expect(runbook.severities).toEqual([]);
    expect(serializeRunbook(runbook)).toBe('---\nid: disk-space-full-uberlauf\ntypes:\nseverities:\n---\n# Disk space full — Überlauf!\n\n## Recovery\n- [ ] Delete old log files\n');
  });

  it('reads front matter leniently: case, brackets, quotes, comments, blank lines, CRLF', () => {
    const runbook = ok(parseRunbook('---\r\n# who owns this: sec team\r\nid: "sec-1"\r\n\r\nTypes: [Security, DATA]\r\nseverities: p0,P1 ,\r\n---\r\n# Drill\r\n## Triage\r\n- [ ] a\r\n'));
    expect(runbook).toMatchObject({ id: 'sec-1', types: ['security', 'data'], severities: ['P0', 'P1'] });
  });

  it('reads phase names case-insensitively, with the post-incident synonyms', () => {
    for (const heading of ['Post-incident', 'post incident', 'POSTMORTEM', 'Post-mortem', 'Post mortem']) {
      expect(ok(parseRunbook(`# Drill\n## ${heading}\n- [ ] a`)).phases[0]?.phase).toBe('post-incident');
    }
    expect(ok(parseRunbook('# Drill\n## TRIAGE\n- [ ] a\n## detection\n- [ ] b')).phases.map((phase) => phase.phase)).toEqual(['triage', 'detection']);
  });

  it('maps role names to role ids', () => {
    const roles = ok(
      parseRunbook(
        [
          '# Drill',
          '## Triage',
          '- [ ] a (role: Incident Commander)',
          '- [ ] b (role: IC)',
          '- [ ] c (Role: security officer)',
          '- [ ] d (role:   comms lead  )',
          '- [ ] e (role: subject matter expert)',
          '- [ ] f (role: technical-lead)',
          '- [ ] g (role: Operations Coordinator)',
          '- [ ] h (role: scribe)',
        ].join('\n'),
      ),
    ).phases[0]?.items.map((item) => item.role);
    expect(roles).toEqual([
      'incident-commander',
      'incident-commander',
      'security-lead',
      'communications-lead',
      'subject-matter-expert',
      'technical-lead',
      'operations-coordinator',
      'scribe',
    ]);
  });

  it('treats - [x] like - [ ]: a template has no state', () => {
    expect(ok(parseRunbook('# Drill\n## Recovery\n- [x] a\n- [X] b'))).toEqual(ok(parseRunbook('# Drill\n## Recovery\n- [ ] a\n- [ ] b')));
  });

  it('numbers items per phase, so ids are stable while the order is', () => {
    const runbook = ok(parseRunbook('# Drill\n## Detection\n- [ ] a\n- [ ] b\n## Post-incident\n- [ ] c\n- [ ] d\n- [ ] e'));
    expect(runbook.phases.flatMap((phase) => phase.items.map((item) => item.id))).toEqual(['detection-1', 'detection-2', 'post-incident-1', 'post-incident-2', 'post-incident-3']);
  });

  it('reads notes: indented lines, further paragraphs, and hard breaks that continue the text', () => {
    const [first, second] = ok(
      parseRunbook('# Drill\n## Recovery\n- [ ] Restore from backup (role: technical-lead)\n  Line one\n  line two\n\n  A second paragraph.\n- [ ] Verify\\\n  data integrity\n  The note.\n'),
    ).phases[0]?.items ?? [];
    expect(first).toStrictEqual({ id: 'recovery-1', text: 'Restore from backup', role: 'technical-lead', note: 'Line one\nline two\n\nA second paragraph.' });
    expect(second).toStrictEqual({ id: 'recovery-2', text: 'Verify\ndata integrity', note: 'The note.' });
  });

  it('reads Markdown inside an item as the text it shows', () => {
    const [item] = ok(parseRunbook('# Drill\n## Triage\n- [ ] Check *the* **status** of `db-1`, see [Grafana](https://grafana.example/d/1) or <https://x.example> and www.example.com \\#tag &amp; more')).phases[0]?.items ?? [];
    expect(item?.text).toBe('Check the status of `db-1`, see Grafana (https://grafana.example/d/1) or https://x.example and www.example.com #tag & more');
  });

  it('keeps a text that only looks like a role when its parenthesis is escaped', () => {
    const [item] = ok(parseRunbook('# Drill\n## Triage\n- [ ] Write \\(role: nobody)')).phases[0]?.items ?? [];
    expect(item).toStrictEqual({ id: 'triage-1', text: 'Write (role: nobody)' });
    expect(serializeRunbook(ok(parseRunbook('# Drill\n## Triage\n- [ ] Write \\(role: nobody)')))).toContain('- [ ] Write \\(role: nobody)\n');
  });

  it('escapes user text so that it survives: #hashtag, *, leading list markers, autolinks', () => {
    const runbook = {
      id: 'escapes',
      title: '# C# ## issue #42 #',
      types: [],
      severities: [],
      phases: [
        {
          phase: 'triage' as const,
          items: [
            { id: 'triage-1', text: '#hashtag *not emphasis* _nor this_ snake_case', note: '- not a bullet\n1. not a list\n> not a quote\n:-\n    not code' },
            { id: 'triage-2', text: '[ ] not a box, https://x.example/a_b?c=1&amp;d', role: 'scribe' as const },
          ],
        },
      ],
    };
    const markdown = serializeRunbook(runbook);
    expect(markdown).toContain('# \\# C\\# \\#\\# issue \\#42 \\#\n');
    expect(markdown).toContain('- [ ] \\#hashtag \\*not emphasis\\* \\_nor this\\_ snake_case\n');
    expect(markdown).toContain('  \\- not a bullet\n  1\\. not a list\n  \\> not a quote\n  \\:-\n  &#32;&#32;&#32;&#32;not code\n');
    expect(ok(parseRunbook(markdown))).toStrictEqual(runbook);
  });

  it('ignores HTML comments', () => {
    expect(ok(parseRunbook('<!-- maintained by sec -->\n# Drill\n<!-- x -->\n## Triage\n- [ ] a\n  <!-- y -->'))).toEqual(ok(parseRunbook('# Drill\n## Triage\n- [ ] a')));
  });
});

describe('parseRunbook: malformed runbooks name the line', () => {
  const cases: { name: string; markdown: string; line: number; message: RegExp }[] = [
    {
      name: 'an unknown phase heading, listing the valid names',
      markdown: '# Drill\n\n## Detection\n- [ ] a\n\n## Mitigation\n- [ ] b',
      line: 6,
      message: /unknown phase "Mitigation".*Detection, Triage, Containment, Eradication, Recovery, Post-incident/,
    },
    { name: 'an item outside any phase', markdown: '# Drill\n\n- [ ] orphan\n\n## Triage\n- [ ] a', line: 3, message: /outside any phase/ },
    { name: 'a plain bullet that is not a task', markdown: '# Drill\n## Triage\n- [ ] a\n- just a bullet\n- [ ] c', line: 4, message: /plain "- " bullet/ },
    { name: 'an unknown role', markdown: '# Drill\n## Triage\n- [ ] a\n- [ ] b (role: janitor)', line: 4, message: /unknown role "janitor".*incident-commander/ },
    { name: 'two titles', markdown: '# Drill\n## Triage\n- [ ] a\n# Another title\n## Recovery\n- [ ] b', line: 4, message: /one # title.*line 1/ },
    { name: 'an unknown front-matter key', markdown: '---\nid: x1\nowner: sec\n---\n# Drill\n## Triage\n- [ ] a', line: 3, message: /unknown front-matter key "owner".*id, types, severities/ },
    { name: 'an empty item', markdown: '# Drill\n## Triage\n- [ ] a\n- [ ]\n- [ ] c', line: 4, message: /empty item/ },
    { name: 'an item holding only a role', markdown: '# Drill\n## Triage\n- [ ] a\n- [ ] (role: scribe)', line: 4, message: /empty item/ },
    { name: 'a duplicate phase', markdown: '# Drill\n## Triage\n- [ ] a\n## Recovery\n- [ ] b\n## triage\n- [ ] c', line: 6, message: /Triage appears twice \(also at line 2\)/ },
    { name: 'text outside a phase', markdown: '# Drill\nSome introduction.\n## Triage\n- [ ] a', line: 2, message: /text outside any phase/ },
    { name: 'text between items', markdown: '# Drill\n## Triage\n- [ ] a\n\nLoose paragraph.\n\n- [ ] b', line: 5, message: /text outside a checklist item/ },
    { name: 'a nested task list', markdown: '# Drill\n## Triage\n- [ ] a\n  - [ ] sub-step', line: 4, message: /nested inside an item/ },
    { name: 'a nested plain list', markdown: '# Drill\n## Triage\n- [ ] a\n\n  - detail', line: 5, message: /a list inside an item/ },
    { name: 'a ### heading', markdown: '# Drill\n## Triage\n### Sub\n- [ ] a', line: 3, message: /not ###/ },
    { name: 'a code block', markdown: '# Drill\n## Triage\n- [ ] a\n\n```\nrestore.sh\n```', line: 5, message: /code block/ },
    { name: 'a code block inside an item', markdown: '# Drill\n## Triage\n- [ ] a\n\n      indented code', line: 5, message: /code block is not allowed inside an item/ },
    { name: 'a title after the phases', markdown: '## Triage\n- [ ] a\n# Drill', line: 3, message: /title must come before/ },
    { name: 'no title', markdown: '## Triage\n- [ ] a', line: 1, message: /needs a # title/ },
    { name: 'an unclosed front matter', markdown: '---\nid: x1\n# Drill\n## Triage\n- [ ] a', line: 1, message: /never closed/ },
    { name: 'a front-matter line without a colon', markdown: '---\nid x1\n---\n# Drill\n## Triage\n- [ ] a', line: 2, message: /key: value/ },
    { name: 'a repeated front-matter key', markdown: '---\nid: x1\nid: x2\n---\n# Drill\n## Triage\n- [ ] a', line: 3, message: /"id" appears twice/ },
    { name: 'an unknown incident type', markdown: '---\ntypes: security, network\n---\n# Drill\n## Triage\n- [ ] a', line: 2, message: /unknown incident type "network".*availability/ },
    { name: 'a malformed severity', markdown: '---\nseverities: P0, sev 1\n---\n# Drill\n## Triage\n- [ ] a', line: 2, message: /"sev 1" is not a severity id/ },
    { name: 'an invalid id (schema)', markdown: '---\nid: Not An Id\n---\n# Drill\n## Triage\n- [ ] a', line: 2, message: /runbook id: a runbook id is 2–64 characters/ },
    { name: 'a phase without items (schema)', markdown: '---\nid: x1\n---\n# Drill\n## Triage\n- [ ] a\n## Recovery\n', line: 7, message: /phase Recovery: a phase needs at least one item/ },
    { name: 'an item text over 500 characters (schema)', markdown: `# Drill\n## Triage\n- [ ] a\n- [ ] ${'x'.repeat(501)}`, line: 4, message: /item text: too long \(at most 500 characters\)/ },
    { name: 'a note over 1000 characters (schema)', markdown: `# Drill\n## Triage\n- [ ] a\n  ${'y'.repeat(1001)}`, line: 3, message: /item note: too long \(at most 1000 characters\)/ },
    { name: 'a title with no usable id', markdown: '# !!\n## Triage\n- [ ] a', line: 1, message: /no id can be made/ },
  ];

  for (const { name, markdown, line, message } of cases) {
    it(name, () => {
      const found = errors(markdown);
      expect(found.find((error) => message.test(error.message))).toEqual({ line, message: expect.stringMatching(message) });
    });
  }

  it('reports every error, in line order', () => {
    const found = errors('---\nowner: x\n---\n# Drill\n## Mitigation\n- [ ] a\n## Triage\n- b\n- [ ] c (role: janitor)\n- [ ]');
    expect(found.map((error) => error.line)).toEqual([2, 5, 8, 9, 10]);
  });

  it('never throws, even on input that is not a string', () => {
    expect(parseRunbook('').ok).toBe(false);
    expect(parseRunbook(undefined as unknown as string)).toEqual({ ok: false, errors: [{ line: 1, message: expect.any(String) }] });
  });
});

describe('parseRunbook: team roles in (role: …)', () => {
  const DBA = { id: 'database-administrator', name: 'Database administrator', description: '' };
  const source = (role: string) => `# Failover\n\n## Recovery\n- [ ] Promote the replica (role: ${role})\n`;
  const item = (result: ReturnType<typeof parseRunbook>) => (result.ok ? result.runbook.phases[0]!.items[0] : result.errors);

  it('a team role from the list given is read by id or name, with its name', () => {
    for (const name of ['database administrator', 'Database Administrator', 'database-administrator']) {
      expect(item(parseRunbook(source(name), { teamRoles: [DBA] }))).toEqual({ id: 'recovery-1', text: 'Promote the replica', teamRole: { id: DBA.id, name: DBA.name } });
    }
  });

  it('without the list, or not in it, it is an error naming the line and the choices', () => {
    expect(item(parseRunbook(source('database administrator')))).toEqual([{ line: 4, message: expect.stringContaining('a team role must first be added in Settings') }]);
    expect(item(parseRunbook(source('legal'), { teamRoles: [DBA] }))).toEqual([{ line: 4, message: expect.stringContaining("the team's roles are Database administrator") }]);
  });

  it('a built-in name stays the built-in role, whatever the list', () => {
    expect(item(parseRunbook(source('IC'), { teamRoles: 'any-name' }))).toMatchObject({ role: 'incident-commander' });
  });

  it("read leniently ('any-name'), any valid role name is a team role, and serializing reads back the same", () => {
    const parsed = parseRunbook(source('Legal counsel'), { teamRoles: 'any-name' });
    expect(item(parsed)).toMatchObject({ teamRole: { id: 'legal-counsel', name: 'Legal counsel' } });
    if (!parsed.ok) throw new Error('not parsed');
    expect(parseRunbook(serializeRunbook(parsed.runbook), { teamRoles: 'any-name' })).toEqual(parsed);
  });
});
