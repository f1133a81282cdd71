import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, newSigningKey, signerOf, SIGNED_MESSAGE_PREFIX, verifySignature, vouchedPrefix } from '../../../../shared/ops/signature.ts';
import { chainOf, DEV_A } from '../../support/chains.ts';
import { testSigningKey } from '../../support/keys.ts';

const HASH = 'ab'.repeat(32);

describe('op signatures', () => {
  const key = testSigningKey('alice');
  const sign = signerOf(key);

  it('sign and verify the documented message with one key, and nothing else', () => {
    const sig = sign(HASH);
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(verifySignature(HASH, sig, key.publicKey)).toBe(true);
    expect(verifySignature('cd'.repeat(32), sig, key.publicKey)).toBe(false);
    expect(verifySignature(HASH, sig, testSigningKey('mallory').publicKey)).toBe(false);
    expect(verifySignature(HASH, undefined, key.publicKey)).toBe(false);
    expect(verifySignature(HASH, 'zz', key.publicKey)).toBe(false);
    expect(verifySignature(HASH, sig, 'not a key')).toBe(false);
  });

  it('agree with an independent Ed25519 (OpenSSL through node:crypto) both ways', () => {
    const pair = generateKeyPairSync('ed25519');
    const raw = (pair.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex');
    const sig = nodeSign(null, Buffer.from(SIGNED_MESSAGE_PREFIX + HASH, 'ascii'), pair.privateKey).toString('hex');
    expect(verifySignature(HASH, sig, raw)).toBe(true);
    const secret = (pair.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).subarray(-32);
    const ours = newSigningKey(() => new Uint8Array(secret));
    expect(ours.publicKey).toBe(raw);
    expect(signerOf(ours)(HASH)).toBe(sig);
  });

  it('a signature with S ≥ L (malleable) is refused, as RFC 8032 and OpenSSL refuse it', () => {
    const sig = sign(HASH);
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    const s = BigInt('0x' + Buffer.from(sig.slice(64), 'hex').reverse().toString('hex'));
    const bumped = Buffer.from((s + L).toString(16).padStart(64, '0'), 'hex').reverse().toString('hex');
    expect(verifySignature(HASH, sig.slice(0, 64) + bumped, key.publicKey)).toBe(false);
  });

  it('a fingerprint is the key’s first 16 hex in groups of four', () => {
    expect(keyFingerprint('0123456789abcdef'.repeat(4))).toBe('0123 4567 89ab cdef');
  });
});

describe('vouchedPrefix', () => {
  const sign = signerOf(testSigningKey(DEV_A));
  const trust = { key: testSigningKey(DEV_A).publicKey, signedFrom: 1 };
  const run = chainOf(DEV_A, 9).map((op) => ({ ...op, sig: sign(op.hash) }));

  it('a run whose last op is signed is vouched for whole, with one verification', () => {
    expect(vouchedPrefix(run, trust)).toBe(9);
    expect(vouchedPrefix(run.map((op, i) => (i === 8 ? op : { ...op, sig: undefined })), trust)).toBe(9);
  });

  it('a forged tail (unsigned, or signed by another key) is cut off where the good signatures end', () => {
    const forger = signerOf(testSigningKey('mallory'));
    for (const cut of [0, 1, 4, 8]) {
      const forged = run.map((op, i) => (i < cut ? op : { ...op, sig: forger(op.hash) }));
      expect(vouchedPrefix(forged, trust), `cut ${cut}`).toBe(cut);
      expect(vouchedPrefix(run.map((op, i) => (i < cut ? op : { ...op, sig: undefined })), trust)).toBe(cut);
    }
  });

  it('ops before signedFrom need no signature; after it they do', () => {
    const legacy = run.map((op) => ({ ...op, sig: undefined }));
    expect(vouchedPrefix(legacy, { ...trust, signedFrom: 10 })).toBe(9);
    expect(vouchedPrefix(legacy, { ...trust, signedFrom: 6 })).toBe(5);
  });
});
