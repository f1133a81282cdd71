import type { BridgeResult } from '../../shared/bridge/contract.ts';
import { serialQueue } from '../../shared/util/serialQueue.ts';
import type { BridgeHandlers, HandlerArgs } from './dispatch.ts';
import { watchFolder, type FolderWatch, type FolderWatchOptions, type WatchMode } from './transports/watch.ts';

/**
 * The folder targets the page asked to watch (`sync.watch`), each with its own watcher; a change
 * on one is passed to `notify` with the target's id, for main to send to the page.
 */

export type WatchSetting = WatchMode | 'auto' | 'off';

/** `WARROOM_WATCH=native|polling|off` overrides the automatic choice for every folder target. */
export function watchSettingFrom(env: NodeJS.ProcessEnv): WatchSetting {
  const value = env['WARROOM_WATCH'];
  return value === 'native' || value === 'polling' || value === 'off' ? value : 'auto';
}

type WatchReply = BridgeResult<'sync.watch'>;

export interface TargetWatches {
  /** Watch exactly these folders (started, kept or stopped to match), and say how each is watched. */
  set(request: HandlerArgs<'sync.watch'>): Promise<WatchReply>;
  close(): Promise<void>;
}

export function createTargetWatches(
  notify: (target: string) => void,
  options: { setting?: WatchSetting } & Pick<FolderWatchOptions, 'debounceMs' | 'pollIntervalMs'> = {},
): TargetWatches {
  const { setting = watchSettingFrom(process.env), ...timing } = options;
  const running = new Map<string, { key: string; watch: FolderWatch }>();
  // Two requests never interleave: the later one's list is the one left running.
  const queue = serialQueue();

  const stop = async (id: string) => {
    const entry = running.get(id);
    running.delete(id);
    await entry?.watch.close();
  };

  const watchOne = async (id: string, path: string, device: string | undefined): Promise<WatchReply['watches'][number]> => {
    if (setting === 'off') return { id, mode: 'off', reason: 'Watching is turned off (WARROOM_WATCH=off): rounds run on their schedule.' };
    const key = `${path}\0${device ?? ''}`;
    const entry = running.get(id);
    // A remounted drive is a new folder: the old watcher would wait on the old one forever.
    if (entry?.key === key && (await entry.watch.unchanged())) return { id, mode: entry.watch.mode };
    await stop(id);
    try {
      const watch = await watchFolder(path, () => notify(id), { ...timing, mode: setting, ...(device ? { ownDevice: device } : {}) });
      running.set(id, { key, watch });
      return { id, mode: watch.mode };
    } catch (error) {
      return { id, mode: 'off', reason: (error instanceof Error ? error.message : String(error)).slice(0, 1000) };
    }
  };

  return {
    set: ({ device, folders }) =>
      queue(async () => {
        const asked = new Set(folders.map((folder) => folder.id));
        for (const id of [...running.keys()]) if (!asked.has(id)) await stop(id);
        const watches: WatchReply['watches'] = [];
        for (const { id, path } of folders) watches.push(await watchOne(id, path, device));
        return { watches };
      }),
    close: () =>
      queue(async () => {
        for (const id of [...running.keys()]) await stop(id);
      }),
  };
}

/** The `sync.watch` bridge method over one set of watches. */
export function watchHandlers<Ctx>(watches: TargetWatches): Pick<BridgeHandlers<Ctx>, 'sync.watch'> {
  return { 'sync.watch': (args) => watches.set(args) };
}
