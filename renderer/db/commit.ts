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
  const { op, change } = await db.transaction('rw', [db.ops, db.meta, db.incidents, db.entries], async () => {
    const device = await loadDeviceState(db);
    const { op, state } = createOp(device, intent, now());
    await db.ops.add(op);
    const change = await materialize(db, [op]);
    await db.meta.put({ key: 'device', value: state });
    return { op, change };
  });
  emitCommitted(change);
  return op;
}
