import { describe, expect, it } from 'vitest';
import { COMMS_LOG_HEADING, commsLogBlock } from '../../../../shared/postmortem/commsLogBlock.ts';
import { postmortemToMarkdown } from '../../../../shared/postmortem/exportPostmortem.ts';
import { DEFAULT_TEMPLATE } from '../../../../shared/postmortem/templates.ts';
import { makeEntries, makeIncident } from '../../support/postmortemFixtures.ts';

const customers = { id: 'customers', name: 'Customers', channel: 'status page', customerFacing: true };
const entry = (minute: number, text: string, tags: string[], extra: object = {}) => ({ text, eventAt: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`, tags, struck: null, author: 'ana', audience: null, ...extra });

describe('the post-mortem communications log', () => {
  it('lists every posted update in time order: time, audience, channel, who, first line', () => {
    const lines = commsLogBlock(
      [
        entry(20, 'Update on checkout | slow\nsecond line', ['status-update', 'audience:customers'], { audience: customers }),
        entry(5, 'INCIDENT ALERT - P1', ['status-update', 'initial-notification']),
        entry(6, 'a note', ['note']),
        entry(7, 'withdrawn', ['status-update'], { struck: { actor: 'ana', reason: 'typo' } }),
      ],
      (actor) => (actor === 'ana' ? 'Ana Silva' : actor),
    );
    expect(lines).toEqual([
      `## ${COMMS_LOG_HEADING}`,
      '',
      '| Time | Audience | Channel | Who | First line |',
      '| --- | --- | --- | --- | --- |',
      '| 2026-03-01 10:05 UTC | not recorded | not recorded | Ana Silva | INCIDENT ALERT - P1 |',
      '| 2026-03-01 10:20 UTC | Customers | status page | Ana Silva | Update on checkout \\| slow |',
    ]);
  });

  it('is absent when nothing was posted', () => {
    expect(commsLogBlock([entry(1, 'note', ['note'])])).toEqual([]);
  });
});

describe('the exported post-mortem', () => {
  it('ends with the communications log when updates were posted, whatever the template', () => {
    const [alert, note] = makeEntries(['INCIDENT ALERT - P1\nmore', 'a note']);
    const input = { incident: makeIncident(), entries: [{ ...alert!, tags: ['status-update'], audience: customers }, note!], sections: {}, template: DEFAULT_TEMPLATE.template, actionItems: [], timelineMode: 'all' as const, exercise: false, generatedAt: '2026-11-23T09:30:00.000Z' };
    const markdown = postmortemToMarkdown(input);
    expect(markdown.trimEnd().endsWith('| 2026-11-22 14:00 UTC | Customers | status page | bob | INCIDENT ALERT - P1 |')).toBe(true);
    expect(postmortemToMarkdown({ ...input, entries: [note!] })).not.toContain(COMMS_LOG_HEADING);
  });
});
