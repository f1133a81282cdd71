import { describe, expect, it } from 'vitest';
import { changedFacts, describeFactChanges, type Facts } from '../../../../shared/domain/incidentFacts.ts';

const before: Facts = {
  title: 'Checkout slow',
  type: 'performance',
  summary: '',
  usersAffected: null,
  usersAffectedPercent: null,
  impactUser: '',
  impactBusiness: '',
  impactTechnical: '',
  services: [],
  externalRef: '',
};

describe('incident facts', () => {
  it('carries only what changed', () => {
    expect(changedFacts(before, { ...before })).toEqual({});
    expect(changedFacts(before, { ...before, title: 'Checkout down', services: ['payments-api'] })).toEqual({ title: 'Checkout down', services: ['payments-api'] });
  });

  it('names each change in one timeline line, old value → new', () => {
    const changed = changedFacts(before, { ...before, title: 'Checkout down', usersAffectedPercent: 15, services: ['payments-api', 'checkout'], externalRef: 'OPS-1234' });
    expect(describeFactChanges(before, changed)).toBe(
      'Facts updated: Title: "Checkout slow" → "Checkout down"; Users affected (%): 15%; Affected services: payments-api, checkout; External ticket: "OPS-1234"',
    );
  });

  it('cuts long prose in the line (the facts keep it whole) and says when a fact was cleared', () => {
    const summary = 'x'.repeat(500);
    const line = describeFactChanges(before, { summary });
    expect(line.length).toBeLessThan(200);
    expect(line).toContain('…');
    expect(describeFactChanges({ ...before, externalRef: 'OPS-1' }, { externalRef: '' })).toBe('Facts updated: External ticket: "OPS-1" → none');
  });
});
