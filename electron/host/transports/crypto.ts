/**
 * ## Encrypted targets: the container
 *
 * A target is encrypted when it holds `warroom/encryption.json`. Every device derives the same
 * key from the team passphrase; segments are then sealed one file at a time.
 *
 * **Key.** `warroom/encryption.json` (UTF-8 JSON):
 *
 * ```json
 * { "cipher": "aes-256-gcm", "kdf": "scrypt", "N": 32768, "r": 8, "p": 1,
 *   "salt": "<base64, 16 random bytes>", "check": "<base64 container, see below>" }
 * ```
 *
 * key = scrypt(password = the passphrase's UTF-8 bytes, salt, N, r, p, length 32 bytes).
 * `check` is the container of the ASCII text `warroom-sync key check v1` with AAD
 * `warroom/encryption.json`: a passphrase is right exactly when `check` opens to that text.
 *
 * **Segment file.** `warroom/v1/ops/<device>/<first>-<last>.jsonl.enc` holds:
 *
 * | bytes | content |
 * |---|---|
 * | 4 | magic `WRE1` (ASCII) |
 * | 12 | nonce, random per file |
 * | n | AES-256-GCM ciphertext of the segment's plaintext (exactly the `.jsonl` bytes of docs/sync-format.md) |
 * | 16 | GCM authentication tag |
 *
 * The additional authenticated data is the file's path relative to the target root in UTF-8,
 * e.g. `warroom/v1/ops/a1b2c3d4e5f60718/000000000001-000000000040.jsonl.enc`, so a file that is
 * renamed, moved to another device's folder or swapped with another fails to open. On an
 * encrypted target only `.jsonl.enc` segments count; `devices/*.json` and `format.json` stay
 * plain text (device names are visible to anyone who can read the target).
 *
 * Decrypting by hand (Node): `key = crypto.scryptSync(passphrase, salt, 32, { N, r, p, maxmem: 64 << 20 })`,
 * then `createDecipheriv('aes-256-gcm', key, bytes[4..16])`, `setAAD(path)`,
 * `setAuthTag(last 16 bytes)`, and decrypt the bytes in between.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { ENCRYPTION_PATH } from '../../../shared/sync/layout.ts';

const MAGIC = Buffer.from('WRE1', 'ascii');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const CHECK_TEXT = 'warroom-sync key check v1';

const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** Bounds keep a hostile encryption.json from asking for gigabytes of scrypt memory. */
export const EncryptionFile = z
  .object({
    cipher: z.literal('aes-256-gcm'),
    kdf: z.literal('scrypt'),
    N: z.number().int().min(1024).max(1 << 20).refine((n) => (n & (n - 1)) === 0, 'a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: Base64.refine((s) => Buffer.from(s, 'base64').length === SALT_BYTES, `${SALT_BYTES} bytes`),
    check: Base64,
  })
  .loose()
  .refine((f) => 128 * f.N * f.r <= MAX_SCRYPT_MEMORY, 'scrypt parameters needing more than 256 MiB');
export type EncryptionFile = z.infer<typeof EncryptionFile>;

const DEFAULT_PARAMS = { N: 32768, r: 8, p: 1 } as const;

/** scrypt takes ~100 ms and 32 MiB; a round must not pay that per file or per round. */
const keyCache = new Map<string, Promise<Buffer>>();

export function deriveKey(passphrase: string, params: Pick<EncryptionFile, 'N' | 'r' | 'p' | 'salt'>): Promise<Buffer> {
  const id = createHash('sha256')
    .update(JSON.stringify([params.salt, params.N, params.r, params.p]))
    .update('\0')
    .update(passphrase, 'utf8')
    .digest('hex');
  let key = keyCache.get(id);
  if (!key) {
    key = new Promise<Buffer>((resolve, reject) => {
      const { N, r, p } = params;
      // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that for N=2^15, r=8.
      scrypt(passphrase, Buffer.from(params.salt, 'base64'), KEY_BYTES, { N, r, p, maxmem: 256 * N * r }, (error, derived) =>
        error ? reject(error) : resolve(derived),
      );
    });
    keyCache.set(id, key);
    key.catch(() => keyCache.delete(id));
  }
  return key;
}

/** `WRE1` | nonce | ciphertext | tag, authenticated together with `aad` (the file's path). */
export function seal(key: Buffer, aad: string, plaintext: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, nonce, body, cipher.getAuthTag()]);
}

/** The plaintext, or null when the bytes were changed, truncated, swapped or sealed with another key. */
export function open(key: Buffer, aad: string, sealed: Buffer): Buffer | null {
  if (sealed.length < MAGIC.length + NONCE_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const nonce = sealed.subarray(MAGIC.length, MAGIC.length + NONCE_BYTES);
  const body = sealed.subarray(MAGIC.length + NONCE_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return null;
  }
}

/** A fresh encryption.json for a new target, and its key. */
export async function newEncryption(passphrase: string): Promise<{ file: EncryptionFile; key: Buffer }> {
  const params = { ...DEFAULT_PARAMS, salt: randomBytes(SALT_BYTES).toString('base64') };
  const key = await deriveKey(passphrase, params);
  const check = seal(key, ENCRYPTION_PATH, Buffer.from(CHECK_TEXT, 'utf8')).toString('base64');
  return { file: { cipher: 'aes-256-gcm', kdf: 'scrypt', ...params, check }, key };
}

/** The team key when `passphrase` is the one the target was set up with, else null. */
export async function unlock(file: EncryptionFile, passphrase: string): Promise<Buffer | null> {
  const key = await deriveKey(passphrase, file);
  const text = open(key, ENCRYPTION_PATH, Buffer.from(file.check, 'base64'));
  return text !== null && text.toString('utf8') === CHECK_TEXT ? key : null;
}
