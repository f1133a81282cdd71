import { lstat, readdir, statfs } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { DeviceId } from '../../../shared/ops/ids.ts';
import { OPS_DIR, parseSegmentName } from '../../../shared/sync/layout.ts';

/**
 * Watching a shared folder for other laptops' new segments, so a round runs as soon as one lands
 * instead of at the next periodic round (docs/architecture.md#sync). Only names are watched — the
 * round reads and checks the files — and only where they can matter: `warroom/v1/ops/<device>/`
 * segment names of other devices. Nothing outside the target is followed (symlinks are not).
 */

export type WatchMode = 'native' | 'polling';

export interface FolderWatchOptions {
  /** `auto` (the default): polling where OS events miss other computers' writes, native elsewhere. */
  mode?: WatchMode | 'auto';
  /** This laptop's device id: its own folder is not watched (its own writes are no news). */
  ownDevice?: string;
  /** Changes within this long make one call (default 250 ms). */
  debounceMs?: number;
  /** How often polling looks (default 1000 ms). */
  pollIntervalMs?: number;
}

export interface FolderWatch {
  readonly mode: WatchMode;
  /** False when the folder is gone or is no longer the one watched (unmounted, remounted): watch it afresh. */
  unchanged(): Promise<boolean>;
  close(): Promise<void>;
}

const DEBOUNCE_MS = 250;
const POLL_INTERVAL_MS = 1000;
/**
 * Segments are immutable, so a file matters once: files already there when a watch starts are not
 * watched one by one, and after this many new ones the watch starts afresh — one handle per file
 * would run out of descriptors on a year's archive (macOS watches each file with its own).
 */
export const FRESH_FILES_LIMIT = 200;

/**
 * Filesystems (statfs magic numbers, Linux) whose changes by other computers raise no inotify
 * events: NFS, SMB/CIFS, SMB2, FUSE (sshfs and similar), 9p, AFS, kAFS, NCP.
 */
const NETWORK_FILESYSTEMS = new Set([0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x65735546, 0x01021997, 0x5346414f, 0x6b414653, 0x564c]);

/**
 * Polling on a Linux network filesystem and under macOS's /Volumes (where shares are mounted and
 * FSEvents misses remote writes); native elsewhere (Windows reports changes on SMB shares).
 */
export async function autoMode(path: string, platform: NodeJS.Platform = process.platform): Promise<WatchMode> {
  if (platform === 'darwin') return path.startsWith('/Volumes/') ? 'polling' : 'native';
  if (platform !== 'linux') return 'native';
  try {
    return NETWORK_FILESYSTEMS.has((await statfs(path)).type >>> 0) ? 'polling' : 'native';
  } catch {
    return 'native';
  }
}

const OPS_PARTS = OPS_DIR.split('/');

/** Whether a path (as parts below the target root) can lead to, or be, another device's segment. */
function wanted(parts: readonly string[], ownDevice: string | undefined): boolean {
  for (let i = 0; i < Math.min(parts.length, OPS_PARTS.length); i++) if (parts[i] !== OPS_PARTS[i]) return false;
  const [device, name, ...deeper] = parts.slice(OPS_PARTS.length);
  if (device === undefined) return true;
  if (!DeviceId.safeParse(device).success || device === ownDevice) return false;
  return name === undefined || (deeper.length === 0 && parseSegmentName(device, name) !== null);
}

/** Other devices' segment paths already there: reported by the round, never watched one by one. */
async function existingSegments(opsDir: string, ownDevice: string | undefined): Promise<Set<string>> {
  const known = new Set<string>();
  const names = (dir: string) => readdir(dir).catch(() => [] as string[]);
  for (const device of await names(opsDir)) {
    if (device === ownDevice) continue;
    for (const name of await names(join(opsDir, device))) known.add(join(opsDir, device, name));
  }
  return known;
}

/**
 * The folder's identity, or null when it is not a real directory (missing, a symlink, a file). A
 * deleted folder's inode number is soon reused, so its creation time is part of it where known.
 */
async function identity(path: string): Promise<string | null> {
  try {
    const stats = await lstat(path);
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}:${stats.birthtimeMs}` : null;
  } catch {
    return null;
  }
}

/** Descriptor or watch limits: polling needs neither. */
const OUT_OF_HANDLES = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

/**
 * Watch the folder target at `root`; `onChange` runs (debounced) when another device's segment
 * appears or changes. Throws, with a reason in words, when there is no archive folder to watch.
 */
export async function watchFolder(root: string, onChange: () => void, options: FolderWatchOptions = {}): Promise<FolderWatch> {
  const base = join(resolve(root), OPS_PARTS[0]!);
  const opsDir = join(resolve(root), ...OPS_PARTS);
  const id = await identity(base);
  if (id === null) throw new Error(`${base} is not a folder here (not mounted, not set up, or a symlink): changes are picked up by the periodic rounds.`);
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  let mode: WatchMode = options.mode === undefined || options.mode === 'auto' ? await autoMode(base) : options.mode;
  let current: FSWatcher | null = null;
  let fresh = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  // The first change starts the clock and later ones ride along: a steady stream of segments
  // still calls every debounceMs, never starved as a trailing debounce would be.
  const changed = () => {
    if (timer !== null || closed) return;
    timer = setTimeout(() => {
      timer = null;
      if (!closed) onChange();
    }, debounceMs);
  };

  const start = async (): Promise<FSWatcher> => {
    const known = await existingSegments(opsDir, options.ownDevice);
    const watcher = watch(base, {
      ignored: (path) => known.has(path) || !wanted(relative(resolve(root), path).split(sep), options.ownDevice),
      followSymlinks: false,
      // warroom/ is depth 0, so device folders (depth 3) are read and their files seen.
      depth: OPS_PARTS.length,
      usePolling: mode === 'polling',
      interval: options.pollIntervalMs ?? POLL_INTERVAL_MS,
      binaryInterval: options.pollIntervalMs ?? POLL_INTERVAL_MS,
      ignorePermissionErrors: true,
      persistent: true,
    });
    const seen = () => {
      changed();
      if (++fresh > FRESH_FILES_LIMIT) void restart();
    };
    watcher.on('add', seen).on('change', seen);
    watcher.on('error', (error) => {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (mode === 'native' && OUT_OF_HANDLES.has(code)) {
        mode = 'polling';
        void restart();
      }
    });
    await new Promise<void>((ready) => watcher.once('ready', ready));
    return watcher;
  };

  // The new watch is ready before the old one closes, so no segment lands unseen in between.
  let restarting: Promise<void> | null = null;
  const restart = (): Promise<void> =>
    (restarting ??= (async () => {
      const old = current;
      fresh = 0;
      const next = await start();
      current = next;
      await old?.close();
      if (closed) await next.close();
      restarting = null;
    })());

  current = await start();
  return {
    get mode() {
      return mode;
    },
    unchanged: async () => !closed && (await identity(base)) === id,
    close: async () => {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      await restarting;
      await current?.close();
    },
  };
}
