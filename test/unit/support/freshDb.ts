import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { WarRoomDb } from '../../../renderer/db/database.ts';

let opened: WarRoomDb[] = [];
let counter = 0;

/** A new empty database in fake-indexeddb, deleted after the test. */
export function freshDb(prefix: string): WarRoomDb {
  const db = new WarRoomDb(`${prefix}-${process.pid}-${counter++}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});
