import { resolve } from 'node:path';

/**
 * The folders the person chose in the main process's own folder dialog during this run of the
 * app. The page may name any path; only one handed out here (or one that already carries War
 * Room's own marker, targetGate.ts) may become a sync target. One registry per app run, made by
 * main and passed to the handlers: nothing here outlives the process or is shared between tests.
 */
export interface FolderGrants {
  /** Record a folder the dialog returned. */
  grant(path: string): void;
  /** True when exactly this folder (after resolving `.` and `..`) was handed out. */
  has(path: string): boolean;
}

export function createFolderGrants(): FolderGrants {
  const granted = new Set<string>();
  return {
    grant: (path) => void granted.add(resolve(path)),
    has: (path) => granted.has(resolve(path)),
  };
}
