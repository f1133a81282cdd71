import type { BridgeHandlers } from './dispatch.ts';
import { exchange, listTarget, setUpTarget } from './sync/index.ts';

type SyncMethods = 'sync.setUp' | 'sync.list' | 'sync.exchange';

/**
 * The sync bridge methods over the plain-Node transports: shared by the Electron main process
 * and by the e2e tests' injected bridge, so both run exactly the same host code.
 */
export function syncHandlers<Ctx>(): Pick<BridgeHandlers<Ctx>, SyncMethods> {
  return {
    'sync.setUp': ({ target }) => setUpTarget(target),
    'sync.list': ({ target }) => listTarget(target),
    'sync.exchange': async ({ target, device, write, read }) => {
      const outcome = await exchange(target, { device, write, read });
      if (!outcome.ok) return outcome;
      return {
        ok: true,
        value: {
          written: outcome.value.written,
          files: outcome.value.files.map(({ ref, result }) => (result.ok ? { ok: true, path: ref.path, text: result.text } : { ok: false, path: ref.path, fault: result.fault })),
        },
      };
    },
  };
}
