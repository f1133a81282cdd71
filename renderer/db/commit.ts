import { docId } from '../../shared/state/registry.ts';
import { createOp, type OpIntent, type Op, docRefOf, refusalOf, type OpKind } from '../../shared/entities/index.ts';
import type { WarRoomDb } from './database.ts';
import { loadDeviceState } from './device.ts';
import type { DeviceState } from '../../shared/ops/createOp.ts';
import { foldIntoRows, loadDocs, MATERIALIZED_TABLES, writeRows } from './materialize.ts';

/**
 * Record one user change: stamp and chain the op, store it, and update the materialized
 * state — all in one transaction, so when this resolves the change is durable
 * (Actual Budget's rule: an op and its effect land together).
 */
export async function commit<K extends OpKind>(db: WarRoomDb, intent: OpIntent<K>, now: () => number = Date.now): Promise<Op<K>> {
  const [op] = await commitAll(db, [intent], now);
  return op as Op<K>;
}

/**
 * Changes whose content depends on what is stored (a readable id numbered after the last one),
 * built inside the commit's transaction so two windows cannot build from the same reading.
 * `build` may only read Dexie tables (any other await would end the transaction early).
 */
export type IntentBuilder = (device: DeviceState) => Promise<readonly OpIntent[]>;

/** Several changes that belong together (a status change and its timeline line) land atomically. */
export async function commitAll(db: WarRoomDb, intents: readonly OpIntent[] | IntentBuilder, now: () => number = Date.now): Promise<Op[]> {
  // Opened before the transaction: the keychain is a host call, which would end it early.
  const { sign } = await db.signing.signer();
  const { ops, change } = await db.transaction('rw', [db.ops, db.meta, ...MATERIALIZED_TABLES(db)], async () => {
    // Two round trips to IndexedDB, not five: read the chain head and the touched docs together,
    // then issue every write at once. Each round trip can wait behind a frame on a busy UI thread.
    const [start, list, docs] =
      typeof intents === 'function'
        ? await loadBuilt(db, intents)
        : await Promise.all([loadDeviceState(db), intents, loadDocs(db, intents.map(docRefOf))]);
    // Refused inside the transaction, against the docs as stored now: nothing is written.
    list.forEach((intent) => {
      const refusal = refusalOf(docs.get(docId(docRefOf(intent))), intent);
      if (refusal !== null) throw new Error(refusal);
    });
    let device = start;
    const ops: Op[] = [];
    for (const intent of list) {
      const made = createOp(device, intent, now(), sign);
      device = made.state;
      ops.push(made.op);
    }
    const change = foldIntoRows(docs, ops);
    await Promise.all([db.ops.bulkAdd(ops), writeRows(db, change), db.meta.put({ key: 'device', value: device })]);
    return { ops, change };
  });
  db.changes.emitCommitted(change);
  db.changes.emitLocalOps();
  return ops;
}

async function loadBuilt(db: WarRoomDb, build: IntentBuilder) {
  const start = await loadDeviceState(db);
  const list = await build(start);
  return [start, list, await loadDocs(db, list.map(docRefOf))] as const;
}
