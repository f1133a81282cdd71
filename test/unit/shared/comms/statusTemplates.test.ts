import { describe, expect, it } from 'vitest';
import {
  STATUS_PLACEHOLDERS,
  STATUS_TEMPLATES,
  fillInsOf,
  fillStatusTemplate,
  placeholdersOf,
  statusUpdateNumber,
  statusUpdateTags,
  statusTemplate,
  type StatusTemplateContext,
} from '../../../../shared/comms/statusTemplates.ts';
import { iso } from '../../support/incidentFields.ts';

const context: StatusTemplateContext = {
  incident: {
    id: 'inc-7f3a9c',
    title: 'Checkout returns 500',
    severity: 'P0',
    severityName: 'Critical',
    status: 'identified',
    summary: 'Payments fail after the 10:00 deploy',
    impactUser: 'No one can pay',
    impactBusiness: 'All revenue stopped',
    impactTechnical: '',
    services: ['payments-api', 'checkout'],
    declaredAt: iso(0),
    detectedAt: iso(-5),
    resolvedAt: iso(120),
  },
  updateNumber: 2,
  nextUpdateAt: iso(45),
  progress: 'Rolled back the deploy',
  nextSteps: 'Verify payments end to end',
  eta: '11:00 UTC',
  resolution: 'Rollback of release 4.2',
  rootCause: 'A migration dropped an index',
  prevention: 'Migration review checklist',
  audience: { name: 'Customers', channel: 'status.example.com' },
  logistics: { bridge: 'https://meet.example.com/inc', chatChannel: '#inc-checkout', room: 'Room 4' },
};

describe('status templates', () => {
  it('has the three templates of the plans and their customer and executive variants, using only known placeholders', () => {
    expect(STATUS_TEMPLATES.map((t) => t.id)).toEqual(['initial', 'update', 'resolution', 'customer-initial', 'customer-update', 'customer-resolution', 'executive-update']);
    for (const template of STATUS_TEMPLATES) {
      expect(placeholdersOf(template.body).every((name) => name in STATUS_PLACEHOLDERS)).toBe(true);
    }
  });

  it.each(STATUS_TEMPLATES.map((t) => [t.id, t] as const))('%s fills with no placeholder and no gap left', (_id, template) => {
    const text = fillStatusTemplate(template, context);
    expect(placeholdersOf(text)).toEqual([]);
    expect(text).not.toContain('{{');
    expect(text).not.toContain('[fill in:');
  });

  it.each(STATUS_TEMPLATES.map((t) => [t.id, t] as const))('%s carries the plans\' channel line', (_id, template) => {
    expect(fillStatusTemplate(template, context)).toContain('Updates: status.example.com');
  });

  it('keeps customer-facing templates free of internal details (no ids, severities, causes)', () => {
    for (const template of STATUS_TEMPLATES.filter((t) => t.id.startsWith('customer-'))) {
      for (const internal of ['incidentId', 'severity', 'rootCause', 'impact', 'title', 'bridge', 'chatChannel', 'room']) expect(placeholdersOf(template.body)).not.toContain(internal);
    }
  });

  it('fills the audience and the logistics, and marks them to fill in when unset', () => {
    const body = '{{audience}} via {{channel}}; bridge {{bridge}}, chat {{chatChannel}}, room {{room}}';
    expect(fillStatusTemplate({ body }, context)).toBe('Customers via status.example.com; bridge https://meet.example.com/inc, chat #inc-checkout, room Room 4');
    expect(fillStatusTemplate({ body }, { ...context, audience: undefined, logistics: { bridge: '  ' } })).toBe(
      '[fill in: who this update is for] via [fill in: where updates are posted]; bridge [fill in: conference bridge link], chat [fill in: chat channel], room [fill in: war room]',
    );
  });

  it('fills the update as the plans lay it out', () => {
    expect(fillStatusTemplate(statusTemplate('update'), context)).toBe(
      [
        'INCIDENT UPDATE #2 - P0 (Critical)',
        'Incident ID: inc-7f3a9c - Checkout returns 500',
        'Status: Identified',
        'Impact: Users: No one can pay; Business: All revenue stopped',
        'Affected services: payments-api, checkout',
        'Progress: Rolled back the deploy',
        'Next steps: Verify payments end to end',
        'ETA: 11:00 UTC',
        'Next update: 2026-03-01 10:45 UTC',
        'Updates: status.example.com',
      ].join('\n'),
    );
  });

  it('shows times in UTC with the date and the duration from detection to resolution', () => {
    const resolution = fillStatusTemplate(statusTemplate('resolution'), context);
    expect(resolution).toContain('Resolved: 2026-03-01 12:00 UTC');
    expect(resolution).toContain('Duration: 2 h 05 min');
    const initial = fillStatusTemplate(statusTemplate('initial'), context);
    expect(initial).toContain('Detected: 2026-03-01 09:55 UTC');
    expect(initial).toContain('Declared: 2026-03-01 10:00 UTC');
  });

  it('the resolution notice’s duration is the time to resolve as the post-mortem and the Metrics page word it: a day and more reads in days', () => {
    const long = { ...context, incident: { ...context.incident, resolvedAt: iso(26 * 60 - 5) } };
    expect(fillStatusTemplate(statusTemplate('resolution'), long)).toContain('Duration: 1 d 2 h 00 min');
  });

  it('marks what the IC has not written yet, so the gap shows', () => {
    const bare: StatusTemplateContext = {
      incident: { ...context.incident, severityName: null, summary: '', impactUser: ' ', impactBusiness: '', detectedAt: null, resolvedAt: null },
    };
    const update = fillStatusTemplate(statusTemplate('update'), bare);
    expect(update).toContain('INCIDENT UPDATE #[fill in: update number] - P0\n');
    expect(update).toContain("Progress: [fill in: what's been done]");
    expect(update).toContain('Impact: [fill in: user, business and technical impact]');
    expect(update).toContain('Next update: [fill in: time of next update]');
    expect(fillStatusTemplate(statusTemplate('resolution'), bare)).toContain('Duration: [fill in: total incident time]');
    expect(fillStatusTemplate(statusTemplate('initial'), bare)).toContain('Detected: [fill in: detection time]');
  });

  it('says when there is no fixed cadence', () => {
    const text = fillStatusTemplate(statusTemplate('update'), { ...context, nextUpdateAt: null });
    expect(text).toContain('Next update: on significant developments and at resolution (no fixed cadence)');
  });

  it('leaves braces the IC typed as typed', () => {
    const text = fillStatusTemplate(statusTemplate('update'), { ...context, progress: 'Fixed the {{title}} template' });
    expect(text).toContain('Progress: Fixed the {{title}} template');
  });

  it('throws on an unknown placeholder, naming it', () => {
    expect(() => fillStatusTemplate({ body: 'Owner: {{owner}} / {{ title }}' }, context)).toThrow('Unknown status template placeholder: {{owner}}');
    expect(() => fillStatusTemplate({ body: '{{a}} {{b}}' }, context)).toThrow('placeholders: {{a}}, {{b}}');
  });

  it('placeholdersOf lists each name once, in order, spaces trimmed', () => {
    expect(placeholdersOf('{{title}} {{ severity }} {{title}} {single}')).toEqual(['title', 'severity']);
  });
});

describe('status update numbering and gaps', () => {
  const posted = (tags: string[], struck: unknown = null) => ({ tags, struck });

  it('numbers an update by the updates actually posted, not counting the initial notice or a struck one', () => {
    expect(statusUpdateNumber([])).toBe(1);
    const timeline = [posted(statusUpdateTags('initial')), posted(statusUpdateTags('update')), posted(['note']), posted(statusUpdateTags('update')), posted(statusUpdateTags('update'), { reason: 'wrong incident' })];
    expect(statusUpdateNumber(timeline)).toBe(3);
    expect(statusUpdateNumber([...timeline, posted(statusUpdateTags('resolution'))])).toBe(3);
  });

  it('the readable id and the ticket head every internal message (customers never see them); the services are listed', () => {
    const withRef = { ...context, incident: { ...context.incident, ref: 'INC-2026-0J8T-0042', externalRef: 'OPS-1234' } };
    for (const template of STATUS_TEMPLATES.filter((t) => !t.id.startsWith('customer-') && t.id !== 'executive-update')) expect(fillStatusTemplate(template, withRef)).toContain('Incident ID: INC-2026-0J8T-0042 (ticket OPS-1234)');
    expect(fillStatusTemplate(statusTemplate('initial'), withRef)).toContain('Affected services: payments-api, checkout');
  });

  it('the user impact carries the count and share where known', () => {
    const text = fillStatusTemplate(statusTemplate('initial'), { ...context, incident: { ...context.incident, usersAffected: 1200, usersAffectedPercent: 15 } });
    expect(text).toContain('Impact: Users: No one can pay (about 1200 users, 15%); Business: All revenue stopped');
  });

  it('finds every gap left to fill in, once each, without a pattern', () => {
    expect(fillInsOf('a [fill in: eta] b [fill in: progress] c [fill in: eta]')).toEqual(['[fill in: eta]', '[fill in: progress]']);
    expect(fillInsOf('nothing missing')).toEqual([]);
    expect(fillInsOf(`[fill in:${'x'.repeat(100_000)}`)).toEqual([]);
  });
});

describe('logistics in the status templates', () => {
  it('the initial notification carries the incident\'s bridge and chat channel', () => {
    const { logistics: _none, ...withoutOverride } = context;
    const text = fillStatusTemplate(statusTemplate('initial'), { ...withoutOverride, incident: { ...context.incident, logistics: { bridge: 'https://meet.example.com/x', chatChannel: '#inc-x', room: '' } } });
    expect(text).toContain('Bridge: https://meet.example.com/x\nChat: #inc-x\n');
  });
});
