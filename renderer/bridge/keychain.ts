import type { Bridge } from '../../shared/bridge/contract.ts';
import type { Keychain } from '../db/signingKey.ts';

/** The host's OS keychain as the signing key needs it; a bridge error is thrown with its message. */
export function bridgeKeychain(bridge: Bridge): Keychain {
  return {
    async seal(text) {
      const reply = await bridge.invoke('secret.seal', { text });
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value.sealed;
    },
    async open(sealed) {
      const reply = await bridge.invoke('signing.open', { sealed });
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value.secretKey;
    },
  };
}
