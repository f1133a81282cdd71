import type { SyncFault, TargetConfig } from '../../shared/sync/wire.ts';
import type { BridgeHandlers } from './dispatch.ts';
import { exchange, listTarget, setUpTarget } from './transports/index.ts';

type SyncMethods = 'sync.setUp' | 'sync.list' | 'sync.exchange';

export interface SyncHandlerDeps {
  /** Opens a passphrase the OS keychain sealed (main: safeStorage); absent where there is none. */
  unseal?(sealed: string): string | Promise<string>;
}

type Opened = { ok: true; target: TargetConfig } | { ok: false; fault: SyncFault };

/** The target with its passphrase in the clear, for this call only; a seal that cannot be opened is a fault, not a crash. */
async function openSeal(target: TargetConfig, deps: SyncHandlerDeps): Promise<Opened> {
  const sealed = target.encryption?.sealed;
  if (sealed === undefined) return { ok: true, target };
  const fault = (detail: string): Opened => ({
    ok: false,
    fault: { code: 'passphrase-needed', message: `The saved team passphrase could not be opened ${detail}. Stop syncing with this target and add it again with the passphrase.` },
  });
  if (!deps.unseal) return fault('here: it was sealed by the desktop app’s keychain');
  try {
    return { ok: true, target: { ...target, encryption: { passphrase: await deps.unseal(sealed) } } };
  } catch (error) {
    return fault(`by this computer’s keychain (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The sync bridge methods over the plain-Node transports: shared by the Electron main process
 * and by the e2e tests' injected bridge, so both run exactly the same host code.
 */
export function syncHandlers<Ctx>(deps: SyncHandlerDeps = {}): Pick<BridgeHandlers<Ctx>, SyncMethods> {
  return {
    'sync.setUp': async (args) => {
      const opened = await openSeal(args.target, deps);
      return opened.ok ? setUpTarget(opened.target) : opened;
    },
    'sync.list': async (args) => {
      const opened = await openSeal(args.target, deps);
      return opened.ok ? listTarget(opened.target) : opened;
    },
    'sync.exchange': async ({ target: stored, device, write, read }) => {
      const opened = await openSeal(stored, deps);
      if (!opened.ok) return opened;
      const outcome = await exchange(opened.target, { device, write, read });
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
