import { parseOp, type Op } from '../../shared/entities/index.ts';
import type { OpParser } from '../../shared/ops/envelope.ts';
import { farAheadOf } from '../../shared/ops/hlc.ts';
import { CLOCK_HOLD_REASON } from '../../shared/sync/farAhead.ts';
import { applyRemoteOpsInTransaction, MAX_CLOCK_DRIFT_MS, REMOTE_APPLY_TABLES } from '../db/applyRemote.ts';
import type { PendingRow, WarRoomDb } from './database.ts';

/**
 * Apply what waits in `pending` once it may be (docs/architecture.md#sync), in the same transaction
 * that takes it out: ops a newer War Room wrote, once this app understands them (after an
 * upgrade); ops held for a far-ahead stamp, once their time is within the drift allowed or a person
 * accepts them (`accept`: their hashes). Run at start and after every sync round. Each is applied
 * as it was kept (the object its hash covers: a newer envelope's `v` and members included),
 * folded as `parse` reads it. `parse` is this app's; a test passes a newer one.
 */
export async function replayPending(db: WarRoomDb, now: () => number = Date.now, accept: ReadonlySet<string> = new Set(), parse: OpParser<Op> = parseOp): Promise<number> {
  const rows = await db.pending.toArray();
  const ready: PendingRow[] = [];
  const held: PendingRow[] = [];
  const farAhead = farAheadOf(now(), MAX_CLOCK_DRIFT_MS);
  for (const row of rows) {
    if (parse(row.op).status !== 'ok') continue;
    if (accept.has(row.id) || !farAhead(row.op.hlc)) ready.push(row);
    // Understood after an upgrade, but stamped too far ahead: held like any such op, and listed.
    else if (!row.clock) held.push({ ...row, reason: CLOCK_HOLD_REASON, clock: { deviceName: null } });
  }
  if (ready.length === 0 && held.length === 0) return 0;
  const { change } = await db.transaction('rw', [...REMOTE_APPLY_TABLES(db), db.pending], async () => {
    // The clock follows a released op only within the drift (receive): accepting never drags it ahead.
    const applied = await applyRemoteOpsInTransaction(db, ready.map((r) => r.op as Op), now, parse);
    await db.pending.bulkDelete(ready.map((r) => r.id));
    await db.pending.bulkPut(held);
    return applied;
  });
  db.changes.emitCommitted(change);
  return ready.length;
}

/** The ops held for a far-ahead stamp, for the Sync dialog (read-only). */
export function heldForClock(db: WarRoomDb): Promise<PendingRow[]> {
  return db.pending.filter((row) => row.clock !== undefined).toArray();
}
