import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { newSigningKey, signerOf, type DeviceTrust, type Signer, type SigningKey } from '../../../shared/ops/signature.ts';

/** A device's signing key made from its id, so a seeded test or simulation is reproducible. */
export function testSigningKey(seed: string): SigningKey {
  return newSigningKey(() => sha256(utf8ToBytes(`war-room-test-key:${seed}`)));
}

export function testSigner(seed: string): Signer {
  return signerOf(testSigningKey(seed));
}

export function testTrust(seed: string, signedFrom = 1): DeviceTrust {
  return { key: testSigningKey(seed).publicKey, signedFrom };
}
