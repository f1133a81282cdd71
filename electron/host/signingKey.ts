import { signingKeyFromSealedText } from '../../shared/ops/signingKeyText.ts';

/**
 * `signing.open`: the secret key a keychain-sealed text holds. Anything else the keychain opens
 * (a team passphrase, a text sealed for another purpose) is refused, so the page can only ever
 * get back a key it sealed as one.
 */
export async function openSigningKey(sealed: string, unseal: (sealed: string) => string | Promise<string>): Promise<{ secretKey: string }> {
  let text: string;
  try {
    text = await unseal(sealed);
  } catch (error) {
    throw new Error(`The OS keychain could not open this laptop’s signing key: ${error instanceof Error ? error.message : String(error)}`);
  }
  const secretKey = signingKeyFromSealedText(text);
  if (secretKey === null) throw new Error('That sealed text is not a War Room signing key.');
  return { secretKey };
}
