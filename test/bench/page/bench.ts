import { WarRoomDb } from '../../../renderer/db/database.ts';
import { commit } from '../../../renderer/db/commit.ts';
import { createOp } from '../../../shared/entities/index.ts';
import { freshDeviceState } from '../../../shared/ops/createOp.ts';
import { db as appDb } from './benchApp.ts';
import { mountBoard, mountDisplayBoard, seedBoard, seedOperatorOnly } from './boardBench.ts';
import { ingestBench } from './syncBench.ts';
import { armEnter, armed_, armRawEnter, backToBoard, mountRawScribe, BENCH_INCIDENT, domRowCount, isStored, mountApp, openIncident, searchFor, seedTimeline, SHORT_INCIDENT } from './timelineBench.ts';

/**
 * Runs inside Chromium with real IndexedDB; the runner calls these through page.evaluate.
 * Each scenario returns raw samples (ms); the runner computes percentiles.
 */
const iso = (ms: number) => new Date(ms).toISOString();

async function freshDb(name: string): Promise<WarRoomDb> {
  await new WarRoomDb(name).delete();
  const db = new WarRoomDb(name);
  await db.open();
  return db;
}

/** Commit n entry ops one at a time (op + materialize in one transaction), timing each. */
async function commitSamples(n: number): Promise<number[]> {
  const db = await freshDb('bench-commit');
  await commit(db, { actor: 'Bench', incident: 'inc-bench0', kind: 'incident.declare', data: { title: 'Bench', severity: 'P1', type: 'data', declaredAt: iso(Date.now()) } });
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await commit(db, { actor: 'Bench', incident: 'inc-bench0', kind: 'entry.add', data: { entry: `ent-${String(i).padStart(8, '0')}`, fields: { text: `entry ${i}: checked the pool`, kind: 'note', eventAt: iso(Date.now()), pinned: false, tags: [] } } });
    samples.push(performance.now() - start);
  }
  db.close();
  return samples;
}

/** Baseline: a raw Dexie put of an op of the same shape, no materializing, no chain. */
async function rawPutSamples(n: number, fresh = true): Promise<number[]> {
  const db = fresh ? await freshDb('bench-raw') : new WarRoomDb('bench-raw');
  let state = freshDeviceState('0123456789abcdef');
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const made = createOp(state, { actor: 'Bench', incident: 'inc-bench0', kind: 'entry.add', data: { entry: `ent-${String(i).padStart(8, '0')}`, fields: { text: `entry ${i}: checked the pool`, kind: 'note', eventAt: iso(Date.now()), pinned: false, tags: [] } } }, Date.now());
    state = made.state;
    const start = performance.now();
    await db.ops.put(made.op);
    samples.push(performance.now() - start);
  }
  db.close();
  return samples;
}

/** The commit path alone (no UI) into the app's own database, e.g. after seeding 100k entries. */
async function appCommitSamples(n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await commit(appDb, { actor: 'Bench', incident: BENCH_INCIDENT, kind: 'entry.add', data: { entry: `ent-x${String(i).padStart(8, '0')}${Math.random().toString(36).slice(2, 6)}`, fields: { text: `entry ${i}`, kind: 'note', eventAt: iso(Date.now()), pinned: false, tags: [] } } });
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The incident ids the runner opens. */
const incidents = { long: BENCH_INCIDENT, short: SHORT_INCIDENT };

const api = { incidents, ingestBench, armRawEnter, mountRawScribe, seedBoard, seedOperatorOnly, appCommitSamples, commitSamples, rawPutSamples, seedTimeline, mountApp, openIncident, backToBoard, domRowCount, armEnter, armed: armed_, isStored, searchFor };
declare global {
  interface Window {
    bench: typeof api;
  }
}
window.bench = api;
// ?mount=board (the app on its board) or ?mount=display (the second window's board): this page load is the measurement.
const mount = new URLSearchParams(window.location.search).get('mount');
if (mount === 'board') mountBoard();
if (mount === 'display') mountDisplayBoard();
document.title = 'ready';
