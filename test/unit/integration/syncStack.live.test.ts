import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { entryKey } from '../../../shared/entities/index.ts';
import { SyncScheduler, useSyncActivity } from '../../../renderer/features/sync/syncService.ts';
import { desktopBridge, type DesktopBridge } from '../support/desktopBridge.ts';
import { actions, folderWorld, joinTarget, TARGET_ID, type Laptop } from '../support/syncStack.ts';

/**
 * Live across laptops over a real shared folder: laptop A writes an entry and syncs; on laptop B
 * nothing but the host's folder watch (through the bridge event, into B's real scheduler) makes
 * the round that shows it — no timer, no click.
 */

const ENTRIES = 5;
const INCIDENT = 'inc-live0001';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(5);
  }
}

/** Laptop A writes an entry and syncs, ENTRIES times; how long each took to reach B's database. */
async function entriesReachB(a: Laptop, b: Laptop, desktop: DesktopBridge): Promise<number[]> {
  const arrived = new Map<string, number>();
  b.db.changes.onCommitted((change) => {
    for (const row of change.entries) if (!arrived.has(row.key)) arrived.set(row.key, performance.now());
  });
  await until('B watches the folder', () => desktop.watchReplies.some((reply) => reply.watches.some((w) => w.id === TARGET_ID && w.mode === 'native')), 5000);
  await until('B holds the incident', async () => (await b.db.incidents.get(INCIDENT)) !== undefined, 5000);
  const latencies: number[] = [];
  for (let i = 1; i <= ENTRIES; i++) {
    const entry = `ent-live${String(i).padStart(4, '0')}`;
    await actions(a, 'Ana').add(INCIDENT, entry, `step ${i}: failover started`);
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 1 });
    const onTarget = performance.now();
    const key = entryKey(INCIDENT, entry);
    await until(`entry ${i} on laptop B`, () => arrived.has(key), 3000);
    latencies.push(arrived.get(key)! - onTarget);
    expect((await b.db.entries.get(key))?.view?.text).toBe(`step ${i}: failover started`);
  }
  return latencies;
}

describe('a folder target, live', () => {
  beforeEach(() => {
    // The scheduler listens for 'online' on the page's window.
    vi.stubGlobal('window', new EventTarget());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it(`an entry written on laptop A is on laptop B within 3 s, ${ENTRIES} times, by the watcher alone`, async () => {
    const world = await folderWorld();
    const a = await joinTarget(world, 0, 'Ana');
    const b = await joinTarget(world, 1, 'Ben');
    await actions(a, 'Ana').declare(INCIDENT, 'Checkout down');
    await a.sync();
    const desktop = desktopBridge('native');
    onTestFinished(() => desktop.close());
    const stop = new SyncScheduler(b.db, desktop.bridge).start();
    let latencies: number[];
    try {
      latencies = await entriesReachB(a, b, desktop);
    } finally {
      stop();
      // A round the last change started finishes before the databases go.
      await until('B idle', () => useSyncActivity.getState().running[TARGET_ID] !== true, 5000);
    }
    expect(Math.max(...latencies)).toBeLessThan(3000);
  });
});
