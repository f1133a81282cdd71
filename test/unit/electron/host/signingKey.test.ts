import { describe, expect, it } from 'vitest';
import { openSigningKey } from '../../../../electron/host/signingKey.ts';

const SECRET = '07'.repeat(32);

describe('signing.open: what the host hands back to the page', () => {
  it('the secret key of a text sealed as a signing key', async () => {
    expect(await openSigningKey('blob', () => `warroom-signing-key:${SECRET}`)).toEqual({ secretKey: SECRET });
  });

  it('never a sealed team passphrase, or anything else the keychain opens', async () => {
    await expect(openSigningKey('blob', () => 'correct horse battery staple')).rejects.toThrow('not a War Room signing key');
    await expect(openSigningKey('blob', () => `warroom-signing-key:${SECRET}x`)).rejects.toThrow('not a War Room signing key');
  });

  it('a keychain failure in plain words', async () => {
    await expect(
      openSigningKey('blob', () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }),
    ).rejects.toThrow(/^The OS keychain could not open this laptop’s signing key: Error while decrypting/);
  });
});
