import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { WarRoomDb } from '../../../../renderer/db/database.ts';
import { openDatabase, SCHEMA_VERSION } from '../../../../renderer/db/openDatabase.ts';

let counter = 0;
const name = () => `open-${process.pid}-${counter++}`;

async function nativeVersion(db: string): Promise<number | undefined> {
  return (await indexedDB.databases()).find((info) => info.name === db)?.version;
}

describe('openDatabase', () => {
  it('opens a new database and the current one', async () => {
    const db = new WarRoomDb(name());
    expect(await openDatabase(db)).toBeNull();
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
    const again = new WarRoomDb(db.name);
    expect(await openDatabase(again)).toBeNull();
    await again.delete();
  });

  it('refuses a database written by a newer War Room and leaves it exactly as it was', async () => {
    const db = name();
    const newer = new Dexie(db);
    newer.version(SCHEMA_VERSION + 3).stores({ ops: 'hash, [device+seq], incident', timelines2: 'key' });
    await newer.open();
    await newer.table('ops').put({ hash: 'h1', device: 'd', seq: 1, incident: null });
    newer.close();
    const before = await nativeVersion(db);

    const ours = new WarRoomDb(db);
    expect(await openDatabase(ours)).toEqual({
      kind: 'newer',
      found: SCHEMA_VERSION + 3,
      message: `This database was written by a newer War Room (schema ${SCHEMA_VERSION + 3}; this app reads up to ${SCHEMA_VERSION}).`,
    });
    expect(ours.isOpen()).toBe(false);
    expect(await nativeVersion(db)).toBe(before);
    // Dexie left to itself would have opened it and added this app's tables to it.
    const check = new Dexie(db);
    await check.open();
    expect(check.tables.map((t) => t.name).sort()).toEqual(['ops', 'timelines2']);
    expect(await check.table('ops').count()).toBe(1);
    await check.delete();
  });

  it('reports an engine failure as unreadable, with its name and message', async () => {
    const broken = { databases: () => Promise.reject(new DOMException('The operation failed for reasons unrelated to the database itself', 'UnknownError')) } as unknown as IDBFactory;
    const result = await openDatabase(new WarRoomDb(name()), broken);
    expect(result).toEqual({ kind: 'unreadable', message: 'The database could not be opened (UnknownError: The operation failed for reasons unrelated to the database itself).' });
  });
});
