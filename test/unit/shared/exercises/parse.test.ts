import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS, BUILT_IN_SCENARIO_SOURCES } from '../../../../shared/exercises/builtins.ts';
import { parseScenario, serializeScenario } from '../../../../shared/exercises/parse.ts';
import { Scenario } from '../../../../shared/exercises/scenario.ts';
import { BUILT_IN_RUNBOOKS } from '../../../../shared/runbooks/builtins.ts';

const MINIMAL = `---
id: mini
type: performance
severity: P1
roles: IC, tech lead
---
# Mini

## Briefing
Something is slow.

## Injects
- T+00 alert: Latency up
- T+05 alert: Connection pool at 100% on db-primary (severity: P0)

## Expected actions
- status update within 15 min
- checklist started: db-connection-pool-exhausted
- role assigned: incident commander
- escalated to security lead
- severity set: p0
- phase reached: Containment
- Customer support briefed
`;

describe('built-in scenarios', () => {
  it('are the eleven of the plans, with unique ids', () => {
    expect(BUILT_IN_SCENARIOS.map((s) => s.title)).toEqual([
      'AI service dependency failure',
      'Database corruption',
      'Security breach',
      'Infrastructure outage',
      'Data-centre loss',
      'Database connection pool exhausted',
      'Memory leak',
      'Disk space full',
      'Payment processing failure',
      'Email delivery failure',
      'Data breach',
    ]);
    expect(new Set(BUILT_IN_SCENARIOS.map((s) => s.id)).size).toBe(11);
  });

  it.each(BUILT_IN_SCENARIOS.map((s) => [s.id, s] as const))('%s validates, has 4–8 injects and 3–6 expected actions, and round-trips', (_id, scenario) => {
    expect(Scenario.safeParse(scenario).success).toBe(true);
    expect(scenario.injects.length).toBeGreaterThanOrEqual(4);
    expect(scenario.injects.length).toBeLessThanOrEqual(8);
    expect(scenario.expected.length).toBeGreaterThanOrEqual(3);
    expect(scenario.expected.length).toBeLessThanOrEqual(6);
    expect(scenario.injects.some((i) => i.kind === 'customer')).toBe(true);
    expect(scenario.injects.some((i) => i.kind === 'executive')).toBe(true);
    expect(parseScenario(serializeScenario(scenario))).toEqual({ ok: true, scenario });
    expect(parseScenario(JSON.stringify(scenario))).toEqual({ ok: true, scenario });
  });

  it('name only runbooks that exist', () => {
    const runbooks = new Set(BUILT_IN_RUNBOOKS.map((r) => r.id));
    for (const scenario of BUILT_IN_SCENARIOS) {
      for (const action of scenario.expected) {
        if (action.check.kind === 'checklist-started' && action.check.runbook) expect(runbooks, `${scenario.id}: ${action.check.runbook}`).toContain(action.check.runbook);
      }
    }
  });

  it('sources are what the scenarios were parsed from', () => {
    expect(BUILT_IN_SCENARIO_SOURCES).toHaveLength(BUILT_IN_SCENARIOS.length);
  });
});

describe('parseScenario (Markdown)', () => {
  it('reads every part of the format', () => {
    const result = parseScenario(MINIMAL);
    expect(result).toEqual({
      ok: true,
      scenario: {
        id: 'mini',
        title: 'Mini',
        briefing: 'Something is slow.',
        type: 'performance',
        severity: 'P1',
        roles: ['incident-commander', 'technical-lead'],
        injects: [
          { id: 'inject-1', at: 0, kind: 'alert', text: 'Latency up' },
          { id: 'inject-2', at: 5, kind: 'alert', text: 'Connection pool at 100% on db-primary', severity: 'P0' },
        ],
        expected: [
          { id: 'expect-1', text: 'status update within 15 min', check: { kind: 'status-update-within', minutes: 15 } },
          { id: 'expect-2', text: 'checklist started: db-connection-pool-exhausted', check: { kind: 'checklist-started', runbook: 'db-connection-pool-exhausted' } },
          { id: 'expect-3', text: 'role assigned: incident commander', check: { kind: 'role-assigned', role: 'incident-commander' } },
          { id: 'expect-4', text: 'escalated to security lead', check: { kind: 'role-assigned', role: 'security-lead' } },
          { id: 'expect-5', text: 'severity set: p0', check: { kind: 'severity-set', severity: 'P0' } },
          { id: 'expect-6', text: 'phase reached: Containment', check: { kind: 'phase-reached', phase: 'containment' } },
          { id: 'expect-7', text: 'Customer support briefed', check: { kind: 'manual' } },
        ],
      },
    });
  });

  it('round-trips custom ids and a check the text does not say', () => {
    const scenario: Scenario = {
      id: 'custom',
      title: 'Custom',
      briefing: 'Line one.\n\n### Details\n- a list in the briefing',
      type: 'data',
      severity: 'P2',
      roles: ['scribe'],
      injects: [{ id: 'first', at: 0, kind: 'other', text: 'Go' }, { id: 'inject-2', at: 120, kind: 'fact', text: 'Later' }],
      expected: [
        { id: 'e', text: 'Ops told', check: { kind: 'role-assigned', role: 'scribe' } },
        { id: 'expect-2', text: 'role assigned: nobody', check: { kind: 'manual' } },
      ],
    };
    const markdown = serializeScenario(scenario);
    expect(markdown).toContain('- T+00 other: Go {#first}');
    expect(markdown).toContain('- Ops told (check: role assigned: scribe) {#e}');
    expect(parseScenario(markdown)).toEqual({ ok: true, scenario });
  });

  const replace = (from: string, to: string): string => {
    expect(MINIMAL).toContain(from);
    return MINIMAL.replace(from, to);
  };

  it('malformed 1: an inject without T+ names its line', () => {
    expect(parseScenario(replace('- T+00 alert: Latency up', '- 00 alert: Latency up'))).toEqual({
      ok: false,
      errors: [{ line: 13, message: 'line 13: an inject is "- T+<minutes> <kind>: <text>", such as "- T+05 alert: Connection pool at 100%" (got "00 alert: Latency up")' }],
    });
  });

  it('malformed 2: an unknown inject kind names its line', () => {
    expect(parseScenario(replace('- T+05 alert:', '- T+05 rumour:'))).toEqual({
      ok: false,
      errors: [{ line: 14, message: 'line 14: inject kind "rumour" is not one of alert, fact, customer, executive, other' }],
    });
  });

  it('malformed 3: injects out of time order name the later line and the field', () => {
    expect(parseScenario(replace('- T+05 alert:', '- T+00 fact: x\n- T+03 alert:').replace('- T+00 alert: Latency up', '- T+04 alert: Latency up'))).toEqual({
      ok: false,
      errors: [{ line: 14, path: 'injects[1].at', message: 'line 14: injects[1].at: injects must be in time order: T+0 comes after T+4' }],
    });
  });

  it('malformed 4: an unknown role and an unknown phase each name their line', () => {
    const result = parseScenario(replace('roles: IC, tech lead', 'roles: IC, janitor').replace('phase reached: Containment', 'phase reached: panic'));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 5, message: 'line 5: roles: "janitor" is not a role (incident-commander, technical-lead, communications-lead, operations-coordinator, scribe, security-lead, subject-matter-expert)' },
        { line: 22, message: 'line 22: phase reached: "panic" is not a phase (detection, triage, containment, eradication, recovery, post-incident)' },
      ],
    });
  });

  it('malformed 5: stray text, an unknown section and a missing section name their lines', () => {
    const result = parseScenario(replace('## Expected actions', '## Expectations').replace('- T+00 alert: Latency up', 'Latency up'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 13, message: 'line 13: only "- " items belong in "Injects" (got "Latency up")' },
      { line: 16, message: 'line 16: unknown section "Expectations" (the sections are Briefing, Injects, Expected actions)' },
      { line: 17, message: 'line 17: text outside a section: put it under "## Briefing"' },
      { line: 18, message: 'line 18: text outside a section: put it under "## Briefing"' },
      { line: 19, message: 'line 19: text outside a section: put it under "## Briefing"' },
      { line: 20, message: 'line 20: text outside a section: put it under "## Briefing"' },
      { line: 21, message: 'line 21: text outside a section: put it under "## Briefing"' },
      { line: 22, message: 'line 22: text outside a section: put it under "## Briefing"' },
      { line: 23, message: 'line 23: text outside a section: put it under "## Briefing"' },
      { line: 24, message: 'line 24: a "## Expected actions" section is required' },
    ]);
  });

  it('a missing front matter key and an unknown one', () => {
    expect(parseScenario(replace('severity: P1', 'sev: P1'))).toEqual({
      ok: false,
      errors: [
        { line: 1, message: 'line 1: the front matter needs "severity"' },
        { line: 4, message: 'line 4: unknown front matter key "sev" (the keys are id, type, severity, roles)' },
      ],
    });
  });

  it('never throws on odd input', () => {
    expect(parseScenario(undefined as unknown as string).ok).toBe(false);
    expect(parseScenario('').ok).toBe(false);
    expect(parseScenario('---\n').ok).toBe(false);
  });
});

describe('parseScenario (JSON)', () => {
  const base = (): Record<string, unknown> => JSON.parse(JSON.stringify(BUILT_IN_SCENARIOS[5])) as Record<string, unknown>;

  it('malformed JSON 1: a negative inject time names the field path', () => {
    const data = base();
    (data.injects as { at: number }[])[2]!.at = -1;
    expect(parseScenario(JSON.stringify(data, null, 2))).toEqual({
      ok: false,
      errors: [{ path: 'injects[2].at', message: 'injects[2].at: at must be 0 or more minutes' }],
    });
  });

  it('malformed JSON 2: an unknown check kind and an unknown role name their paths', () => {
    const data = base();
    (data.expected as { check: unknown }[])[0]!.check = { kind: 'vibes' };
    data.roles = ['incident-commander', 'janitor'];
    const result = parseScenario(JSON.stringify(data));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['roles[1]', 'expected[0].check.kind']);
  });

  it('malformed JSON 3: a syntax error names its line', () => {
    const result = parseScenario('{\n  "id": "x",\n  "title": oops\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(3);
    expect(result.errors[0]?.message).toMatch(/^not valid JSON: /);
  });
});
