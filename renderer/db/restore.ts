import { decodeBackup } from '../../shared/backup/backupFile.ts';
import { summarizeImport, type ImportSummary } from '../../shared/backup/importSummary.ts';
import { BUILT_IN_SETTINGS, importBackup, opsOf, type ImportResult } from './backupFile.ts';
import { WarRoomDb } from './database.ts';
import { switchProfile } from './profile.ts';

/**
 * What restoring `text` would put in the new database, for the person to confirm first: against an
 * empty store, so everything is new and only the built-in team settings can be replaced.
 */
export function previewRestore(text: string): { ok: true; summary: ImportSummary } | { ok: false; error: string } {
  const decoded = decodeBackup(text);
  if (!decoded.ok) return decoded;
  const empty = { ownDevice: '', ownDeviceName: null, known: new Set<string>(), incidentTitles: new Map<string, string>(), existingSettings: new Set(BUILT_IN_SETTINGS) };
  return { ok: true, summary: summarizeImport(opsOf(decoded), empty) };
}

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
