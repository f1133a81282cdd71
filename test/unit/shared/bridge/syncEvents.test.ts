import { describe, expect, it } from 'vitest';
import { isTargetId } from '../../../../shared/bridge/syncEvents.ts';

describe('what the preload passes on from warroom:sync-changed', () => {
  it('a target id, and nothing else', () => {
    for (const id of ['tgt-0a1b2c3d4e5f', 'tgt-stack', 'A_b-9']) expect(isTargetId(id), id).toBe(true);
    for (const value of ['', '../x', 'tgt/../../etc', 'tgt 1', 'x'.repeat(65), 'tgt-\n', 42, null, undefined, { target: 'tgt-a' }, ['tgt-a']]) {
      expect(isTargetId(value), JSON.stringify(value)).toBe(false);
    }
  });
});
