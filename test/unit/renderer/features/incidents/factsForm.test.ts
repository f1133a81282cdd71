import { describe, expect, it } from 'vitest';
import { factsFormOf, parseFactsForm, type FactsForm } from '../../../../../renderer/features/incidents/factsForm.ts';

const form: FactsForm = {
  title: '  Checkout down ',
  type: 'availability',
  summary: 'Payments fail',
  usersAffected: '1200',
  usersAffectedPercent: '15%',
  impactUser: 'Cannot pay',
  impactBusiness: '',
  impactTechnical: '',
  services: 'payments-api, checkout\npayments-api,, ',
  externalRef: ' OPS-1234 ',
};

describe('the facts form', () => {
  it('reads counts, shares and service lists as typed', () => {
    const parsed = parseFactsForm(form);
    expect(parsed).toEqual({
      ok: true,
      facts: { title: 'Checkout down', type: 'availability', summary: 'Payments fail', usersAffected: 1200, usersAffectedPercent: 15, impactUser: 'Cannot pay', impactBusiness: '', impactTechnical: '', services: ['payments-api', 'checkout'], externalRef: 'OPS-1234' },
    });
    if (parsed.ok) expect(parseFactsForm(factsFormOf(parsed.facts))).toEqual(parsed);
  });

  it('names the box that is wrong', () => {
    expect(parseFactsForm({ ...form, usersAffected: 'lots' })).toEqual({ ok: false, error: 'Users affected: "lots" is not a whole number' });
    expect(parseFactsForm({ ...form, usersAffectedPercent: '150' })).toMatchObject({ ok: false, error: expect.stringContaining('Users affected (%)') });
    expect(parseFactsForm({ ...form, usersAffectedPercent: '1e2' })).toMatchObject({ ok: false });
    expect(parseFactsForm({ ...form, type: 'weird' })).toMatchObject({ ok: false, error: expect.stringContaining('Type') });
    expect(parseFactsForm({ ...form, services: Array.from({ length: 51 }, (_, i) => `s${i}`).join(',') })).toMatchObject({ ok: false, error: expect.stringContaining('at most 50') });
    expect(parseFactsForm({ ...form, services: 'x'.repeat(101) })).toMatchObject({ ok: false, error: expect.stringContaining('longer than 100') });
  });

  it('an empty count or share means unknown', () => {
    expect(parseFactsForm({ ...form, usersAffected: ' ', usersAffectedPercent: '' })).toMatchObject({ ok: true, facts: { usersAffected: null, usersAffectedPercent: null } });
  });
});
