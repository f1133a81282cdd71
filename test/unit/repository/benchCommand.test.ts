/**
 * `npm run bench` as the README documents it, on its smallest group (`BENCH_ONLY=export`): the
 * build, the bench page, Chromium and the table run end to end, and test/bench/results.json holds
 * one row per figure in the documented shape. The figures themselves are judged by the bench,
 * not here: a loaded test machine may miss a target, which the exit code then reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const RESULTS = join(repoRoot, 'test/bench/results.json');

const Row = z
  .object({
    name: z.string().startsWith('export: '),
    value: z.number().nonnegative(),
    unit: z.string().min(1),
    baseline: z.number().positive().nullable(),
    ratio: z.number().nonnegative().nullable(),
    target: z.string().min(1),
    pass: z.boolean(),
  })
  .strict();

describe('npm run bench', () => {
  it('BENCH_ONLY=export builds, runs and writes results.json rows {name, value, unit, baseline, ratio, target, pass}', () => {
    // A developer's own full results are put back afterwards.
    const kept = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : null;
    rmSync(RESULTS, { force: true });
    try {
      const run = spawnSync('npm', ['run', 'bench'], { cwd: repoRoot, env: { ...process.env, BENCH_ONLY: 'export' }, encoding: 'utf8', timeout: 280_000 });
      const said = `${run.stdout}\n${run.stderr}`;
      expect(run.status, said).not.toBeNull();
      expect(existsSync(RESULTS), said).toBe(true);
      const rows = z.array(Row).min(1).parse(JSON.parse(readFileSync(RESULTS, 'utf8')));
      // The exit code is the table's verdict: 0 when every row passes, 1 when one does not.
      expect(run.status, said).toBe(rows.every((r) => r.pass) ? 0 : 1);
      for (const r of rows) {
        expect(run.stdout).toContain(r.name.slice(0, 60));
        if (r.baseline !== null) expect(r.ratio).toBeCloseTo(r.value / r.baseline, 2);
      }
    } finally {
      if (kept === null) rmSync(RESULTS, { force: true });
      else writeFileSync(RESULTS, kept);
    }
  }, 300_000);
});
