import { z } from 'zod';

/**
 * What the desktop app hands its keychain to seal for a signing key: a fixed prefix, so the host
 * opens for the page only sealed texts that are signing keys (never a sealed team passphrase).
 */
export const SEALED_SIGNING_KEY_PREFIX = 'warroom-signing-key:';

export const SecretKeyHex = z.string().regex(/^[0-9a-f]{64}$/, 'an Ed25519 secret key (64 lowercase hex)');

/** The secret key a sealed text holds, or null when the text is not a signing key. */
export function signingKeyFromSealedText(text: string): string | null {
  if (!text.startsWith(SEALED_SIGNING_KEY_PREFIX)) return null;
  const secret = text.slice(SEALED_SIGNING_KEY_PREFIX.length);
  return SecretKeyHex.safeParse(secret).success ? secret : null;
}
