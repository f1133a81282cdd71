import { describe, expect, it } from 'vitest';
import { CommsPlan, defaultCommsPlan, FALLBACK_AUDIENCE, levelAudiences, MAX_AUDIENCES, postedAudience, templateStage, validateCommsPlan, type PlanAudience } from '../../../../shared/comms/commsPlan.ts';
import { PostedAudience } from '../../../../shared/comms/audience.ts';
import { P0_P3_SCHEME, P1_P4_SCHEME } from '../../../../shared/domain/severity.ts';

const customers: PlanAudience = {
  id: 'customers',
  name: 'Customers',
  cadenceMinutes: 30,
  channel: 'Status page',
  customerFacing: true,
  templates: { initial: 'customer-initial', update: 'customer-update', resolution: 'customer-resolution' },
};
const plan = (audiences: unknown[], level = 'P0') => ({ levels: { [level]: audiences } });
const problems = (input: unknown) => {
  const result = validateCommsPlan(input);
  return result.ok ? [] : result.problems;
};

describe('the communications plan', () => {
  it('accepts a plan and trims names and channels', () => {
    const result = validateCommsPlan(plan([{ ...customers, name: '  Customers ', channel: ' Status page ' }]));
    expect(result).toEqual({ ok: true, plan: plan([customers]) });
  });

  it.each([
    [{ ...customers, cadenceMinutes: 0 }, 'Level P0, audience customers: cadenceMinutes must be a whole number of minutes from 1 to 10080, null for no fixed cadence, or "severity" (got 0)'],
    [{ ...customers, cadenceMinutes: 2.5 }, 'Level P0, audience customers: cadenceMinutes must be a whole number of minutes from 1 to 10080, null for no fixed cadence, or "severity" (got 2.5)'],
    [{ ...customers, cadenceMinutes: 10_081 }, 'Level P0, audience customers: cadenceMinutes must be a whole number of minutes from 1 to 10080, null for no fixed cadence, or "severity" (got 10081)'],
    [{ ...customers, id: 'Customers!' }, 'Level P0, audience #1: id must be 1–40 characters of a–z, 0–9, -, such as customers (got "Customers!")'],
    [{ ...customers, name: ' ' }, 'Level P0, audience customers: name must be one line of 1–100 characters, such as "Customers"'],
    [{ ...customers, channel: 'Status\npage' }, 'Level P0, audience customers: channel must be one line of at most 200 characters'],
    [{ ...customers, templates: { ...customers.templates, update: '../x' } }, 'Level P0, audience customers: templates.update must be a template id such as customer-update (got "../x")'],
  ])('refuses a bad audience, naming the level and the audience: %#', (audience, message) => {
    expect(problems(plan([audience]))).toEqual([message]);
  });

  it('refuses a duplicate id, too many audiences, an empty level and a bad level id', () => {
    expect(problems(plan([customers, customers]))).toEqual(['Level P0, audience customers: id is used twice in this level; ids must be unique']);
    const many = Array.from({ length: MAX_AUDIENCES + 1 }, (_, i) => ({ ...customers, id: `a${i}` }));
    expect(problems(plan(many))).toEqual(['Level P0: at most 8 audiences (has 9)']);
    expect(problems(plan([]))).toEqual(['Level P0: needs at least one audience (leave the level out to use the severity cadence)']);
    expect(problems(plan([customers], 'p0'))).toEqual(['Level "p0": a severity id is 1–8 capital letters or digits, such as P0']);
  });

  it('names the level and audience of a type problem, and refuses unknown keys', () => {
    expect(problems(plan([{ ...customers, cadenceMinutes: '30' }]))[0]).toMatch(/^Level P0, audience #1 cadenceMinutes: /);
    expect(problems(plan([{ ...customers, colour: 'red' }]))[0]).toMatch(/^Level P0, audience #1: /);
    expect(problems({ levels: {}, extra: 1 })[0]).toMatch(/^plan: /);
    expect(problems('not a plan')[0]).toMatch(/^plan: /);
  });

  it('the default: stakeholders on the severity cadence, customers every 30 min on the status page, executives hourly, at the two most severe levels', () => {
    const defaults = defaultCommsPlan(P0_P3_SCHEME);
    expect(CommsPlan.safeParse(defaults).success).toBe(true);
    expect(Object.keys(defaults.levels)).toEqual(['P0', 'P1']);
    expect(defaults.levels['P0']!.map((a) => [a.id, a.cadenceMinutes, a.channel, a.customerFacing])).toEqual([
      ['stakeholders', 'severity', '#incident chat channel', false],
      ['customers', 30, 'Status page', true],
      ['executives', 60, 'Executive email list', false],
    ]);
    expect(defaults.levels['P0']![1]!.templates).toEqual({ initial: 'customer-initial', update: 'customer-update', resolution: 'customer-resolution' });
    // By rank: the critical level of Plan A's scheme is P1.
    expect(Object.keys(defaultCommsPlan(P1_P4_SCHEME).levels)).toEqual(['P1', 'P2']);
  });

  it('a level with no entry has one internal audience on the severity cadence (what War Room did before plans)', () => {
    const defaults = defaultCommsPlan(P0_P3_SCHEME);
    expect(levelAudiences(defaults, 'P2')).toEqual([FALLBACK_AUDIENCE]);
    expect(levelAudiences(defaults, 'constructor')).toEqual([FALLBACK_AUDIENCE]);
    expect(FALLBACK_AUDIENCE).toMatchObject({ id: 'stakeholders', cadenceMinutes: 'severity', templates: { initial: 'initial', update: 'update', resolution: 'resolution' } });
  });

  it('records a posted audience the entry schema accepts, and knows which message a template is', () => {
    expect(PostedAudience.parse(postedAudience(customers))).toEqual({ id: 'customers', name: 'Customers', channel: 'Status page', customerFacing: true });
    expect(templateStage('customer-resolution', customers)).toBe('resolution');
    expect(templateStage('initial', null)).toBe('initial');
    expect(templateStage('executive-update', null)).toBe('update');
  });
});
