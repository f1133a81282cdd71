import type { DeviceInfo } from '../../../shared/sync/layout.ts';
import type { FolderTarget } from '../../../shared/sync/wire.ts';
import type { z } from 'zod';
import { fail, guard } from './faults.ts';
import { isDirectory } from './files.ts';

/**
 * What differs between a shared folder and a git remote. Both keep the archive in a plain folder
 * (`root`: the folder itself, or the clone's working tree), so reading and writing files is the
 * same code (archive.ts); git only adds steps around it.
 */
export interface Transport {
  readonly root: string;
  /**
   * Make `root` usable. 'set-up' may create it (git: clone); 'use' requires it. With `device`
   * (an exchange) the transport knows whose files are whose.
   */
  attach(mode: 'set-up' | 'use', device?: DeviceInfo): Promise<void>;
  /** Before reading: bring `root` up to date (git: fetch and rebase). */
  refresh(): Promise<void>;
  /** After writing: make these files (relative paths) visible to the other devices (git: commit, push). */
  publish(paths: readonly string[], message: string): Promise<void>;
}

export interface SyncOptions {
  /** Things worth telling the user that are not faults (git: local changes set aside). */
  notice?: (message: string) => void;
  /** git: pushes tried before `push-rejected` (default 6). */
  pushAttempts?: number;
  /** git: first back-off between pushes in ms, doubled each time, with jitter (default 200). */
  backoffMs?: number;
}

export function folderTransport(target: z.infer<typeof FolderTarget>): Transport {
  return {
    root: target.path,
    async attach() {
      const dir = await guard('read', undefined, () => isDirectory(target.path));
      if (dir === null) fail('unreachable', `The folder ${target.path} is not there — is the drive or share mounted? Nothing was changed.`);
      if (!dir) fail('unreachable', `${target.path} is a file, not a folder.`);
    },
    async refresh() {},
    async publish() {},
  };
}
