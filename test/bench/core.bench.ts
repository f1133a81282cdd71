import type { Page } from '@playwright/test';
import { createOp, type Op, parseOp, foldOps } from '../../shared/entities/index.ts';
import { freshDeviceState, type DeviceState } from '../../shared/ops/createOp.ts';
import { verifyChains } from '../../shared/ops/chain.ts';
import { bestOf, percentile, row, type BenchRow } from './stats.ts';

const T = Date.UTC(2026, 10, 23, 8, 0, 0);

function makeOps(count: number): Op[] {
  let state: DeviceState = freshDeviceState('0123456789abcdef');
  const ops: Op[] = [];
  for (let i = 0; i < count; i += 1) {
    const made = createOp(state, { actor: 'Bench', incident: 'inc-bench0', kind: 'entry.add', data: { entry: `ent-${String(i).padStart(8, '0')}`, fields: { text: `entry ${i}`, kind: 'note', eventAt: new Date(T + i * 1000).toISOString(), pinned: false, tags: [] } } }, T + i);
    state = made.state;
    ops.push(made.op);
  }
  return ops;
}

/** Foundation figures: the cost of an op's journey against the plainest way to do the same I/O. */
export async function coreBench(page: Page): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const n = 300;
  const raw = await page.evaluate((count) => window.bench.rawPutSamples(count), n);
  const commits = await page.evaluate((count) => window.bench.commitSamples(count), n);
  const rawP95 = percentile(raw, 95);
  rows.push(row('core: commit p95 (op + chain + materialize, one txn, IndexedDB)', percentile(commits, 95), 'ms', rawP95, '≤ 3× raw Dexie put p95', (_v, r) => r !== null && r <= 3));

  const ops = makeOps(20_000);
  const text = ops.map((op) => JSON.stringify(op)).join('\n');
  const parseOnly = await bestOf(3, () => text.split('\n').map((line) => JSON.parse(line) as unknown));
  const validateAndFold = await bestOf(3, () => {
    const parsed = text.split('\n').map((line) => parseOp(JSON.parse(line)));
    const valid = parsed.flatMap((p) => (p.status === 'ok' ? [p.op] : []));
    verifyChains(valid);
    foldOps(valid);
  });
  rows.push(row('core: ingest 20k ops (parse + zod + hash chain + fold)', validateAndFold, 'ms', parseOnly, '≤ 40× bare JSON.parse', (_v, r) => r !== null && r <= 40));
  return rows;
}
