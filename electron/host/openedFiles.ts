import { isAbsolute, resolve } from 'node:path';
import { BACKUP_EXTENSION } from '../../shared/backup/backupFile.ts';
import { readBackupFile } from './backup/readBackupFile.ts';

/** The .warroom paths among a launch's arguments (the OS passes a double-clicked file this way on Windows and Linux). */
export function backupPathsIn(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(`.${BACKUP_EXTENSION}`))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

/**
 * Backup files the OS handed to War Room (double-click, "Open with", a second launch), waiting for
 * the page to take them. The page pulls rather than being pushed, so a file that arrives before
 * the window has loaded is not lost.
 */
export function createOpenedFiles() {
  const queue: string[] = [];
  return {
    /** Queues the backup file paths among `paths`; true when there was one. */
    offer(paths: readonly string[]): boolean {
      let found = false;
      for (const path of paths) {
        if (!path.toLowerCase().endsWith(`.${BACKUP_EXTENSION}`) || queue.includes(path)) continue;
        queue.push(path);
        found = true;
      }
      return found;
    },
    /** The next queued backup file with its text; a file that cannot be read is reported, not skipped silently. */
    async take(): Promise<{ path: string; content: string } | null> {
      const path = queue.shift();
      if (path === undefined) return null;
      try {
        return { path, content: await readBackupFile(path) };
      } catch (error) {
        throw new Error(`${path} could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
export type OpenedFiles = ReturnType<typeof createOpenedFiles>;
