import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Synchronous SHA-256 so an op can be hashed inside an IndexedDB transaction
 * (awaiting crypto.subtle there would let the transaction commit early).
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
