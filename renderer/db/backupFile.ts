import { decodeBackup, encodeBackup } from '../../shared/backup/backupFile.ts';
import { applyRemoteOpsInTransaction, REMOTE_APPLY_TABLES } from './applyRemote.ts';
import type { WarRoomDb } from './database.ts';
import { loadDeviceState, readDeviceState } from './device.ts';

/**
 * "Export all": every op this laptop holds — applied and pending (from a newer app) — in one
 * backup file. The ops are the source of truth, so the file restores everything else.
 */
export async function exportAll(db: WarRoomDb, now = Date.now()): Promise<{ text: string; opCount: number }> {
  // Read, not created: an export must not write.
  const device = (await readDeviceState(db))?.device ?? '0000000000000000';
  const { ops, pending } = await db.transaction('r', [db.ops, db.pending], async () => ({ ops: await db.ops.toArray(), pending: await db.pending.toArray() }));
  const all = [...ops, ...pending.map((row) => row.op)];
  return { text: encodeBackup({ ops: all, device, createdAt: new Date(now).toISOString() }), opCount: new Set(all.map((op) => op.hash)).size };
}

export type ImportResult =
  | { ok: true; applied: number; duplicates: number; pending: number; total: number; createdAt: string; from: string }
  | { ok: false; error: string };

/**
 * "Import": a backup file's ops merged as ops, in one transaction, so importing the same file
 * twice changes nothing and a bad file changes nothing at all (decodeBackup refuses a file
 * with any bad line before anything is written).
 */
export async function importBackup(db: WarRoomDb, text: string, now: () => number = Date.now): Promise<ImportResult> {
  const decoded = decodeBackup(text);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  await loadDeviceState(db);
  const { result, change, pending } = await db.transaction('rw', [...REMOTE_APPLY_TABLES(db), db.pending], async () => {
    const applied = await applyRemoteOpsInTransaction(db, decoded.ops, now);
    // Keyed by content hash, as sync keeps them: the same op twice is one row.
    const known = await db.pending.bulkGet(decoded.pending.map((item) => item.op.hash));
    const fresh = decoded.pending.filter((_, i) => known[i] === undefined);
    await db.pending.bulkPut(fresh.map(({ op, reason }) => ({ id: op.hash, op, reason })));
    return { ...applied, pending: fresh.length };
  });
  db.changes.emitCommitted(change);
  const { header } = decoded;
  return { ok: true, applied: result.applied, duplicates: result.duplicates, pending, total: header.opCount, createdAt: header.createdAt, from: header.device };
}
