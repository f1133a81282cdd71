import { decodeBackup, encodeBackup } from '../../shared/backup/backupFile.ts';
import { farAheadOf } from '../../shared/ops/hlc.ts';
import { CLOCK_HOLD_REASON } from '../../shared/sync/farAhead.ts';
import type { PendingOp } from '../../shared/sync/ports.ts';
import { applyRemoteOpsInTransaction, MAX_CLOCK_DRIFT_MS, REMOTE_APPLY_TABLES } from './applyRemote.ts';
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
  | { ok: true; applied: number; duplicates: number; pending: number; held: number; total: number; createdAt: string; from: string }
  | { ok: false; error: string };

/**
 * "Import": a backup file's ops merged as ops, in one transaction, so importing the same file
 * twice changes nothing and a bad file changes nothing at all (decodeBackup refuses a file
 * with any bad line before anything is written). An op stamped far ahead of this laptop's clock
 * is held in `pending`, as a sync round holds it (docs/sync-format.md#far-future-stamps).
 */
export async function importBackup(db: WarRoomDb, text: string, now: () => number = Date.now): Promise<ImportResult> {
  const decoded = decodeBackup(text);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  await loadDeviceState(db);
  const farAhead = farAheadOf(now(), MAX_CLOCK_DRIFT_MS);
  const ahead = decoded.ops.filter((op) => farAhead(op.hlc));
  const { result, change, pending, held } = await db.transaction('rw', [...REMOTE_APPLY_TABLES(db), db.pending], async () => {
    const applied = await applyRemoteOpsInTransaction(db, decoded.ops.filter((op) => !farAhead(op.hlc)), now);
    // One accepted earlier is applied already.
    const accepted = await db.ops.bulkGet(ahead.map((op) => op.hash));
    const holds: PendingOp[] = ahead.filter((_, i) => accepted[i] === undefined).map((op) => ({ op, reason: CLOCK_HOLD_REASON, clock: { deviceName: null } }));
    const aside: PendingOp[] = [...decoded.pending, ...holds];
    // Keyed by content hash, as sync keeps them: the same op twice is one row.
    const known = await db.pending.bulkGet(aside.map((item) => item.op.hash));
    const fresh = aside.filter((_, i) => known[i] === undefined);
    await db.pending.bulkPut(fresh.map(({ op, reason, clock }) => ({ id: op.hash, op, reason, ...(clock ? { clock } : {}) })));
    const freshHeld = fresh.filter((item) => item.clock).length;
    return { ...applied, pending: fresh.length - freshHeld, held: freshHeld };
  });
  db.changes.emitCommitted(change);
  const { header } = decoded;
  return { ok: true, applied: result.applied, duplicates: result.duplicates, pending, held, total: header.opCount, createdAt: header.createdAt, from: header.device };
}
