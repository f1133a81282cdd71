import { create } from 'zustand';
import type { Bridge } from '../../shared/bridge/contract.ts';
import type { WarRoomDb } from '../db/database.ts';
import { exportAll } from '../db/backupFile.ts';

/** The first automatic backup a little after start (not while the app is still loading), then hourly. */
export const FIRST_BACKUP_AFTER_MS = 2 * 60_000;
export const BACKUP_EVERY_MS = 60 * 60_000;

interface BackupStatus {
  lastAt: number | null;
  /** What the last attempt did, in words. */
  lastResult: string | null;
  lastError: string | null;
}

export const useBackupStatus = create<BackupStatus>(() => ({ lastAt: null, lastResult: null, lastError: null }));

/**
 * One backup of the whole op log into the desktop app's rotating backups folder. The host
 * writes nothing when the content is what the newest backup already holds.
 */
export async function backUpNow(db: WarRoomDb, bridge: Bridge, now = Date.now()): Promise<string> {
  try {
    const { text, opCount } = await exportAll(db, now);
    let result: string;
    if (opCount === 0) result = 'Nothing to back up yet';
    else {
      const reply = await bridge.invoke('backup.write', { content: text });
      if (!reply.ok) throw new Error(reply.error.message);
      result = reply.value.written ? `Backed up ${opCount} ops to ${reply.value.path} (${reply.value.kept} backups kept)` : `No change since the last backup (${opCount} ops)`;
    }
    useBackupStatus.setState({ lastAt: now, lastResult: result, lastError: null });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    useBackupStatus.setState({ lastAt: now, lastError: message });
    throw error;
  }
}

/** Automatic backups while the app runs (desktop only: the browser has no folder to write to). */
export function startBackups(db: WarRoomDb, bridge: Bridge | null): () => void {
  if (!bridge) return () => undefined;
  const run = () => void backUpNow(db, bridge).catch(() => undefined);
  const first = window.setTimeout(run, FIRST_BACKUP_AFTER_MS);
  const every = window.setInterval(run, BACKUP_EVERY_MS);
  return () => {
    window.clearTimeout(first);
    window.clearInterval(every);
  };
}
