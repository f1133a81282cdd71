import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from '@playwright/test';
import { exchange, listTarget, setUpTarget } from '../../electron/host/transports/index.ts';
import { commit } from '../../renderer/db/commit.ts';
import { WarRoomDb } from '../../renderer/db/database.ts';
import { createOp, runSyncRound } from '../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../shared/ops/createOp.ts';
import { dexieLocalStore } from '../../renderer/db/localStore.ts';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import { segmentPath } from '../../shared/sync/layout.ts';
import type { TargetPort } from '../../shared/sync/ports.ts';
import { encodeSegment } from '../../shared/sync/segment.ts';
import type { TargetConfig } from '../../shared/sync/wire.ts';
import { median, row, type BenchRow } from './stats.ts';

const run = promisify(execFile);
const git = (cwd: string, ...args: string[]) =>
  run('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, env: { ...process.env, LC_ALL: 'C' } });
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);
const SEGMENT = 1000;

function portOf(target: TargetConfig): TargetPort {
  return { list: () => listTarget(target), exchange: (request) => exchange(target, request) };
}

/** `devices` other laptops' histories of `perDevice` ops each, written as real 1000-op segments. */
async function fillTarget(root: string, devices: number, perDevice: number): Promise<Record<string, number>> {
  const cursors: Record<string, number> = {};
  for (let d = 0; d < devices; d += 1) {
    let state: DeviceState = freshDeviceState(`b0b0${String(d).padStart(12, '0')}`);
    let batch: OpEnvelope[] = [];
    for (let i = 1; i <= perDevice; i += 1) {
      const made = createOp(state, { actor: `Scribe ${d}`, incident: `inc-bench${String(d).padStart(4, '0')}`, kind: 'entry.add', data: { entry: `ent-${String(i).padStart(9, '0')}`, fields: { text: `entry ${i}: pool stats on db-${i % 7}`, kind: 'note', eventAt: new Date(T0 + i * 1000).toISOString(), pinned: false, tags: [] } } }, T0 + i);
      state = made.state;
      batch.push(made.op);
      if (batch.length === SEGMENT || i === perDevice) {
        const path = join(root, segmentPath(state.device, batch[0]!.seq, batch.at(-1)!.seq, false));
        await mkdir(join(path, '..'), { recursive: true });
        await writeFile(path, encodeSegment(batch));
        batch = [];
      }
    }
    cursors[state.device] = perDevice;
  }
  return cursors;
}

let dbCounter = 0;
/** A laptop with `count` new ops of its own that already holds everything on the target. */
async function laptopWithNewOps(count: number, cursors: Record<string, number>): Promise<{ db: WarRoomDb; store: ReturnType<typeof dexieLocalStore> }> {
  const db = new WarRoomDb(`bench-sync-${process.pid}-${dbCounter++}`);
  await commit(db, { actor: 'Ana', incident: 'inc-local001', kind: 'incident.declare', data: { title: 'Local', severity: 'P1', type: 'availability', declaredAt: new Date(T0).toISOString() } });
  for (let i = 1; i < count; i += 1) {
    await commit(db, { actor: 'Ana', incident: 'inc-local001', kind: 'entry.add', data: { entry: `ent-local${String(i).padStart(4, '0')}`, fields: { text: `line ${i}`, kind: 'note', eventAt: new Date(T0 + i).toISOString(), pinned: false, tags: [] } } });
  }
  await db.syncTargets.put({ id: 'tgt-bench', label: 'bench', config: { kind: 'folder', path: '/' }, createdAt: 0, cursors, pushedSeq: 0, lastAttemptAt: null, lastSuccessAt: null, lastFault: null, lastProblems: 0 });
  return { db, store: dexieLocalStore(db) };
}

/** Issue 5: pushing 10 new ops must not slow down as the target grows (cursors, not rescans). */
async function pushScaling(scratch: string): Promise<BenchRow> {
  const RUNS = 7;
  async function roundsOn(perDevice: number): Promise<number[]> {
    const root = join(scratch, `target-${perDevice}`);
    await mkdir(root);
    const target: TargetConfig = { kind: 'folder', path: root };
    const setUp = await setUpTarget(target);
    if (!setUp.ok) throw new Error(setUp.fault.message);
    const start = performance.now();
    const cursors = await fillTarget(root, 10, perDevice);
    console.log(`sync: wrote ${10 * perDevice} ops from 10 devices in ${Math.round(performance.now() - start)} ms`);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const { db, store } = await laptopWithNewOps(10, cursors);
      const begin = performance.now();
      const report = await runSyncRound(store, portOf(target), 'tgt-bench');
      samples.push(performance.now() - begin);
      if (!report.ok || report.pushed !== 10 || report.received !== 0) throw new Error(`unexpected round: ${JSON.stringify(report).slice(0, 300)}`);
      // The next laptop already holds this one's ops too: every round pushes 10 and reads none.
      cursors[(await store.device()).device] = 10;
      await db.delete();
    }
    return samples;
  }
  const small = await roundsOn(100);
  const large = await roundsOn(100_000);
  return row('sync: a round pushing 10 new ops, 1M ops from 10 devices on the target vs 1k (median of 7)', median(large), 'ms', median(small), '≤ 2× the time with 1k ops there', (_v, r) => r !== null && r <= 2);
}

/** One app round on a git remote vs the plain git CLI doing the same pull, add, commit, push. */
async function gitRound(scratch: string): Promise<BenchRow> {
  const RUNS = 7;
  const remote = join(scratch, 'remote.git');
  await run('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
  const target: TargetConfig = { kind: 'git', url: `file://${remote}`, branch: 'main', cloneDir: join(scratch, 'app-clone') };
  const setUp = await setUpTarget(target);
  if (!setUp.ok) throw new Error(setUp.fault.message);
  const plain = join(scratch, 'plain-clone');
  await run('git', ['clone', '--quiet', `file://${remote}`, plain]);
  const device = { device: 'a0a0a0a0a0a0a0a0', name: 'Bench laptop', createdAt: new Date(T0).toISOString(), app: 'bench' };
  let state: DeviceState = freshDeviceState(device.device);
  const app: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const ops: OpEnvelope[] = [];
    for (let k = 0; k < 10; k += 1) {
      const made = createOp(state, { actor: 'Ana', incident: 'inc-gitbench', kind: 'entry.add', data: { entry: `ent-g${String(i * 10 + k).padStart(6, '0')}`, fields: { text: `line ${k}`, kind: 'note', eventAt: new Date(T0).toISOString(), pinned: false, tags: [] } } }, T0 + i * 10 + k);
      state = made.state;
      ops.push(made.op);
    }
    const text = encodeSegment(ops);
    const first = ops[0]!.seq;
    const last = ops.at(-1)!.seq;

    let begin = performance.now();
    const listed = await listTarget(target);
    const sent = await exchange(target, { device, write: [{ first, last, text }], read: [] });
    app.push(performance.now() - begin);
    if (!listed.ok || !sent.ok) throw new Error('git round failed');

    begin = performance.now();
    await git(plain, 'pull', '--quiet', '--rebase', 'origin', 'main');
    const rel = `plain/${String(first).padStart(12, '0')}-${String(last).padStart(12, '0')}.jsonl`;
    await mkdir(join(plain, 'plain'), { recursive: true });
    await writeFile(join(plain, rel), text);
    await git(plain, 'add', rel);
    await git(plain, 'commit', '--quiet', '-m', `ops ${first}-${last}`);
    await git(plain, 'push', '--quiet', 'origin', 'HEAD:main');
    cli.push(performance.now() - begin);
  }
  return row('sync: one git round (fetch, rebase, write, add, commit, push) vs the git CLI doing the same (median of 7)', median(app), 'ms', median(cli), '≤ 1.5× the plain git CLI', (_v, r) => r !== null && r <= 1.5);
}

/** `BENCH_ONLY=git`: the git round alone. */
export async function gitBench(): Promise<BenchRow[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'warroom-bench-git-'));
  try {
    return [await gitRound(scratch)];
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Ingest of 100k ops, measured in Chromium on real IndexedDB (test/bench/page/syncBench.ts). */
async function ingest(browser: Browser, base: string): Promise<BenchRow> {
  const page = await browser.newPage();
  await page.goto(`${base}?db=bench-ingest`);
  await page.waitForFunction(() => document.title === 'ready');
  const result = await page.evaluate(() => window.bench.ingestBench(100_000));
  await page.close();
  console.log(`sync: ingest of 100k ops — round ${Math.round(result.ingestMs)} ms (decode ${Math.round(result.decodeMs)} ms) vs JSON.parse + bulkPut ${Math.round(result.rawMs)} ms`);
  return row('sync: ingest of 100k signed ops from a target (validate, hash-check, signature-check, apply, materialize) vs JSON.parse + Dexie bulkPut of the same bytes', result.ingestMs, 'ms', result.rawMs, '≤ 3× raw parse + bulkPut', (_v, r) => r !== null && r <= 3);
}

export async function syncBench(browser: Browser, base: string): Promise<BenchRow[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'warroom-bench-sync-'));
  try {
    return [await pushScaling(scratch), await ingest(browser, base), await gitRound(scratch)];
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
