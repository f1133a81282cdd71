import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRemoteOps } from '../../../../renderer/db/applyRemote.ts';
import { commit } from '../../../../renderer/db/commit.ts';
import { WarRoomDb } from '../../../../renderer/db/database.ts';
import { createOp, type OpIntent } from '../../../../shared/entities/index.ts';
import { type DeviceState } from '../../../../shared/ops/createOp.ts';
import { dexieLocalStore } from '../../../../renderer/db/localStore.ts';

let opened: WarRoomDb[] = [];
let counter = 0;
function freshDb(): WarRoomDb {
  const db = new WarRoomDb(`store-${process.pid}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
});

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const entry = (n: number): OpIntent => ({ actor: 'Ana', incident: 'inc-store1', kind: 'entry.add', data: { entry: `ent-${String(n).padStart(6, '0')}`, fields: { text: `line ${n}`, kind: 'note', eventAt: new Date(T).toISOString(), pinned: false, tags: [] } } });

describe('the sync round’s view of IndexedDB', () => {
  it('ownOps returns this install’s own chain in seq order, even when a fork under its id was received', async () => {
    const db = freshDb();
    await commit(db, { actor: 'Ana', incident: 'inc-store1', kind: 'incident.declare', data: { title: 'Store', severity: 'P1', type: 'availability', declaredAt: new Date(T).toISOString() } });
    for (let n = 1; n <= 4; n += 1) await commit(db, entry(n));
    const store = dexieLocalStore(db);
    const own = await store.ownOps(1, 5);
    expect(own.map((op) => op.seq)).toEqual([1, 2, 3, 4, 5]);

    // A copied profile (same device id) wrote a different seq 4 and 5; this laptop received them.
    const device = (await db.meta.get('device'))!.value as DeviceState;
    let twin: DeviceState = { ...device, seq: 3, head: own[2]!.hash };
    const forked = [];
    for (const n of [90, 91]) {
      const made = createOp(twin, entry(n), T + 10_000 + n);
      twin = made.state;
      forked.push(made.op);
    }
    await applyRemoteOps(db, forked);

    expect((await store.ownOps(1, 5)).map((op) => op.hash)).toEqual(own.map((op) => op.hash));
    expect((await store.ownOps(4, 5)).map((op) => op.hash)).toEqual(own.slice(3).map((op) => op.hash));
    const hashes = await store.hashesOf([own[3]!.id, own[4]!.id, `${device.device}-99`, 'ffffffffffffffff-1']);
    expect(new Set(hashes.get(own[3]!.id))).toEqual(new Set([own[3]!.hash, forked[0]!.hash]));
    expect(new Set(hashes.get(own[4]!.id))).toEqual(new Set([own[4]!.hash, forked[1]!.hash]));
    expect(hashes.has(`${device.device}-99`)).toBe(false);
    expect(hashes.has('ffffffffffffffff-1')).toBe(false);
  });

  it('apply stores ops, pending ops and the cursors in one transaction', async () => {
    const db = freshDb();
    await db.syncTargets.put({ id: 'tgt-a', label: 'A', config: { kind: 'folder', path: '/tmp/x' }, createdAt: 0, cursors: {}, pushedSeq: 0, lastAttemptAt: null, lastSuccessAt: null, lastFault: null, lastProblems: 0 });
    const other = freshDb();
    const op = await commit(other, { actor: 'Ben', incident: 'inc-store2', kind: 'incident.declare', data: { title: 'Remote', severity: 'P2', type: 'data', declaredAt: new Date(T).toISOString() } });
    const store = dexieLocalStore(db);
    const pendingOp = { ...op, kind: 'checklist.check', hash: 'f'.repeat(64) };
    expect(await store.apply({ ops: [op], pending: [{ op: pendingOp, reason: 'unknown kind checklist.check' }], target: 'tgt-a', progress: { cursors: { [op.device]: 1 }, beyond: {} } })).toEqual({ applied: 1, duplicates: 0 });
    expect(await store.progress('tgt-a')).toEqual({ cursors: { [op.device]: 1 }, beyond: {} });
    expect(await db.pending.count()).toBe(1);
    expect((await db.incidents.get('inc-store2'))?.view?.title).toBe('Remote');
  });
});

describe('ops kept aside from a newer app', () => {
  it('are applied once this app understands them, and leave the pending table in the same transaction', async () => {
    const { replayPending } = await import('../../../../renderer/db/replayPending.ts');
    const db = freshDb();
    const other = freshDb();
    const op = await commit(other, { actor: 'Ben', incident: 'inc-later1', kind: 'incident.declare', data: { title: 'From the future', severity: 'P2', type: 'data', declaredAt: new Date(T).toISOString() } });
    const stillUnknown = { ...op, kind: 'checklist.check', hash: 'e'.repeat(64) };
    // As if an older app had kept it: a kind it did not know then, which this app knows.
    await db.pending.bulkPut([
      { id: op.hash, op, reason: 'unknown kind incident.declare' },
      { id: stillUnknown.hash, op: stillUnknown, reason: 'unknown kind checklist.check' },
    ]);
    expect(await replayPending(db)).toBe(1);
    expect((await db.incidents.get('inc-later1'))?.view?.title).toBe('From the future');
    expect((await db.pending.toArray()).map((row) => row.id)).toEqual([stillUnknown.hash]);
    expect(await replayPending(db)).toBe(0);
  });
});
