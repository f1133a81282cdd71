import { ed25519 } from '@noble/curves/ed25519';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';

/**
 * Op signatures (docs/sync-format.md#signatures): each device signs the `hash` of every op it
 * writes with its own Ed25519 key. The signed message is the ASCII text `warroom-op-v1:` followed
 * by the op's 64 hex `hash`; `sig` is the 64-byte signature in lowercase hex. `sig` is outside the
 * hash, so signing never changes a chain.
 */
export const SIGNED_MESSAGE_PREFIX = 'warroom-op-v1:';

export const PublicKeyHex = z.string().regex(/^[0-9a-f]{64}$/, 'an Ed25519 public key (64 lowercase hex)');
export const SignatureHex = z.string().regex(/^[0-9a-f]{128}$/, 'an Ed25519 signature (128 lowercase hex)');

export interface SigningKey {
  publicKey: string;
  secretKey: string;
}

/** Signs an op's hash: what createOp calls for each new op. */
export type Signer = (hash: string) => string;

/** What a reader trusts a device to be: its key, and the first seq it signed (older ops predate its key). */
export interface DeviceTrust {
  key: string;
  signedFrom: number;
}

export function newSigningKey(randomBytes: (length: number) => Uint8Array): SigningKey {
  const secret = randomBytes(32);
  if (secret.length !== 32) throw new Error('a signing key needs 32 random bytes');
  return { secretKey: bytesToHex(secret), publicKey: bytesToHex(ed25519.getPublicKey(secret)) };
}

export function signerOf(key: SigningKey): Signer {
  const secret = hexToBytes(key.secretKey);
  return (hash) => bytesToHex(ed25519.sign(utf8ToBytes(SIGNED_MESSAGE_PREFIX + hash), secret));
}

/**
 * RFC 8032 verification as OpenSSL does it (zip215 off: non-canonical encodings refused), so an
 * independent implementation accepts exactly the signatures this one does. Never throws.
 */
export function verifySignature(hash: string, sig: string | undefined, publicKey: string): boolean {
  if (sig === undefined || !SignatureHex.safeParse(sig).success || !PublicKeyHex.safeParse(publicKey).success) return false;
  try {
    return ed25519.verify(hexToBytes(sig), utf8ToBytes(SIGNED_MESSAGE_PREFIX + hash), hexToBytes(publicKey), { zip215: false });
  } catch {
    return false;
  }
}

/** A short, readable form of a key for people comparing it aloud: `ab12 cd34 ef56 7890`. */
export function keyFingerprint(publicKey: string): string {
  return (publicKey.slice(0, 16).match(/.{4}/g) ?? []).join(' ');
}

interface Chained {
  seq: number;
  hash: string;
  sig?: string;
}

/**
 * How many ops of one chained run (consecutive seqs, each `prev` the hash before it, each hash
 * checked) a device's key vouches for, from the start. One good signature vouches for its op and,
 * through the hashes, for every op before it in the run; ops before `signedFrom` need none. So an
 * honest run costs one verification, and a run with a forged tail a binary search (a forger cannot
 * sign, so the good signatures form a prefix).
 */
export function vouchedPrefix(run: readonly Chained[], trust: DeviceTrust): number {
  const legacy = run.filter((op) => op.seq < trust.signedFrom).length;
  const good = (index: number) => verifySignature(run[index]!.hash, run[index]!.sig, trust.key);
  if (legacy === run.length || good(run.length - 1)) return run.length;
  let low = legacy - 1;
  let high = run.length - 1;
  // Invariant: ops up to `low` are vouched for (or need no signature); `high` is not.
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (good(middle)) low = middle;
    else high = middle;
  }
  return low + 1;
}
