import { parseOp, type Op } from '../../shared/entities/index.ts';
import type { OpEnvelope, OpParser } from '../../shared/ops/envelope.ts';
import { parseHlc, receive } from '../../shared/ops/hlc.ts';
import { NO_CHANGE, type CommittedChange } from './changes.ts';
import type { WarRoomDb } from './database.ts';
import { loadDeviceState } from './device.ts';
import { MATERIALIZED_TABLES, materialize } from './materialize.ts';

/** How far ahead of this laptop's clock a remote stamp may be before it is flagged, not followed. */
export const MAX_CLOCK_DRIFT_MS = 24 * 60 * 60 * 1000;

export interface ApplyResult {
  applied: number;
  duplicates: number;
}

/**
 * Apply already-validated ops from elsewhere (another device's segment, an import) in one
 * transaction: store the new ones, fold them in, and advance the local clock past them.
 * An op already present (same content hash) is skipped, so re-delivery changes nothing.
 * `ops` are as read (see applyRemoteOpsInTransaction).
 */
export async function applyRemoteOps(db: WarRoomDb, ops: readonly OpEnvelope[], now: () => number = Date.now): Promise<ApplyResult> {
  const { result, change } = await db.transaction('rw', REMOTE_APPLY_TABLES(db), () => applyRemoteOpsInTransaction(db, ops, now));
  db.changes.emitCommitted(change);
  return result;
}

export const REMOTE_APPLY_TABLES = (db: WarRoomDb) => [db.ops, db.meta, ...MATERIALIZED_TABLES(db)];

/** The op `parse` folds for one it judged ok before: its values normalized (trimmed). */
function normalized(parse: OpParser<Op>, op: OpEnvelope): Op {
  const parsed = parse(op);
  if (parsed.status !== 'ok') throw new Error(`op ${op.id} cannot be applied (${parsed.status === 'pending' ? 'pending' : 'invalid'}: ${parsed.reason}); only ops the parser accepts may be`);
  return parsed.op;
}

/**
 * The body of applyRemoteOps, for callers that must land more in the same transaction (a sync
 * round stores its cursors with the ops). Run inside a transaction over REMOTE_APPLY_TABLES;
 * emit the change only after that transaction has committed.
 *
 * `ops` are as read, each exactly the object its hash covers, and the `ops` table keeps them so:
 * a backup or a later check hashes them again, and another writer's "Ana " stays "Ana ". What is
 * folded is `parse`'s normalized copy (as a rebuild folds it). `parse` must accept every op: it is
 * the parser that judged them, which after an upgrade (replayPending) is the newer one.
 */
export async function applyRemoteOpsInTransaction(
  db: WarRoomDb,
  ops: readonly OpEnvelope[],
  now: () => number,
  parse: OpParser<Op> = parseOp,
): Promise<{ result: ApplyResult; change: CommittedChange }> {
  const unique = [...new Map(ops.map((op) => [op.hash, op])).values()];
  const existing = await db.ops.bulkGet(unique.map((op) => op.hash));
  const fresh = unique.filter((_, i) => existing[i] === undefined);
  let change: CommittedChange = NO_CHANGE;
  if (fresh.length > 0) {
    const folded = fresh.map((op) => normalized(parse, op));
    await db.ops.bulkAdd(fresh);
    change = await materialize(db, folded);
    const device = await loadDeviceState(db);
    let clock = device.clock;
    for (const op of fresh) {
      const stamp = parseHlc(op.hlc);
      if (stamp) clock = receive(clock, stamp, now(), MAX_CLOCK_DRIFT_MS);
    }
    await db.meta.put({ key: 'device', value: { ...device, clock } });
  }
  return { result: { applied: fresh.length, duplicates: ops.length - fresh.length }, change };
}
