import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';

// Key times are typed in local time: pin the zone so the test reads the same anywhere.
test.use({ timezoneId: 'UTC' });

/** The same key times on every incident of the first test: onset 09:10, detected 09:20, … resolved 10:50. */
const KEY_TIMES: [string, string][] = [
  ['Impact began', '2026-11-23 09:10'],
  ['Detected', '2026-11-23 09:20'],
  ['Acknowledged', '2026-11-23 09:40'],
  ['Mitigated', '2026-11-23 10:05'],
  ['Resolved', '2026-11-23 10:50'],
];
const EXPECTED = { 'Time to detect': '10 min', 'Time to acknowledge': '20 min', 'Time to mitigate': '45 min', 'Time to resolve': '1 h 30 min' };

async function setKeyTimes(page: Page, times: readonly [string, string][]): Promise<void> {
  const panel = page.getByRole('region', { name: 'Key times' });
  // The panel folds away under its summary; open it unless a previous incident left it open.
  if (!(await panel.isVisible())) await page.locator('summary').filter({ hasText: /^Key times/ }).click();
  for (const [field, value] of times) {
    await panel.getByLabel('Correct').selectOption({ label: field });
    await panel.getByLabel('to (local time; empty clears)').fill(value);
    await panel.getByRole('button', { name: 'Set time' }).click();
    await expect(panel.getByLabel('to (local time; empty clears)')).toHaveValue('');
  }
}

/** The Time column of a Markdown metrics table (post-mortem and after-action report alike). */
function markdownMetrics(markdown: string): Record<string, string> {
  const rows = markdown.split('\n').filter((line) => /^\| Time to (detect|acknowledge|mitigate|resolve) \|/.test(line));
  return Object.fromEntries(rows.map((line) => line.split(' | ')).map((cells) => [cells[0]!.slice(2), cells.at(-1)!.replace(/ \|$/, '')]));
}

const fileOf = async (download: Promise<Download>) => readFileSync((await (await download).path())!, 'utf8');

test('one incident with known times: the Metrics page, the post-mortem (page and export) and an exercise’s after-action report give the same numbers', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
  const incidentUrl = page.url();

  // An exercise rehearsing it, its clock at 1× from 09:00.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Exercises' }).click();
  await page.getByRole('button', { name: 'Start exercise: Database connection pool exhausted' }).click();
  await expect(page.getByRole('radio', { name: '1×' })).toBeChecked();
  await page.getByRole('button', { name: 'Start exercise clock' }).click();
  await expect(page.getByText('Running at 1×')).toBeVisible();
  const consoleUrl = page.url();
  await page.getByRole('link', { name: 'Incident and timeline' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'EXERCISE — NOT A REAL INCIDENT' })).toBeVisible();
  const drillUrl = page.url();

  await page.clock.fastForward('02:00:00');
  await setKeyTimes(page, KEY_TIMES);
  await page.goto(incidentUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout returns 500 for EU users' })).toBeVisible();
  await setKeyTimes(page, KEY_TIMES);

  // The Metrics page: the one real incident's means are its own spans.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Metrics' }).click();
  await expect(page.getByText('1 real incident; 1 exercise left out.', { exact: false })).toBeVisible();
  const means = page.getByRole('table', { name: 'Means per severity' });
  await expect(means.getByRole('columnheader')).toHaveText(['Severity', 'Incidents', ...Object.keys(EXPECTED), 'Within response target']);
  await expect(means.getByRole('row').filter({ hasText: 'P1' }).getByRole('cell')).toHaveText(['1', ...Object.values(EXPECTED), '100% (1 of 1)']);

  // The post-mortem page shows the rows its export writes.
  await page.goto(incidentUrl);
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  const table = page.getByRole('table', { name: 'Response metrics' });
  for (const [label, value] of Object.entries(EXPECTED)) await expect(table.getByRole('row').filter({ hasText: label }).getByRole('cell').last()).toHaveText(value);
  await expect(table.getByRole('row').filter({ hasText: 'Time to acknowledge' })).toContainText('Detected, 2026-11-23 09:20 UTC');
  // Within the response target, as the Metrics page's 100% (1 of 1) says.
  await expect(table.getByRole('row').filter({ hasText: 'Within response target' }).getByRole('cell').last()).toHaveText('met (P1 target: 1 h 00 min)');
  const postmortem = fileOf(page.waitForEvent('download'));
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const postmortemText = await postmortem;
  expect(markdownMetrics(postmortemText)).toEqual(EXPECTED);
  expect(postmortemText).toContain('| met (P1 target: 1 h 00 min) |');

  // The after-action report of the exercise with the same times.
  await page.goto(consoleUrl);
  await page.getByRole('button', { name: 'End exercise' }).click();
  await expect(page.getByText('Ended', { exact: true })).toBeVisible();
  const report = fileOf(page.waitForEvent('download'));
  await page.getByRole('button', { name: 'Export after-action report' }).click();
  const reportText = await report;
  expect(markdownMetrics(reportText)).toEqual(EXPECTED);
  expect(reportText).toMatch(/\| Acknowledged \(P1 response target\) \(within 60 min\) \| ✅ met \|/);

  // And the exercise's own post-mortem agrees with its report.
  await page.goto(drillUrl);
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  const drillPostmortem = fileOf(page.waitForEvent('download'));
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  expect(markdownMetrics(await drillPostmortem)).toEqual(EXPECTED);
  expect(errors).toEqual([]);
});

test('metrics by period and type, by keyboard; incidents per month per severity in the chart’s table', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  // Three incidents: a P1 availability one today, a P2 security one that started 60 days ago, a P1 availability one 200 days ago.
  await declareByKeyboard(page, 'Checkout down', 'P1 · High', 'Availability');
  await setKeyTimes(page, [
    ['Detected', '2026-11-23 08:50'],
    ['Acknowledged', '2026-11-23 09:00'],
  ]);
  await declareByKeyboard(page, 'Leaked token', 'P2 · Medium', 'Security');
  await setKeyTimes(page, [
    ['Detected', '2026-09-24 08:00'],
    ['Acknowledged', '2026-09-24 09:00'],
  ]);
  await declareByKeyboard(page, 'Old outage', 'P1 · High', 'Availability');
  await setKeyTimes(page, [
    ['Declared', '2026-05-07 12:00'],
    ['Acknowledged', '2026-05-07 12:30'],
  ]);

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Metrics' }).click();
  const period = page.getByRole('combobox', { name: 'Period' });
  const type = page.getByRole('combobox', { name: 'Type' });
  const means = page.getByRole('table', { name: 'Means per severity' });
  const row = (severity: string) => means.getByRole('row').filter({ has: page.getByRole('rowheader', { name: severity }) });
  await expect(period).toHaveValue('all');
  await expect(row('P1').getByRole('cell').first()).toHaveText('2');
  await expect(row('P1').getByRole('cell').nth(2)).toHaveText('20 min');
  await expect(row('P2').getByRole('cell').nth(2)).toHaveText('1 h 00 min');

  // Every month from the oldest incident's to now, empty ones too.
  const monthly = page.getByRole('table', { name: 'Incidents per month (UTC), by severity' });
  await expect(monthly.getByRole('rowheader')).toHaveText(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  await expect(monthly.getByRole('columnheader')).toHaveText(['Month', 'P1', 'P2', 'Total']);
  await expect(monthly.getByRole('row').filter({ hasText: '2026-09' }).getByRole('cell')).toHaveText(['0', '1', '1']);
  await expect(monthly.getByRole('row').filter({ hasText: '2026-11' }).getByRole('cell')).toHaveText(['1', '0', '1']);
  const axe = await new AxeBuilder({ page }).include('.metrics').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The keyboard picks the period: last 90 days leaves the May outage out.
  await period.focus();
  await page.keyboard.press('ArrowUp');
  await expect(period).toHaveValue('90d');
  await expect(page.getByText('2 real incidents; 0 exercises left out. Last 90 days, every type.')).toBeVisible();
  await expect(row('P1').getByRole('cell').first()).toHaveText('1');
  await expect(row('P1').getByRole('cell').nth(2)).toHaveText('10 min');
  await expect(monthly.getByRole('rowheader')).toHaveText(['2026-08', '2026-09', '2026-10', '2026-11']);

  await period.selectOption({ label: 'Last 30 days' });
  await expect(means.getByRole('rowheader')).toHaveText(['P1']);
  await expect(monthly.getByRole('rowheader')).toHaveText(['2026-10', '2026-11']);

  // By type: all time, security only.
  await period.selectOption({ label: 'All time' });
  await type.focus();
  await type.selectOption({ label: 'Security' });
  await expect(page.getByText('1 real incident; 0 exercises left out. All time, security.')).toBeVisible();
  await expect(means.getByRole('rowheader')).toHaveText(['P2']);
  await expect(monthly.getByRole('columnheader')).toHaveText(['Month', 'P2', 'Total']);
  await type.selectOption({ label: 'Data' });
  await expect(page.getByText('No real incidents in this selection.')).toBeVisible();
  expect(errors).toEqual([]);
});
