import { describe, expect, it } from 'vitest';
import { SECTION_IDS, sectionFromHeading } from '../../../../shared/postmortem/sections.ts';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE, PLACEHOLDER_NAMES, fillTemplate, fillTitle, parseTemplate, type ParseTemplateResult } from '../../../../shared/postmortem/templates.ts';
import { makeIncident } from '../../support/postmortemFixtures.ts';

/** The headings of the plans' templates, copied from the plans (docs/response-plans.md). */
const SEED_000_10_3 = [
  'Incident Details',
  'Executive Summary',
  'Timeline',
  'Impact',
  'Root Cause',
  'Contributing Factors',
  'Detection',
  'Response',
  'Resolution',
  'Action Items',
  'Lessons Learned',
  'Appendices',
];
const SEED_001_REVIEW = ['Timeline', 'Root Cause Analysis', 'Impact', 'Response Effectiveness', 'Lessons Learned', 'Action Items', 'Prevention'];
const SEED_002_POST_MORTEM = ['Incident Summary', 'Timeline', 'What Went Well', 'What Could Be Improved', 'Action Items', 'Lessons Learned'];

function errorsOf(result: ParseTemplateResult) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('built-in templates', () => {
  it('parse at load, each section at most once', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual(['default-10-3', 'post-incident-review', 'lean-post-mortem']);
    for (const builtIn of BUILT_IN_TEMPLATES) {
      const ids = builtIn.template.sections.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(parseTemplate(builtIn.source)).toEqual({ ok: true, template: builtIn.template });
    }
  });

  it('the default has Plan A §10.3’s exact headings, in order', () => {
    expect(DEFAULT_TEMPLATE.template.sections.map((s) => s.heading)).toEqual(SEED_000_10_3);
  });

  it('Plans B and C templates keep their headings', () => {
    expect(BUILT_IN_TEMPLATES[1]!.template.sections.map((s) => s.heading)).toEqual(SEED_001_REVIEW);
    expect(BUILT_IN_TEMPLATES[2]!.template.sections.map((s) => s.heading)).toEqual(SEED_002_POST_MORTEM);
  });

  it('fill from the incident', () => {
    const filled = fillTemplate(DEFAULT_TEMPLATE.template, makeIncident({ impactUser: 'Could not\npay <b>now</b>', impactBusiness: '' }));
    expect(filled.impact).toBe(
      ['- **User Impact**: Could not pay &lt;b&gt;now&lt;/b&gt;', '- **Business Impact**: not recorded', '- **Technical Impact**: payments-api 5xx'].join('\n'),
    );
    expect(filled.details).toBe('');
    expect(fillTitle(DEFAULT_TEMPLATE.template, makeIncident())).toBe('Incident Post-Mortem: inc-pm-1 - Checkout down');
    const lean = fillTemplate(BUILT_IN_TEMPLATES[2]!.template, makeIncident());
    expect(lean.summary).toContain('- **Date/Time:** 2026-11-22 14:05 UTC to 2026-11-22 16:30 UTC\n- **Duration:** 2 h 25 min');
  });
});

describe('parseTemplate', () => {
  const custom = [
    '# PM {{incident.id}}: {{incident.title}}',
    '',
    '## Summary',
    '',
    'Severity {{incident.severity}} ({{ incident.type }}), commander {{incident.commander}}.',
    'Team: {{incident.roles}}. Took {{incident.duration}}; resolved {{incident.resolvedAt}}.',
    '',
    '### Detail',
    '',
    '```',
    '## not a section',
    '```',
    '',
    'Root cause',
    '----------',
    '',
    'TTD {{metrics.timeToDetect}}, TTA {{metrics.timeToAcknowledge}}, users {{impact.usersAffected}}.',
    '',
    '## Follow-up {#action-items}',
    '',
    '## Wrap up {#lessons}',
    'Status {{incident.status}}, phase {{incident.phase}}, exercise {{incident.exercise}}.',
  ].join('\n');

  it('reads sections by heading words or {#id}, and setext headings', () => {
    const result = parseTemplate(custom);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { template } = result;
    expect(template.title).toBe('PM {{incident.id}}: {{incident.title}}');
    expect(template.sections.map((s) => [s.id, s.heading, s.line])).toEqual([
      ['summary', 'Summary', 3],
      ['root-cause', 'Root cause', 14],
      ['action-items', 'Follow-up', 19],
      ['lessons', 'Wrap up', 21],
    ]);
    expect(template.sections[0]!.body).toContain('## not a section');
  });

  it('fills placeholders in custom templates', () => {
    const result = parseTemplate(custom);
    if (!result.ok) throw new Error('parse');
    // Time to detect runs from the recorded onset (14:00 in the fixture) to detection (14:05).
    const incident = makeIncident({ title: '# Down | <i>now</i>' });
    const filled = fillTemplate(result.template, incident);
    expect(filled.summary).toBe(
      [
        'Severity P1 (availability), commander Alice.',
        'Team: Incident commander: Alice; Scribe: Carol. Took 2 h 25 min; resolved 2026-11-22 16:30 UTC.',
        '',
        '### Detail',
        '',
        '```',
        '## not a section',
        '```',
      ].join('\n'),
    );
    expect(filled['root-cause']).toBe('TTD 5 min, TTA 5 min, users 1200.');
    expect(filled['action-items']).toBe('');
    expect(filled.lessons).toBe('Status resolved, phase Recovery, exercise no.');
    expect(fillTitle(result.template, incident)).toBe('PM inc-pm-1: \\# Down \\| &lt;i&gt;now&lt;/i&gt;');
    expect(fillTitle(result.template, incident)).not.toMatch(/\{\{/);
  });

  it('an unknown placeholder is an error naming the line, the placeholder and the valid ones', () => {
    const errors = errorsOf(parseTemplate('# T\n\n## Summary\n\nok {{incident.title}}\nbad {{incident.owner}} and {{impact}}\n'));
    expect(errors).toHaveLength(2);
    expect(errors[0]!.line).toBe(6);
    expect(errors[0]!.message).toContain('unknown placeholder {{incident.owner}}');
    expect(errors[1]!.message).toContain('{{impact}}');
    for (const name of PLACEHOLDER_NAMES) expect(errors[0]!.message).toContain(name);
  });

  it('explains structural mistakes with their lines', () => {
    const messages = (source: string) => errorsOf(parseTemplate(source)).map((e) => `${e.line}: ${e.message}`);
    expect(messages('# T\n\n## Postscript\n')[0]).toMatch(/^3: "## Postscript" does not name a section; use one of Incident Details \{#details\}/);
    expect(messages('## Notes {#bogus}\n')[0]).toMatch(/^1: unknown section id \{#bogus\}; section ids: details, summary/);
    expect(messages('## Summary\n\n## Executive summary\n')).toEqual(['3: the summary section is already at line 1; each section at most once']);
    expect(messages('# T\n\nintro\n\n## Summary\n')).toEqual(['3: only the # title may come before the first ## section; put this under a section']);
    expect(messages('## Summary\n\n# Second title\n')[0]).toMatch(/^3: only one # title/);
    expect(messages('## Summary for {{incident.title}}\n')[0]).toMatch(/^1: section headings are fixed text/);
    expect(messages('# Just a title\n')[0]).toMatch(/^1: a template needs at least one ## section/);
    expect(messages('')[0]).toMatch(/at least one ## section/);
  });

  it('every section id and default heading names its section', () => {
    for (const id of SECTION_IDS) expect(sectionFromHeading(id)).toBe(id);
    expect(sectionFromHeading('ROOT-CAUSE analysis:')).toBe('root-cause');
  });
});
