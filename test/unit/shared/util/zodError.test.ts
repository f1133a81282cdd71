import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeZodError, issuePath } from '../../../../shared/util/zodError.ts';

describe('describeZodError', () => {
  it('names where each issue is, list items by index, on one line', () => {
    const schema = z.object({ title: z.string().min(1, 'a title is required'), injects: z.array(z.object({ at: z.number().min(0, 'at must be 0 or more minutes') })) });
    const result = schema.safeParse({ title: '', injects: [{ at: 1 }, { at: -1 }] });
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toBe('title: a title is required; injects[1].at: at must be 0 or more minutes');
  });

  it('says (root), or the caller’s word, for the value itself', () => {
    expect(describeZodError(z.string().safeParse(1).error!)).toMatch(/^\(root\): /);
    expect(issuePath([], 'scheme')).toBe('scheme');
    expect(issuePath([0, 'notify'])).toBe('[0].notify');
  });
});
