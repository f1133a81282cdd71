import { SCHEMA_VERSION, type WarRoomDb } from './database.ts';

export { SCHEMA_VERSION };

export type OpenFailure =
  | { kind: 'newer'; found: number; message: string }
  | { kind: 'unreadable'; message: string };

/**
 * Opens the database, or says why it cannot be. Dexie 4 would open a database written by a
 * newer War Room anyway, adapting — even extending — its schema, and the older code would then
 * misread and rewrite newer rows. So the installed version is read natively first, and a newer
 * one is refused untouched. (Dexie stores version × 10; it may add 1 when it adapts our own.)
 */
export async function openDatabase(db: WarRoomDb, idb: IDBFactory = indexedDB): Promise<OpenFailure | null> {
  try {
    const installed = await installedVersion(db.name, idb);
    if (installed !== null && Math.floor(installed / 10) > SCHEMA_VERSION) {
      const found = Math.floor(installed / 10);
      return { kind: 'newer', found, message: `This database was written by a newer War Room (schema ${found}; this app reads up to ${SCHEMA_VERSION}).` };
    }
    await db.open();
    return null;
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'unreadable', message: `The database could not be opened (${name}: ${message}).` };
  }
}

/** The native version of an existing database, without creating or upgrading it; null when there is none. */
async function installedVersion(name: string, idb: IDBFactory): Promise<number | null> {
  const listed = await idb.databases();
  const found = listed.find((info) => info.name === name);
  return found?.version ?? null;
}
