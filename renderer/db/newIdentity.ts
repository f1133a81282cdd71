import { createOp, type OpIntent, type Op } from '../../shared/entities/index.ts';
import { freshDeviceState } from '../../shared/ops/createOp.ts';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import type { WarRoomDb } from './database.ts';
import { loadDeviceState, newDeviceId, readDeviceState } from '../db/device.ts';
import { MATERIALIZED_TABLES } from './materialize.ts';
import { rebuildFromOps } from '../db/rebuild.ts';
import { dexieLocalStore } from './localStore.ts';

/**
 * This install's ops that no target can hold as its own: one that another install wrote under
 * the same id and seq (a copied profile — the target keeps the first file of a seq, so ours is
 * stranded), and every op past what the least advanced target has received.
 */
export async function strandedOwnOps(db: WarRoomDb): Promise<{ device: string; stranded: OpEnvelope[]; twins: number }> {
  const state = await loadDeviceState(db);
  const chain = await dexieLocalStore(db).ownOps(1, state.seq);
  const targets = await db.syncTargets.toArray();
  const pushed = targets.length > 0 ? Math.min(...targets.map((t) => t.pushedSeq)) : state.seq;
  const all = await db.ops.where('[device+seq]').between([state.device, 1], [state.device, state.seq], true, true).toArray();
  const perSeq = new Map<number, number>();
  for (const op of all) perSeq.set(op.seq, (perSeq.get(op.seq) ?? 0) + 1);
  const twinned = (op: OpEnvelope) => (perSeq.get(op.seq) ?? 0) > 1;
  return { device: state.device, stranded: chain.filter((op) => op.seq > pushed || twinned(op)), twins: chain.filter(twinned).length };
}

/**
 * Cheap enough for a live view (index keys only): how many of this install's seqs another install
 * also wrote (twins), how many no target holds as read back (unsent), and how many of its changes
 * the team cannot get under this id (stranded: either, each counted once).
 */
export async function ownForkStatus(db: WarRoomDb): Promise<{ device: string; twins: number; unsent: number; stranded: number }> {
  // Read-only (it runs in a live query): before the first op there is no device yet, so nothing to report.
  const state = await readDeviceState(db);
  if (!state) return { device: '', twins: 0, unsent: 0, stranded: 0 };
  const keys = (await db.ops.where('[device+seq]').between([state.device, 1], [state.device, state.seq], true, true).keys()) as unknown as [string, number][];
  const targets = await db.syncTargets.toArray();
  const pushed = targets.length > 0 ? Math.min(...targets.map((t) => t.pushedSeq)) : state.seq;
  const seqs = new Set<number>();
  let twins = 0;
  let twinsSent = 0;
  for (const [, seq] of keys) {
    if (seqs.has(seq)) {
      twins += 1;
      if (seq <= pushed) twinsSent += 1;
    }
    seqs.add(seq);
  }
  const unsent = Math.max(0, state.seq - pushed);
  return { device: state.device, twins, unsent, stranded: unsent + twinsSent };
}

/**
 * The remedy for a copied profile: this install takes a new device id (its clock kept, so order
 * holds) and records its stranded ops again under it — the same changes by the same people, new
 * ops on a chain of its own — so nothing it recorded is lost to the team. The stranded originals
 * are then replaced by these (no other laptop holds them, and keeping both would show this
 * laptop's changes twice), and the state is folded again from the log. Every target starts this
 * device's chain afresh. The page should reload afterwards: views holding rows in memory
 * (the timeline) learn of commits, not of a refold.
 */
export async function takeNewIdentity(db: WarRoomDb, now: () => number = Date.now): Promise<{ device: string; reissued: number }> {
  // A new device gets a key of its own (made before the transaction: sealing is a host call).
  const key = await db.signing.fresh();
  const { device, reissued } = await db.transaction('rw', [db.ops, db.meta, db.syncTargets, ...MATERIALIZED_TABLES(db)], async () => {
    const old = await loadDeviceState(db);
    const { stranded } = await strandedOwnOps(db);
    let state = { ...freshDeviceState(newDeviceId()), clock: old.clock };
    const ops: Op[] = [];
    for (const op of stranded) {
      const made = createOp(state, { actor: op.actor, incident: op.incident, kind: op.kind, data: op.data } as OpIntent, now(), key.sign);
      state = made.state;
      ops.push(made.op);
    }
    if (ops.length > 0) {
      // The one place ops are ever deleted. The log is append-only, but the stranded originals
      // are re-recorded just above under the new device id: no other laptop holds them, and
      // keeping both copies would show each of this laptop's changes twice.
      await db.ops.bulkDelete(stranded.map((op) => op.hash));
      await db.ops.bulkAdd(ops);
      await rebuildFromOps(db);
    }
    await db.meta.put({ key: 'device', value: state });
    await db.meta.put({ key: 'signingKey', value: key.stored });
    await db.syncTargets.toCollection().modify({ pushedSeq: 0, lastFault: null });
    return { device: state.device, reissued: ops.length };
  });
  db.signing.forget();
  db.changes.emitLocalOps();
  return { device, reissued };
}
