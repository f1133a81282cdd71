import { importBackup, type ImportResult } from './backupFile.ts';
import { WarRoomDb } from './database.ts';
import { switchProfile } from './profile.ts';

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
    switchProfile(localStorage, name);
    return { ...result, database: name };
  } finally {
    fresh.close();
  }
}
