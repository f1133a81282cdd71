import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';

/*
 * The board's clocks beyond the status-update cadence: the regulator's 72 h clock a person turns
 * on, the resolution target, escalation after mitigation, and the post-mortem deadline.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const boardRow = (page: Page, title: string) => page.getByRole('table').getByRole('row').filter({ hasText: title });
const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });

async function toBoard(page: Page) {
  await page.getByRole('link', { name: 'War Room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
}

async function openIncident(page: Page, title: string) {
  await boardRow(page, title).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('personal data marked on an availability incident: the 72 h clock runs from the corrected detection time, shows on the board, stops when the regulator notice is recorded; all logged and exported', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Customer export sent to wrong tenant', 'P2 · Medium', 'Availability');
  await toBoard(page);
  // Not forced on, nor impossible, by the type: nothing until a person decides.
  await expect(boardRow(page, 'Customer export sent to wrong tenant').getByRole('cell').last()).toHaveText('—');

  await openIncident(page, 'Customer export sent to wrong tenant');
  await page.getByText('Personal data · not marked').click();
  await page.getByLabel('Personal data involved?').selectOption({ label: 'Yes' });
  await expect(page.getByText(/^Regulator notice due by .*\(72 h 00 min left\), 72 h from declaration$/)).toBeVisible();
  // Awareness was two hours before the declaration: correcting the detected time moves the deadline.
  await page.getByText('Key times · detection time not set').click();
  await page.getByLabel('Correct').selectOption({ label: 'Detected' });
  await page.getByLabel('to (local time; empty clears)').fill('-120m');
  await page.getByRole('button', { name: 'Set time' }).click();
  await expect(page.getByText(/^Regulator notice due by .*\((70 h 0[01]|69 h 59) min left\), 72 h from detection$/)).toBeVisible();
  await expect(timeline(page).getByRole('listitem').filter({ hasText: 'Personal data involved: yes' })).toContainText('Ivy Commander');

  await toBoard(page);
  await expect(boardRow(page, 'Customer export sent to wrong tenant')).toContainText(/72 h notice in (70 h 0[01]|69 h 59) min/);
  await page.clock.fastForward(59 * HOUR);
  await expect(boardRow(page, 'Customer export sent to wrong tenant')).toContainText(/◷ 72 h notice in 1[01] h 0\d min/);

  await openIncident(page, 'Customer export sent to wrong tenant');
  await page.getByText(/^Personal data · regulator notice due in/).click();
  await page.locator('#regulator-notice-first').fill('ICO');
  await page.locator('#regulator-notice-second').fill('CASE-2026-118');
  await page.getByRole('button', { name: 'Record regulator notice' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Regulator notified .*: ICO, reference CASE-2026-118$/ })).toBeVisible();
  await page.locator('#individuals-notice-first').fill('email to the 1,204 affected customers');
  await page.locator('#individuals-notice-second').fill('MSG-77');
  await page.getByRole('button', { name: 'Record individuals notice' }).click();
  await expect(timeline(page).getByRole('listitem').filter({ hasText: /Regulator notified at .* UTC: ICO, reference CASE-2026-118/ })).toContainText('Ivy Commander');
  await expect(timeline(page).getByRole('listitem').filter({ hasText: /Affected individuals notified at .* UTC: email to the 1,204 affected customers, reference MSG-77/ })).toBeVisible();

  await toBoard(page);
  await expect(boardRow(page, 'Customer export sent to wrong tenant')).toContainText('✓ Regulator notified');
  await page.clock.fastForward(24 * HOUR);
  await expect(boardRow(page, 'Customer export sent to wrong tenant')).toContainText('✓ Regulator notified');

  await openIncident(page, 'Customer export sent to wrong tenant');
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const file = readFileSync((await (await downloaded).path())!, 'utf8');
  expect(file).toContain('## Personal data and notifications');
  expect(file).toContain('| Personal data involved | yes |');
  expect(file).toMatch(/\| Regulator deadline \(72 h from detection\) \| 2026-11-26 07:00 UTC: notified within 72 h \|/);
  expect(file).toContain('| Authority | ICO |');
  expect(file).toContain('| Regulator reference | CASE-2026-118 |');
  expect(file).toContain('| How and whom | email to the 1,204 affected customers |');
  expect(file).toContain('| Individuals notice reference | MSG-77 |');
  expect(errors).toEqual([]);
});

test('marking personal data not involved after it was is possible and logged; a security incident nobody marked asks', async ({ page }) => {
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Suspicious admin login', 'P1 · High', 'Security');
  await toBoard(page);
  await expect(boardRow(page, 'Suspicious admin login')).toContainText('Personal data? Not decided');
  await openIncident(page, 'Suspicious admin login');
  await page.getByText('Personal data · not decided').click();
  await page.getByLabel('Personal data involved?').selectOption({ label: 'Yes' });
  await expect(page.getByText(/^Personal data · regulator notice due in/)).toBeVisible();
  await page.getByLabel('Personal data involved?').selectOption({ label: 'No' });
  await expect(page.getByText('Personal data · not involved')).toBeVisible();
  await expect(timeline(page).getByRole('listitem').filter({ hasText: 'Personal data involved: no (was yes). No regulator notice clock' })).toContainText('Ivy Commander');
  await toBoard(page);
  await expect(boardRow(page, 'Suspicious admin login').getByRole('cell').last()).toHaveText('—');
});

test('the resolution target of the level is a board clock: pending, then missed, then "Resolved late"', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Search is slow', 'P1 · High', 'Performance');
  await toBoard(page);
  await expect(boardRow(page, 'Search is slow')).toContainText('Resolve within 1 h 00 min');
  await page.clock.fastForward(61 * MINUTE);
  await expect(boardRow(page, 'Search is slow')).toContainText(/⚠ Resolution target [12] min overdue/);
  await openIncident(page, 'Search is slow');
  await page.getByLabel('Status').selectOption({ label: 'Resolved' });
  await toBoard(page);
  await page.getByRole('radio', { name: 'Resolved' }).click();
  await expect(boardRow(page, 'Search is slow')).toContainText('Resolved late');
});

test("the team's scheme carries each level's resolution target and post-mortem deadline, validated, and the board follows it", async ({ page }) => {
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Search is slow', 'P1 · High', 'Performance');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  // The plans' numbers are there to start from.
  await expect(settings.getByLabel('P1 resolution target')).toHaveValue('60');
  await expect(settings.getByLabel('P0 post-mortem deadline')).toHaveValue('24');
  await expect(settings.getByLabel('P3 post-mortem deadline')).toHaveValue('');
  await settings.getByLabel('P1 resolution target').fill('0');
  await settings.getByLabel('P1 post-mortem deadline').fill('1.5');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('alert')).toContainText('Level P1: resolutionTargetMinutes must be a whole number of minutes, at least 1');
  await expect(settings.getByRole('alert')).toContainText('Level P1: postmortemDueHours must be a whole number of hours, at least 1');
  await settings.getByLabel('P1 resolution target').fill('90');
  await settings.getByLabel('P1 post-mortem deadline').fill('48');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  await toBoard(page);
  await expect(boardRow(page, 'Search is slow')).toContainText(/Resolve within 1 h (30|29) min/);
});

test('escalation continues after mitigation while the incident is unresolved', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Checkout errors for EU', 'P1 · High', 'Availability');
  await page.clock.fastForward('10:00');
  // Monitoring stamps the mitigation time; the incident is not resolved.
  await page.getByLabel('Status').selectOption({ label: 'Monitoring' });
  await expect(timeline(page).getByRole('listitem').filter({ hasText: 'Status: Investigating → Monitoring (mitigated' })).toBeVisible();
  await toBoard(page);
  await expect(boardRow(page, 'Checkout errors for EU')).toContainText(/Technical lead in (20|19) min/);
  await page.clock.fastForward('21:00');
  await expect(boardRow(page, 'Checkout errors for EU')).toContainText(/CTO in (29|30) min/);
  await openIncident(page, 'Checkout errors for EU');
  await page.getByLabel('Status').selectOption({ label: 'Resolved' });
  await toBoard(page);
  await page.getByRole('radio', { name: 'Resolved' }).click();
  await expect(boardRow(page, 'Checkout errors for EU')).toContainText('Escalated to Technical lead');
});

test('a P0 post-mortem is due 24 h after resolution: listed under "Post-mortems due", overdue after, gone once marked complete', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Full outage', 'P0 · Critical', 'Availability');
  await page.getByLabel('Status').selectOption({ label: 'Resolved' });
  await toBoard(page);
  const due = page.getByRole('region', { name: /Post-mortems due/ });
  await expect(due.getByRole('listitem').filter({ hasText: 'Full outage' })).toContainText(/due in 2[34] h/);
  await page.clock.fastForward(25 * HOUR);
  await expect(due.getByRole('heading')).toHaveText('Post-mortems due · 1 overdue');
  await expect(due.getByRole('listitem').filter({ hasText: 'Full outage' })).toContainText(/⚠ 1 h 0\d min overdue/);

  await due.getByRole('link', { name: 'Full outage' }).click();
  await expect(page.getByText(/^Post-mortem due by .* overdue\)$/)).toBeVisible();
  await page.getByRole('button', { name: 'Mark post-mortem complete' }).click();
  await expect(page.getByText(/^Post-mortem complete \(marked /)).toBeVisible();
  await toBoard(page);
  await expect(page.getByRole('region', { name: /Post-mortems due/ })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Resolved' }).click();
  await openIncident(page, 'Full outage');
  await expect(timeline(page).getByRole('listitem').filter({ hasText: 'Post-mortem marked complete' })).toContainText('Ivy Commander');
});
