import { describe, expect, it } from 'vitest';
import { defaultCommsPlan } from '../../../../shared/comms/commsPlan.ts';
import { P0_P3_SCHEME } from '../../../../shared/domain/severity.ts';
import { opKinds } from '../../../../shared/entities/index.ts';

describe('settings.comms-plan', () => {
  const schema = opKinds['settings.comms-plan'];

  it('carries a whole plan', () => {
    expect(schema.safeParse({ plan: defaultCommsPlan(P0_P3_SCHEME) }).success).toBe(true);
  });

  it('refuses a plan from a sync target that breaks a rule, as the editor does', () => {
    const plan = defaultCommsPlan(P0_P3_SCHEME);
    const twice = { levels: { P0: [plan.levels['P0']![0]!, plan.levels['P0']![0]!] } };
    expect(schema.safeParse({ plan: twice }).success).toBe(false);
    const huge = { levels: { P0: [{ ...plan.levels['P0']![0]!, name: 'x'.repeat(1_000_000) }] } };
    expect(schema.safeParse({ plan: huge }).success).toBe(false);
    const extra = { levels: { P0: [{ ...plan.levels['P0']![0]!, script: '<script>' }] } };
    expect(schema.safeParse({ plan: extra }).success).toBe(false);
  });
});
