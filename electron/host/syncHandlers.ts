import type { SyncFault, TargetConfig } from '../../shared/sync/wire.ts';
import type { BridgeHandlers } from './dispatch.ts';
import type { FolderGrants } from './folderGrants.ts';
import { admitTarget, type GatedCall } from './targetGate.ts';
import { exchange, listTarget, setUpTarget } from './transports/index.ts';

type SyncMethods = 'sync.chooseFolder' | 'sync.setUp' | 'sync.list' | 'sync.exchange';

export interface SyncHandlerDeps<Ctx = void> {
  /** The folders chosen in this run's folder dialog: with War Room's own markers, the only ones a target may use (targetGate.ts). */
  folders: FolderGrants;
  /** The native folder dialog (modal to the caller's window); undefined when cancelled. */
  chooseFolder(title: string, ctx: Ctx): Promise<string | undefined>;
  /** Opens a passphrase the OS keychain sealed (main: safeStorage); absent where there is none. */
  unseal?(sealed: string): string | Promise<string>;
}

/** What opening a target for a call needs. */
type CallDeps = Pick<SyncHandlerDeps<unknown>, 'folders' | 'unseal'>;

type Opened = { ok: true; target: TargetConfig } | { ok: false; fault: SyncFault };

/** The target, admitted (targetGate.ts), with its passphrase in the clear for this call only. */
async function open(target: TargetConfig, call: GatedCall, deps: CallDeps): Promise<Opened> {
  const admitted = await admitTarget(target, call, deps.folders);
  return admitted.ok ? openSeal(target, deps) : admitted;
}

/** The target with its passphrase in the clear, for this call only; a seal that cannot be opened is a fault, not a crash. */
async function openSeal(target: TargetConfig, deps: CallDeps): Promise<Opened> {
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
 * and by the e2e tests' injected bridge, so both run exactly the same host code. A target's
 * folder is admitted first (targetGate.ts): chosen in the dialog this run, or War Room's own.
 */
export function syncHandlers<Ctx>(deps: SyncHandlerDeps<Ctx>): Pick<BridgeHandlers<Ctx>, SyncMethods> {
  return {
    // The one place a folder is granted: what the person picked in the app's own dialog.
    'sync.chooseFolder': async ({ title }, ctx) => {
      const path = await deps.chooseFolder(title, ctx);
      if (path === undefined || path === '') return { path: null };
      deps.folders.grant(path);
      return { path };
    },
    'sync.setUp': async (args) => {
      const opened = await open(args.target, 'set-up', deps);
      return opened.ok ? setUpTarget(opened.target) : opened;
    },
    'sync.list': async (args) => {
      const opened = await open(args.target, 'use', deps);
      return opened.ok ? listTarget(opened.target) : opened;
    },
    'sync.exchange': async ({ target: stored, device, write, read }) => {
      const opened = await open(stored, 'use', deps);
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
