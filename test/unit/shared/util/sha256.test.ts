import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexPortable } from '../../../../shared/util/sha256.ts';

describe('sha256Hex', () => {
  it('uses the native hash under Node, and it agrees with the portable one byte for byte', () => {
    expect(sha256Hex).not.toBe(sha256HexPortable);
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexPortable('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // Lone surrogates included: both encode them as U+FFFD, as TextEncoder does.
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === sha256HexPortable(text)), { numRuns: 2000 });
    expect(sha256Hex('\uD800x')).toBe(sha256HexPortable('\uFFFDx'));
  });
});
