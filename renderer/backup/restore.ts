import { PROFILE_KEY } from '../app/db.ts';
import { WarRoomDb } from '../db/database.ts';
import { importBackup, type ImportResult } from './backupFile.ts';

/**
 * Recovery when the database cannot be opened: the backup file goes into a new database and the app
 * switches to it. The unreadable one is left as it is — a newer War Room, or a specialist, may
 * still read it — so recovering never destroys anything.
 */
export async function restoreIntoNewDatabase(text: string, now = Date.now()): Promise<ImportResult & { database?: string }> {
  const name = `warroom-restored-${new Date(now).toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  const fresh = new WarRoomDb(name);
  try {
    const result = await importBackup(fresh, text);
    if (!result.ok) {
      await fresh.delete();
      return result;
    }
    localStorage.setItem(PROFILE_KEY, name);
    return { ...result, database: name };
  } finally {
    fresh.close();
  }
}

/** Reads a .warroom file the person picks: the native dialog in the desktop app. */
export async function pickBackupWithBridge(bridge: NonNullable<Window['warroom']>): Promise<{ name: string; text: string } | null> {
  const reply = await bridge.invoke('file.open', { title: 'Import a War Room backup file', format: 'warroom' });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value ? { name: reply.value.path, text: reply.value.content } : null;
}

export function describeImport(result: Extract<ImportResult, { ok: true }>): string {
  const from = `backup file of ${result.total} ops made ${result.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
  if (result.applied === 0 && result.pending === 0) return `Nothing new: everything in the ${from} is already here.`;
  const pending = result.pending > 0 ? `, ${result.pending} from a newer War Room kept for later` : '';
  return `Imported ${result.applied} new ops from the ${from} (${result.duplicates} already here${pending}).`;
}
