import type { Page } from '@playwright/test';
import { percentile, row, type BenchRow } from './stats.ts';

const ENTRIES = 100_000;
const SAMPLES = 60;

/**
 * Issue 3's figures, on the real app with 100k entries in the incident: Enter → entry durable
 * and visible, against a raw Dexie put in the same page; DOM rows; search.
 */
export async function timelineBench(page: Page): Promise<BenchRow[]> {
  const { seedMs } = await page.evaluate((n) => window.bench.seedTimeline(n), ENTRIES);
  console.log(`timeline: seeded ${ENTRIES} entries in ${Math.round(seedMs)} ms`);
  const loadStart = Date.now();
  await page.evaluate(() => window.bench.mountApp());
  await page.getByText(`${ENTRIES.toLocaleString('en-US').replace(/,/g, '')} entries`).waitFor({ timeout: 120_000 });
  const loadMs = Date.now() - loadStart;
  const box = page.getByRole('textbox', { name: 'New timeline entry' });
  await box.waitFor();
  await box.focus();

  const enter: number[] = [];
  const durable: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const text = `bench line ${i} pool stats`;
    await page.keyboard.type(text);
    await page.evaluate((t) => window.bench.armEnter(t), text);
    await page.keyboard.press('Enter');
    const timing = await page.evaluate(() => window.bench.armed());
    enter.push(timing.visible);
    durable.push(timing.durable);
    if (!(await page.evaluate((t) => window.bench.isStored(t), text))) throw new Error(`"${text}" was shown but is not in IndexedDB`);
  }
  const raw = await page.evaluate((n) => window.bench.rawPutSamples(n), SAMPLES * 3);
  const enterP95 = percentile(enter, 95);
  const rawP95 = percentile(raw, 95);
  const rows = await page.evaluate(() => window.bench.domRowCount());

  const searches: number[] = [];
  for (const query of ['rollback cache', 'customer', 'entry 99999', 'zzz-no-match', 'heap paged']) {
    searches.push((await page.evaluate((q) => window.bench.searchFor(q), query)).ms);
    await page.evaluate(() => window.bench.searchFor(''));
  }
  return [
    row(`timeline: Enter → durable + visible p95 (${ENTRIES / 1000}k entries)`, enterP95, 'ms', rawP95, '≤ 50 ms and ≤ 3× raw Dexie put p95', (v, r) => v <= 50 && r !== null && r <= 3),
    row(`timeline: Enter → durable p95 (${ENTRIES / 1000}k entries)`, percentile(durable, 95), 'ms', rawP95, 'part of the figure above', () => true),
    row(`timeline: DOM rows with ${ENTRIES / 1000}k entries`, rows, 'rows', null, '≤ 300', (v) => v <= 300),
    row(`timeline: search over ${ENTRIES / 1000}k entries, typed → shown (worst of 5)`, Math.max(...searches), 'ms', null, '≤ 150 ms', (v) => v <= 150),
    row(`timeline: open incident with ${ENTRIES / 1000}k entries`, loadMs, 'ms', null, 'informational (≤ 5000 ms)', (v) => v <= 5000),
  ];
}
