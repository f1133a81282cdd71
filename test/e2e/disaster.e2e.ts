import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs, runbookOffer, startRunbook } from './support/app.ts';

/*
 * Disaster recovery: a disaster declared with its approver, the RTO clock from the declaration on
 * the board, the restore-priority runbook offered and started, the disaster stood down with a
 * reason; every step in the timeline and the post-mortem export.
 */

const MINUTE = 60_000;
const TITLE = 'Primary region lost';

const boardRow = (page: Page) => page.getByRole('table').getByRole('row').filter({ hasText: TITLE });
const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });

async function toBoard(page: Page) {
  await page.getByRole('link', { name: 'War Room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
}

async function openIncident(page: Page) {
  await boardRow(page).getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
}

test('a disaster declared with its approver: the RTO clock on the board, the restore runbook offered and started, stood down with a reason; all logged and exported', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, TITLE, 'P0 · Critical', 'Infrastructure');
  const restore = 'Disaster recovery: restore in priority order';
  // Not offered before a disaster is declared (it is among the others, as any runbook is).
  await expect(page.getByLabel('Start a runbook')).toBeVisible();
  await expect.poll(() => runbookOffer(page, restore)).toBe('other');

  // Twenty minutes into the incident, the CTO approves: the RTO counts from here, not the incident's start.
  await page.clock.fastForward(20 * MINUTE);
  await page.getByText('Disaster recovery · not declared').click();
  await page.getByLabel('Approved by (CTO or deputy)').fill('Dana Ruiz (CTO)');
  await expect(page.getByLabel('RTO (min)')).toHaveValue('60');
  await expect(page.getByLabel('RPO (min)')).toHaveValue('5');
  await page.getByRole('button', { name: 'Declare disaster' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Declared .*, approved by Dana Ruiz \(CTO\)\. RTO 60 min \(due by .*\), RPO 5 min\.$/ })).toBeVisible();
  await expect(page.getByText('Disaster · RTO 1 h 00 min left · RPO 5 min')).toBeVisible();
  await expect(timeline(page).getByRole('listitem').filter({ hasText: /Disaster declared at 2026-11-23 09:2\d UTC, approved by Dana Ruiz \(CTO\)\. RTO 60 min \(services due back by 2026-11-23 10:2\d UTC\), RPO 5 min/ })).toContainText('Ivy Commander');

  // The restore-priority runbook is now offered; started, it runs on the incident.
  await expect.poll(() => runbookOffer(page, restore)).toBe('offered');
  await startRunbook(page, restore);
  await expect(page.getByRole('region', { name: /^Runbook: Disaster recovery: restore in priority order/ })).toBeVisible();
  await expect.poll(() => runbookOffer(page, restore)).toBe('absent');

  await toBoard(page);
  await expect(boardRow(page)).toContainText(/Disaster · RTO (1 h 00|59) min left · RPO 5 min/);
  await page.clock.fastForward(55 * MINUTE);
  await expect(boardRow(page)).toContainText(/Disaster · RTO [45] min left · RPO 5 min/);
  await page.clock.fastForward(10 * MINUTE);
  await expect(boardRow(page)).toContainText(/Disaster · RTO [56] min overdue · RPO 5 min/);

  await openIncident(page);
  await page.getByText(/^Disaster · RTO \d+ min overdue/).click();
  await page.getByLabel('Stand-down reason').fill('Failover region serving; primary rebuilt from backups');
  await page.getByRole('button', { name: 'Stand down disaster' }).click();
  await expect(page.getByText('Disaster · stood down')).toBeVisible();
  await expect(timeline(page).getByRole('listitem').filter({ hasText: /Disaster stood down at .* UTC: Failover region serving; primary rebuilt from backups/ })).toContainText('Ivy Commander');
  await toBoard(page);
  await expect(boardRow(page)).toContainText('Disaster · stood down');

  await openIncident(page);
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const file = readFileSync((await (await downloaded).path())!, 'utf8');
  expect(file).toContain('## Disaster recovery');
  expect(file).toMatch(/\| Declared \| 2026-11-23 09:2\d UTC \|/);
  expect(file).toContain('| Approved by | Dana Ruiz (CTO) |');
  expect(file).toContain('| RTO | 60 min |');
  expect(file).toContain('| RPO | 5 min |');
  expect(file).toContain('| Services restored | not restored |');
  expect(file).toContain('| Stand-down reason | Failover region serving; primary rebuilt from backups |');
  expect(errors).toEqual([]);
});

test('a declaration without an approver is refused; services restored within the RTO stop the clock', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, TITLE, 'P0 · Critical', 'Infrastructure');
  await page.getByText('Disaster recovery · not declared').click();
  await page.getByLabel('Approved by (CTO or deputy)').fill('   ');
  await page.getByRole('button', { name: 'Declare disaster' }).click();
  await expect(page.getByText(/Disaster declaration: .*approvedBy/)).toBeVisible();
  await expect(page.getByText('Disaster recovery · not declared')).toBeVisible();

  await page.getByLabel('Approved by (CTO or deputy)').fill('Dana Ruiz (CTO)');
  await page.getByRole('button', { name: 'Declare disaster' }).click();
  await page.clock.fastForward(40 * MINUTE);
  await page.getByRole('button', { name: 'Services restored' }).click();
  await expect(page.getByText('Disaster · restored within the RTO')).toBeVisible();
  await expect(timeline(page).getByRole('listitem').filter({ hasText: /Services restored at .* UTC, within the RTO of 60 min/ })).toContainText('Ivy Commander');
  expect(errors).toEqual([]);
});
