import 'fake-indexeddb/auto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../../electron/host/dispatch.ts';
import { syncHandlers } from '../../../../../electron/host/syncHandlers.ts';
import type { Bridge, BridgeMethod } from '../../../../../shared/bridge/contract.ts';
import { commit } from '../../../../../renderer/db/commit.ts';
import { WarRoomDb } from '../../../../../renderer/db/database.ts';
import { addTarget } from '../../../../../renderer/features/sync/syncTargets.ts';
import { SyncScheduler, syncTarget, useSyncActivity } from '../../../../../renderer/features/sync/syncService.ts';
import { unusedHandlers } from '../../../support/handlers.ts';
import { CLOCK_HOLD_REASON } from '../../../../../shared/sync/farAhead.ts';

let dir: string;
let opened: WarRoomDb[] = [];
let counter = 0;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'warroom-service-'));
});
afterEach(async () => {
  await Promise.all(opened.map((db) => db.delete()));
  opened = [];
  await rm(dir, { recursive: true, force: true });
});

function freshDb(): WarRoomDb {
  const db = new WarRoomDb(`service-${process.pid}-${counter++}`);
  opened.push(db);
  return db;
}

/** The real host sync code behind the same dispatcher main uses, counting calls per method. */
function countingBridge(): { bridge: Bridge; calls: Partial<Record<BridgeMethod, number>> } {
  const dispatcher = createDispatcher<void>({ ...unusedHandlers<void>(), ...syncHandlers<void>() });
  const calls: Partial<Record<BridgeMethod, number>> = {};
  const bridge = {
    invoke: async (method: BridgeMethod, args: unknown) => {
      calls[method] = (calls[method] ?? 0) + 1;
      return dispatcher.dispatch(method, args, undefined);
    },
  } as Bridge;
  return { bridge, calls };
}

const T = Date.UTC(2026, 10, 23, 9, 0, 0);
const DAY = 86_400_000;
async function declare(db: WarRoomDb, title: string) {
  await commit(db, { actor: 'Ana', incident: `inc-${title.toLowerCase().replace(/\W/g, '').slice(0, 10).padEnd(6, 'x')}`, kind: 'incident.declare', data: { title, severity: 'P1', type: 'availability', declaredAt: new Date(T).toISOString() } });
}

describe('sync service', () => {
  it('records success, pending count and a log line for a round that moved something; a quiet round logs nothing', async () => {
    const share = join(dir, 'share');
    await mkdir(share);
    const db = freshDb();
    const { bridge } = countingBridge();
    const added = await addTarget(db, bridge, { kind: 'folder', path: share }, T);
    if (!added.ok) throw new Error(added.message);
    await declare(db, 'Checkout down');
    const report = await syncTarget(db, bridge, added.target.id, () => T + 1000);
    expect(report).toMatchObject({ ok: true, pushed: 1 });
    expect(await db.syncTargets.get(added.target.id)).toMatchObject({ lastSuccessAt: T + 1000, lastFault: null, pushedSeq: 1 });
    const logged = (await db.syncLog.toArray()).map((row) => row.message);
    expect(logged).toEqual(['Set up a new archive here.', 'Sent 1 change, received 0.']);
    await syncTarget(db, bridge, added.target.id, () => T + 2000);
    expect(await db.syncLog.count()).toBe(2);
  });

  it('every round also applies the changes held for their stamp whose time has come, and logs it', async () => {
    const share = join(dir, 'share');
    await mkdir(share);
    const db = freshDb();
    const { bridge } = countingBridge();
    const added = await addTarget(db, bridge, { kind: 'folder', path: share }, T);
    if (!added.ok) throw new Error(added.message);
    const ahead = T + 3 * DAY;
    const op = await commit(freshDb(), { actor: 'Ben', incident: 'inc-ahead1', kind: 'incident.declare', data: { title: 'Three days ahead', severity: 'P2', type: 'data', declaredAt: new Date(T).toISOString() } }, () => ahead);
    await db.pending.put({ id: op.hash, op, reason: CLOCK_HOLD_REASON, clock: { deviceName: 'Ben' } });
    await syncTarget(db, bridge, added.target.id, () => ahead - DAY - 1);
    expect(await db.incidents.get('inc-ahead1')).toBeUndefined();
    await syncTarget(db, bridge, added.target.id, () => ahead - DAY);
    expect((await db.incidents.get('inc-ahead1'))?.view?.title).toBe('Three days ahead');
    expect((await db.syncLog.toArray()).map((row) => row.message)).toContain('1 change kept aside applied now: their time has come, or this app now understands them.');
  });

  it('a fault is recorded and logged once while it lasts; recovery clears it and says so', async () => {
    const share = join(dir, 'share');
    await mkdir(share);
    const db = freshDb();
    const { bridge } = countingBridge();
    const added = await addTarget(db, bridge, { kind: 'folder', path: share }, T);
    if (!added.ok) throw new Error(added.message);
    await declare(db, 'Disk full');
    await rm(share, { recursive: true });
    await syncTarget(db, bridge, added.target.id);
    await syncTarget(db, bridge, added.target.id);
    const target = await db.syncTargets.get(added.target.id);
    expect(target?.lastFault?.code).toBe('unreachable');
    expect(target?.pushedSeq).toBe(0);
    expect((await db.syncLog.toArray()).filter((r) => r.level === 'error').map((r) => r.message)).toEqual([expect.stringMatching(/mounted/)]);
    expect(await db.ops.count()).toBe(1);

    await mkdir(share);
    const again = await addTargetFolderBack(bridge, share);
    expect(again).toBe(true);
    await syncTarget(db, bridge, added.target.id);
    expect(await db.syncTargets.get(added.target.id)).toMatchObject({ lastFault: null, pushedSeq: 1 });
    expect((await db.syncLog.toArray()).map((r) => r.message)).toContain('Reachable again.');
  });

  it('a round asked for while one runs is not lost: exactly one more round follows', async () => {
    const share = join(dir, 'share');
    await mkdir(share);
    const db = freshDb();
    const { bridge, calls } = countingBridge();
    const added = await addTarget(db, bridge, { kind: 'folder', path: share }, T);
    if (!added.ok) throw new Error(added.message);
    const scheduler = new SyncScheduler(db, bridge);
    // Every state "Sync now" shows while the chain runs: it must not look idle between rounds.
    const seen: boolean[] = [];
    const unsubscribe = useSyncActivity.subscribe((s) => seen.push(s.running[added.target.id] ?? false));
    await declare(db, 'First');
    const first = scheduler.sync(added.target.id);
    await declare(db, 'Second');
    const second = scheduler.sync(added.target.id);
    const third = scheduler.sync(added.target.id);
    await Promise.all([first, second, third]);
    unsubscribe();
    expect(calls['sync.list']).toBe(2);
    expect(await db.syncTargets.get(added.target.id)).toMatchObject({ pushedSeq: 2 });
    expect(seen.at(-1)).toBe(false);
    expect(seen.slice(0, -1).every(Boolean)).toBe(true);
  });
});

/** Setting the folder up again after the drive came back (the app does this through Add target). */
async function addTargetFolderBack(bridge: Bridge, path: string): Promise<boolean> {
  const reply = await bridge.invoke('sync.setUp', { target: { kind: 'folder', path } });
  return reply.ok && reply.value.ok;
}
