import { createDispatcher } from '../../../electron/host/dispatch.ts';
import { syncHandlers } from '../../../electron/host/syncHandlers.ts';
import { createTargetWatches, watchHandlers, type WatchSetting } from '../../../electron/host/targetWatches.ts';
import type { Bridge, BridgeMethod, BridgeResult } from '../../../shared/bridge/contract.ts';
import { pickingFolders, unusedHandlers } from './handlers.ts';

export interface DesktopBridge {
  bridge: Bridge;
  /** Every `sync.watch` answer so far: the folders are watched once one lists them. */
  watchReplies: BridgeResult<'sync.watch'>[];
  close(): Promise<void>;
}

/**
 * What the desktop app gives one laptop's page, without Electron: the real sync and watch
 * handlers behind main's zod-checked dispatcher, and main's "this target changed" event fed by
 * real folder watches. No vitest here, so the benchmarks use it too.
 */
export function desktopBridge(setting: WatchSetting = 'native'): DesktopBridge {
  const listeners = new Set<(target: string) => void>();
  const watches = createTargetWatches((target) => listeners.forEach((listener) => listener(target)), { setting });
  // Each target's folder counts as picked in the folder dialog, as the person adding it would.
  const picks = pickingFolders();
  const dispatcher = createDispatcher<void>({ ...unusedHandlers<void>(), ...syncHandlers<void>(picks), ...watchHandlers<void>(watches) });
  const watchReplies: BridgeResult<'sync.watch'>[] = [];
  const bridge: Bridge = {
    invoke: (async (method: BridgeMethod, args: unknown) => {
      picks.pickFor(method, args);
      const reply = await dispatcher.dispatch(method, args, undefined);
      if (method === 'sync.watch' && reply.ok) watchReplies.push(reply.value as BridgeResult<'sync.watch'>);
      return reply;
    }) as Bridge['invoke'],
    onSyncChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { bridge, watchReplies, close: () => watches.close() };
}
