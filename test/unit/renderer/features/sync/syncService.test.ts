import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createDispatcher } from '../../../../../electron/host/dispatch.ts';
import { syncHandlers } from '../../../../../electron/host/syncHandlers.ts';
import type { Bridge, BridgeMethod } from '../../../../../shared/bridge/contract.ts';
import { commit } from '../../../../../renderer/db/commit.ts';
import { WarRoomDb } from '../../../../../renderer/db/database.ts';
import { addTarget } from '../../../../../renderer/features/sync/syncTargets.ts';
import { logRowsFor, SyncScheduler, syncTarget, useSyncActivity } from '../../../../../renderer/features/sync/syncService.ts';
import { pickingFolders, unusedHandlers } from '../../../support/handlers.ts';
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
  // Each target's folder counts as picked in the folder dialog, as the person adding it would.
  const picks = pickingFolders();
  const dispatcher = createDispatcher<void>({ ...unusedHandlers<void>(), ...syncHandlers<void>(picks) });
  const calls: Partial<Record<BridgeMethod, number>> = {};
  const bridge = {
    invoke: async (method: BridgeMethod, args: unknown) => {
      calls[method] = (calls[method] ?? 0) + 1;
      picks.pickFor(method, args);
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

/** The real host sync code, `sync.watch` recorded, and a way to play main's "this target changed". */
function liveBridge() {
  const { bridge: inner, calls } = countingBridge();
  const watched: unknown[] = [];
  const listeners = new Set<(target: string) => void>();
  const listed: Record<string, number> = {};
  const bridge: Bridge = {
    invoke: (async (method: BridgeMethod, args: unknown) => {
      if (method === 'sync.list') {
        const kind = (args as { target: { kind: string } }).target.kind;
        listed[kind] = (listed[kind] ?? 0) + 1;
      }
      if (method !== 'sync.watch') return inner.invoke(method as 'sync.list', args as never);
      watched.push(args);
      return { ok: true, value: { watches: [] } };
    }) as Bridge['invoke'],
    onSyncChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { bridge, calls, listed, watched, listeners, changed: (target: string) => listeners.forEach((listener) => listener(target)) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`not within ${ms} ms`);
    await pause(10);
  }
}

/** `n` rounds have listed the target, and the last has finished. */
async function roundsDone(calls: Partial<Record<BridgeMethod, number>>, target: string, n: number): Promise<void> {
  await until(() => (calls['sync.list'] ?? 0) >= n && useSyncActivity.getState().running[target] !== true);
}

describe('when the scheduler runs rounds', () => {
  beforeEach(() => {
    // The scheduler listens for 'online' on the page's window.
    vi.stubGlobal('window', new EventTarget());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a change the host saw on a watched folder runs a round for that target at once, not at the next period', async () => {
    const share = join(dir, 'share');
    await mkdir(share);
    const db = freshDb();
    const { bridge, calls, watched, listeners, changed } = liveBridge();
    const added = await addTarget(db, bridge, { kind: 'folder', path: share }, T);
    if (!added.ok) throw new Error(added.message);
    await declare(db, 'Watched');
    const scheduler = new SyncScheduler(db, bridge);
    const stop = scheduler.start();
    await roundsDone(calls, added.target.id, 1);
    const device = (await db.meta.get('device'))?.value as { device: string };
    expect(watched.at(-1)).toEqual({ device: device.device, folders: [{ id: added.target.id, path: share }] });

    const asked = performance.now();
    changed(added.target.id);
    await roundsDone(calls, added.target.id, 2);
    expect(performance.now() - asked).toBeLessThan(1000);

    stop();
    expect(listeners.size).toBe(0);
    expect(watched.at(-1)).toEqual({ folders: [] });
  });

  it('a bridge that cannot say a folder changed is never asked to watch one', async () => {
    const share = join(dir, 'share');
    await mkdir(share);
    const db = freshDb();
    const { bridge, calls, watched } = liveBridge();
    const added = await addTarget(db, bridge, { kind: 'folder', path: share }, T);
    if (!added.ok) throw new Error(added.message);
    const stop = new SyncScheduler(db, { invoke: bridge.invoke }).start();
    await roundsDone(calls, added.target.id, 1);
    stop();
    expect(watched).toEqual([]);
  });

  it('a git target gets a round every 30 s while an incident is open, every minute once all are resolved; a watched folder every minute', async () => {
    const root = await mkdtemp(join(tmpdir(), 'warroom-cadence-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    for (const open of [true, false]) {
      vi.useRealTimers();
      const remote = join(root, `remote-${open}.git`);
      await sh(root, ['init', '-q', '--bare', '--initial-branch=main', remote]);
      const share = join(root, `share-${open}`);
      await mkdir(share);
      const db = freshDb();
      const { bridge, listed, watched } = liveBridge();
      const git = await addTarget(db, bridge, { kind: 'git', url: `file://${remote}`, branch: 'main', cloneDir: join(root, `clone-${open}`) }, T);
      const folder = await addTarget(db, bridge, { kind: 'folder', path: share }, T);
      if (!git.ok || !folder.ok) throw new Error('targets not added');
      await declare(db, open ? 'Open' : 'Resolved');
      if (!open) await commit(db, { actor: 'Ana', incident: 'inc-resolved', kind: 'incident.set', data: { fields: { status: 'resolved' } } });
      /** Rounds listed so far, once those asked for have finished (and no other has started). */
      const rounds = async (expected: { git: number; folder: number }, why: string) => {
        const idle = () => [git.target.id, folder.target.id].every((id) => useSyncActivity.getState().running[id] !== true);
        await until(() => (listed['git'] ?? 0) >= expected.git && (listed['folder'] ?? 0) >= expected.folder && idle());
        await pause(300);
        expect(listed, why).toEqual(expected);
      };
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const stop = new SyncScheduler(db, bridge).start();
      await rounds({ git: 1, folder: 1 }, 'at start');
      await vi.advanceTimersByTimeAsync(30_000);
      await rounds({ git: open ? 2 : 1, folder: 1 }, open ? 'open: git at 30 s' : 'all resolved: none at 30 s');
      await vi.advanceTimersByTimeAsync(30_000);
      await rounds({ git: open ? 3 : 2, folder: 2 }, 'everyone at 60 s');
      // Only the folder can be watched: the git remote has its cadence alone.
      expect(watched.at(-1)).toMatchObject({ folders: [{ id: folder.target.id, path: share }] });
      stop();
    }
  });
});

function sh(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => execFile('git', args, { cwd }, (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout))));
}

describe('the sync log', () => {
  it('a round that stops on a fault still logs what it found first (a fork names its seqs)', () => {
    const target = { id: 'tgt-x', label: 'Share', config: { kind: 'folder' as const, path: '/tmp/x' }, createdAt: 0, cursors: {}, pushedSeq: 2, lastAttemptAt: null, lastSuccessAt: null, lastFault: null, lastProblems: 0 };
    const problem = { file: 'warroom/v1/ops/aaaaaaaaaaaaaaaa/000000000003-000000000003.jsonl', reason: 'fork: device aaaaaaaaaaaaaaaa seq 3 differs from the op already held under that id' };
    const rows = logRowsFor(target, { ok: false, fault: { code: 'fork', message: 'Another install is writing under this id.' }, pushed: 0, received: 1, duplicates: 0, pending: 0, problems: [problem], future: [], cursors: {}, beyond: {}, ownVerified: 2, ownMaxSeq: 3, unverified: {} }, 1);
    expect(rows.map((row) => [row.level, row.message])).toEqual([
      ['error', 'Another install is writing under this id.'],
      ['warn', problem.reason],
    ]);
  });
});
