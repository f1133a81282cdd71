import { canonicalJson } from '../../shared/util/canonicalJson.ts';
import { sha256Hex } from '../../shared/util/sha256.ts';
import type { WarRoomDb } from './database.ts';
import { MATERIALIZED_TABLES } from './materialize.ts';

/**
 * SHA-256 of every materialized table in key order: two stores with the same digest show the
 * same state. What "identical after export, wipe and import" is measured by.
 */
export async function materializedDigest(db: WarRoomDb): Promise<string> {
  const tables = MATERIALIZED_TABLES(db);
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.orderBy(':id').toArray())));
  return sha256Hex(canonicalJson(Object.fromEntries(tables.map((table, i) => [table.name, rows[i]]))));
}
