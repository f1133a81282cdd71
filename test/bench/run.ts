import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { boardBench } from './board.bench.ts';
import { cliBench } from './cli.bench.ts';
import { coreBench } from './core.bench.ts';
import { exportBench } from './export.bench.ts';
import { liveBench } from './live.bench.ts';
import { scaleBench } from './scale.bench.ts';
import { gitBench, syncBench } from './sync.bench.ts';
import { timelineBench } from './timeline.bench.ts';
import type { BenchRow } from './stats.ts';

/**
 * `npm run bench`: every figure beside a baseline measured in the same run (the machines are
 * noisy, so ratios are what the targets judge). Writes test/bench/results.json.
 */
const config = fileURLToPath(new URL('./vite.bench.config.ts', import.meta.url));
await build({ configFile: config });
const server = await preview({ configFile: config });
const executablePath = process.env['WARROOM_CHROMIUM'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});

const rows: BenchRow[] = [];
try {
  const open = async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The app's database is picked by ?db=, so the real app below runs on a bench profile.
    await page.goto(`${server.resolvedUrls!.local[0]!}?db=bench-app`);
    await page.waitForFunction(() => document.title === 'ready');
    return page;
  };
  if (!process.env['BENCH_ONLY'] || process.env['BENCH_ONLY'] === 'core') rows.push(...(await coreBench(await open())));
  if (!process.env['BENCH_ONLY'] || process.env['BENCH_ONLY'] === 'timeline') rows.push(...(await timelineBench(await open())));
  if (!process.env['BENCH_ONLY'] || process.env['BENCH_ONLY'] === 'board')
    rows.push(...(await boardBench(browser, server.resolvedUrls!.local[0]!)));
  if (!process.env['BENCH_ONLY'] || process.env['BENCH_ONLY'] === 'sync') rows.push(...(await syncBench(browser, server.resolvedUrls!.local[0]!)));
  if (process.env['BENCH_ONLY'] === 'git') rows.push(...(await gitBench()));
  if (!process.env['BENCH_ONLY'] || process.env['BENCH_ONLY'] === 'export') rows.push(...(await exportBench()));
  if (!process.env['BENCH_ONLY'] || process.env['BENCH_ONLY'] === 'cli') rows.push(...(await cliBench()));
  if (!process.env['BENCH_ONLY'] || process.env['BENCH_ONLY'] === 'live') rows.push(...(await liveBench()));
  if (!process.env['BENCH_ONLY'] || process.env['BENCH_ONLY'] === 'scale') rows.push(...(await scaleBench()));
} finally {
  await browser.close();
  await server.close();
}

const pad = (text: string, width: number) => text.padEnd(width);
console.log(`\n${pad('figure', 70)} ${pad('value', 12)} ${pad('baseline', 12)} ${pad('ratio', 8)} ${pad('target', 30)} pass`);
for (const r of rows) {
  console.log(`${pad(r.name, 70)} ${pad(`${r.value} ${r.unit}`, 12)} ${pad(r.baseline === null ? '—' : `${r.baseline} ${r.unit}`, 12)} ${pad(r.ratio === null ? '—' : `${r.ratio}×`, 8)} ${pad(r.target, 30)} ${r.pass ? 'yes' : 'NO'}`);
}
writeFileSync(fileURLToPath(new URL('./results.json', import.meta.url)), `${JSON.stringify(rows, null, 2)}\n`);
if (rows.some((r) => !r.pass)) process.exitCode = 1;
