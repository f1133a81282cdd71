import { createOp, type OpIntent } from '../../shared/ops/createOp.ts';
import type { Op } from '../../shared/ops/envelope.ts';
import type { OpKind } from '../../shared/ops/kinds.ts';
import { emitCommitted } from './changes.ts';
import type { WarRoomDb } from './database.ts';
import { loadDeviceState } from './device.ts';
import { materialize } from './materialize.ts';

/**
 * Record one user change: stamp and chain the op, store it, and update the materialized
 * state — all in one transaction, so when this resolves the change is durable
 * (Actual Budget's rule: an op and its effect land together).
 */
export async function commit<K extends OpKind>(db: WarRoomDb, intent: OpIntent<K>, now: () => number = Date.now): Promise<Op<K>> {
  const [op] = await commitAll(db, [intent], now);
  return op as Op<K>;
}

/** Several changes that belong together (a status change and its timeline line) land atomically. */
export async function commitAll(db: WarRoomDb, intents: readonly OpIntent[], now: () => number = Date.now): Promise<Op[]> {
  const { ops, change } = await db.transaction('rw', [db.ops, db.meta, db.incidents, db.entries, db.settings], async () => {
    let device = await loadDeviceState(db);
    const ops: Op[] = [];
    for (const intent of intents) {
      const made = createOp(device, intent, now());
      device = made.state;
      ops.push(made.op);
    }
    await db.ops.bulkAdd(ops);
    const change = await materialize(db, ops);
    await db.meta.put({ key: 'device', value: device });
    return { ops, change };
  });
  emitCommitted(change);
  return ops;
}
