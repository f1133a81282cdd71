import { parseOp, type Op } from '../../shared/entities/index.ts';
import type { OpParser } from '../../shared/ops/envelope.ts';
import { applyRemoteOpsInTransaction, REMOTE_APPLY_TABLES } from '../db/applyRemote.ts';
import type { WarRoomDb } from './database.ts';

/**
 * Ops a newer War Room wrote wait in `pending` (docs/architecture.md#sync). After an upgrade this app may
 * understand them: apply those, in the same transaction that takes them out of `pending`. Each is
 * applied as it was kept (the object its hash covers: a newer envelope's `v` and members
 * included), folded as `parse` reads it. `parse` is this app's; a test passes a newer one.
 */
export async function replayPending(db: WarRoomDb, now: () => number = Date.now, parse: OpParser<Op> = parseOp): Promise<number> {
  const rows = await db.pending.toArray();
  const ready = rows.filter((row) => parse(row.op).status === 'ok');
  if (ready.length === 0) return 0;
  const { change } = await db.transaction('rw', [...REMOTE_APPLY_TABLES(db), db.pending], async () => {
    const applied = await applyRemoteOpsInTransaction(db, ready.map((r) => r.op), now, parse);
    await db.pending.bulkDelete(ready.map((r) => r.id));
    return applied;
  });
  db.changes.emitCommitted(change);
  return ready.length;
}
