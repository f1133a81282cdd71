import { describe, expect, it } from 'vitest';
import { regulatoryBlock } from '../../../../shared/postmortem/regulatoryBlock.ts';
import { postmortemToMarkdown } from '../../../../shared/postmortem/exportPostmortem.ts';
import { BUILT_IN_TEMPLATES } from '../../../../shared/postmortem/templates.ts';
import { makeIncident } from '../../support/postmortemFixtures.ts';

describe('the post-mortem "Personal data and notifications" block', () => {
  it('is left out when nobody marked personal data and no notice was recorded', () => {
    expect(regulatoryBlock(makeIncident())).toEqual([]);
  });

  it('gives the decision, the 72 h deadline and its verdict, and both notices with their references', () => {
    const incident = makeIncident({
      regulated: true,
      regulatoryNotifiedAt: '2026-11-24T09:00:00.000Z',
      regulatorAuthority: 'ICO | UK',
      regulatorReference: 'CASE-118',
      individualsNotifiedAt: '2026-11-25T10:00:00.000Z',
      individualsNotifiedHow: 'email to 1,204 customers',
      individualsReference: 'MSG-77',
    });
    expect(regulatoryBlock(incident)).toEqual([
      '## Personal data and notifications',
      '',
      '| Field | Value |',
      '| --- | --- |',
      '| Personal data involved | yes |',
      '| Regulator deadline (72 h from detection) | 2026-11-25 14:05 UTC: notified within 72 h |',
      '| Regulator notified | 2026-11-24 09:00 UTC |',
      '| Authority | ICO \\| UK |',
      '| Regulator reference | CASE-118 |',
      '| Individuals notified | 2026-11-25 10:00 UTC |',
      '| How and whom | email to 1,204 customers |',
      '| Individuals notice reference | MSG-77 |',
    ]);
  });

  it('says when the notice was late or not sent, and records a "no" decision', () => {
    expect(regulatoryBlock(makeIncident({ regulated: true, regulatoryNotifiedAt: '2026-11-26T09:00:00.000Z' }))[5]).toBe('| Regulator deadline (72 h from detection) | 2026-11-25 14:05 UTC: notified late |');
    expect(regulatoryBlock(makeIncident({ regulated: true }))[5]).toBe('| Regulator deadline (72 h from detection) | 2026-11-25 14:05 UTC: not notified |');
    expect(regulatoryBlock(makeIncident({ regulated: false }))[4]).toBe('| Personal data involved | no |');
  });

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('ends the exported document with template %s', (_id, builtIn) => {
    const markdown = postmortemToMarkdown({
      incident: makeIncident({ regulated: true, regulatoryNotifiedAt: '2026-11-24T09:00:00.000Z', regulatorAuthority: 'ICO', regulatorReference: 'CASE-118' }),
      entries: [],
      sections: {},
      template: builtIn.template,
      actionItems: [],
      timelineMode: 'pinned',
      exercise: false,
      generatedAt: '2026-11-30T10:00:00.000Z',
    });
    expect(markdown).toMatch(/\n## Personal data and notifications\n\n\| Field \| Value \|\n[\s\S]*\| Authority \| ICO \|\n\| Regulator reference \| CASE-118 \|\n[\s\S]*\| Individuals notice reference \| not recorded \|\n$/);
  });
});
