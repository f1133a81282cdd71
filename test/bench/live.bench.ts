import 'fake-indexeddb/auto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exchange, listTarget, setUpTarget } from '../../electron/host/transports/index.ts';
import { watchFolder, type WatchMode } from '../../electron/host/transports/watch.ts';
import { commit } from '../../renderer/db/commit.ts';
import { WarRoomDb } from '../../renderer/db/database.ts';
import { dexieLocalStore } from '../../renderer/db/localStore.ts';
import { SyncScheduler, useSyncActivity } from '../../renderer/features/sync/syncService.ts';
import { entryKey, runSyncRound } from '../../shared/entities/index.ts';
import { freshDeviceState } from '../../shared/ops/createOp.ts';
import { segmentPath } from '../../shared/sync/layout.ts';
import type { TargetConfig } from '../../shared/sync/wire.ts';
import { desktopBridge } from '../unit/support/desktopBridge.ts';
import { median, percentile, row, type BenchRow } from './stats.ts';

/**
 * Live across laptops on a shared folder, in Node with the unit tests' stack (fake-indexeddb,
 * the real host transports and folder watch): laptop A writes an entry and syncs; laptop B runs
 * the app's scheduler, and only the folder watch tells it to run a round.
 */

const SAMPLES = 20;
const TARGET = 'tgt-live';
const INCIDENT = 'inc-live0001';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`live bench: ${what} not within ${ms} ms`);
    await sleep(2);
  }
}

let dbCounter = 0;
async function laptopDb(device: string, target: TargetConfig): Promise<WarRoomDb> {
  const db = new WarRoomDb(`bench-live-${process.pid}-${dbCounter++}`);
  await db.meta.bulkPut([
    { key: 'device', value: freshDeviceState(device) },
    { key: 'deviceProfile', value: { name: device, createdAt: '2026-11-23T08:00:00.000Z' } },
  ]);
  await db.syncTargets.put({ id: TARGET, label: 'live bench', config: target, createdAt: 0, cursors: {}, pushedSeq: 0, lastAttemptAt: null, lastSuccessAt: null, lastFault: null, lastProblems: 0 });
  return db;
}

/** ms from A's round ending (its entry on the folder) to the entry committed in B's database, SAMPLES times. */
async function entryToOtherLaptop(root: string, mode: WatchMode): Promise<number[]> {
  const target: TargetConfig = { kind: 'folder', path: join(root, `share-${mode}`) };
  await mkdir(target.path);
  const setUp = await setUpTarget(target);
  if (!setUp.ok) throw new Error(setUp.fault.message);
  const [a, b] = [await laptopDb('a1a1a1a1a1a1a1a1', target), await laptopDb('b2b2b2b2b2b2b2b2', target)];
  const roundOnA = () => runSyncRound(dexieLocalStore(a), { list: () => listTarget(target), exchange: (request) => exchange(target, request) }, TARGET);
  const arrived = new Map<string, number>();
  b.changes.onCommitted((change) => change.entries.forEach((r) => arrived.set(r.key, performance.now())));
  const desktop = desktopBridge(mode);
  const stop = new SyncScheduler(b, desktop.bridge).start();
  try {
    await commit(a, { actor: 'Ana', incident: INCIDENT, kind: 'incident.declare', data: { title: 'Checkout down', severity: 'P1', type: 'availability', declaredAt: new Date().toISOString() } });
    await roundOnA();
    await until(`B watching (${mode})`, () => desktop.watchReplies.some((reply) => reply.watches.some((w) => w.mode === mode)));
    const latencies: number[] = [];
    for (let i = 1; i <= SAMPLES; i++) {
      const entry = `ent-live${String(i).padStart(4, '0')}`;
      await commit(a, { actor: 'Ana', incident: INCIDENT, kind: 'entry.add', data: { entry, fields: { text: `step ${i}`, kind: 'note', eventAt: new Date().toISOString(), pinned: false, tags: [] } } });
      const report = await roundOnA();
      if (!report.ok || report.pushed !== 1) throw new Error(`live bench: A's round did not push (${JSON.stringify(report.fault)})`);
      const onTarget = performance.now();
      await until(`entry ${i} on B (${mode})`, () => arrived.has(entryKey(INCIDENT, entry)));
      latencies.push(arrived.get(entryKey(INCIDENT, entry))! - onTarget);
      await until('B idle', () => useSyncActivity.getState().running[TARGET] !== true);
    }
    return latencies;
  } finally {
    stop();
    await until('B idle', () => useSyncActivity.getState().running[TARGET] !== true);
    await desktop.close();
    for (const db of [a, b]) {
      db.close();
      await db.delete();
    }
  }
}

/** The floor: ms from a segment landing to the bare folder watch's (debounced) call. */
async function watcherAlone(root: string, mode: WatchMode): Promise<number[]> {
  const share = join(root, `share-raw-${mode}`);
  await mkdir(join(share, 'warroom'), { recursive: true });
  let called = 0;
  const watch = await watchFolder(share, () => called++, { mode });
  const samples: number[] = [];
  try {
    for (let i = 1; i <= SAMPLES; i++) {
      const path = join(share, ...segmentPath('b2b2b2b2b2b2b2b2', i, i, false).split('/'));
      await mkdir(join(path, '..'), { recursive: true });
      const before = called;
      const written = performance.now();
      await writeFile(path, '{}\n');
      await until('the bare watch', () => called > before);
      samples.push(performance.now() - written);
      await sleep(300);
    }
  } finally {
    await watch.close();
  }
  return samples;
}

export async function liveBench(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'warroom-bench-live-'));
  // The scheduler listens for 'online' on the page's window; Node has none.
  const hadWindow = 'window' in globalThis;
  if (!hadWindow) Object.assign(globalThis, { window: new EventTarget() });
  try {
    const rows: BenchRow[] = [];
    for (const mode of ['native', 'polling'] as const) {
      const floor = median(await watcherAlone(root, mode));
      const latencies = await entryToOtherLaptop(root, mode);
      const how = mode === 'native' ? 'OS events' : 'polling every second, as on a network share';
      rows.push(row(`sync: folder change → visible on the other laptop p95 (${how}; ${SAMPLES} entries) vs the bare watch seeing a file (median)`, percentile(latencies, 95), 'ms', floor, '≤ 3000 ms', (v) => v <= 3000));
    }
    return rows;
  } finally {
    if (!hadWindow) Reflect.deleteProperty(globalThis, 'window');
    await rm(root, { recursive: true, force: true });
  }
}
