import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, openAs, startRunbook, storedDraft } from './support/app.ts';

const injectItem = (page: Page, text: string) => page.getByRole('list', { name: 'Injects' }).getByRole('listitem').filter({ hasText: text });
const scenarioTime = (page: Page) => page.getByLabel('Scenario time');

test('a facilitator runs "Database connection pool exhausted" at 5×: injects come at the scaled times, pause holds them, resume continues, the report scores every expected action', async ({ page }) => {
  const errors = collectPageErrors(page);
  // The page's clock runs at real speed, and jumps when the test says so (runFor fires every timer on the way).
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Fran Facilitator');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Exercises' }).click();
  await page.getByRole('button', { name: 'Start exercise: Database connection pool exhausted' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facilitator console: Database connection pool exhausted' })).toBeVisible();
  await expect(page.getByRole('note').first()).toContainText('EXERCISE — NOT A REAL INCIDENT');

  // Every expected action takes the facilitator's tick, the automatic ones too (a discussion-only tabletop).
  await expect(page.getByRole('table', { name: 'Expected actions' }).getByRole('columnheader')).toHaveText(['Action', 'Status', 'Facilitator']);
  await page.getByRole('radio', { name: '5×' }).click();
  await expect(page.getByRole('radio', { name: '5×' })).toBeChecked();
  await page.getByRole('button', { name: 'Start exercise clock' }).click();
  await expect(page.getByText('Running at 5×')).toBeVisible();
  // T+00 is due at once.
  await expect(injectItem(page, 'Error rate above 5%')).toContainText('delivered by Fran Facilitator');
  await expect(injectItem(page, 'Connection pool at 100%')).not.toContainText('delivered');

  // T+05 at 5× is one real minute after the start: not yet after 55 s (T+04:35 and a little), there after 60 s.
  await page.clock.runFor(55_000);
  await expect(scenarioTime(page)).toHaveText(/^T\+04:[345]\d$/);
  await expect(injectItem(page, 'Connection pool at 100%')).toContainText('due in');
  await page.clock.runFor(5_000);
  await expect(injectItem(page, 'Connection pool at 100%')).toContainText('delivered');
  await expect(scenarioTime(page)).toHaveText(/^T\+05:\d\d$/);

  // The team responds, a little after T+05.
  await page.getByRole('link', { name: 'Incident and timeline' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'EXERCISE — NOT A REAL INCIDENT' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Severity' })).toHaveValue('P0');
  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Alert: Connection pool at 100% on db-primary (severity now P0)' })).toBeVisible();
  await page.getByText('Roles · no IC yet').click();
  await page.getByLabel('Role', { exact: true }).selectOption('incident-commander');
  await page.getByLabel('Person', { exact: true }).fill('Ines');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'IC: Ines' })).toBeVisible();
  await startRunbook(page, /^Database connection pool exhausted/);
  await expect(page.getByRole('region', { name: /^Runbook: Database connection pool exhausted/ })).toBeVisible();
  await page.getByRole('button', { name: 'Post status update' }).click();
  const update = page.getByRole('dialog', { name: 'Status update' });
  await update.getByLabel('Update').fill('INCIDENT UPDATE - P0\nStatus: Investigating\nProgress: a report query holds the pool');
  await update.getByRole('button', { name: 'Post update' }).click();
  await expect(update).toBeHidden();

  // Participants see the injects on the board, under an exercise banner.
  await page.getByRole('link', { name: 'War Room' }).click();
  const row = page.getByRole('table', { name: 'Incidents' }).getByRole('row').filter({ hasText: 'Exercise: Database connection pool exhausted' });
  await expect(row).toContainText('Latest inject: alert: Connection pool at 100% on db-primary');
  await expect(page.getByRole('note').filter({ hasText: 'EXERCISE IN PROGRESS' })).toBeVisible();

  // Pause: five real minutes pass and nothing comes.
  await page.getByRole('note').getByRole('link', { name: 'Database connection pool exhausted' }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  const pausedAt = await scenarioTime(page).textContent();
  const pausedMinutes = Number(/^T\+(\d\d):/.exec(pausedAt ?? '')?.[1]);
  expect(pausedMinutes).toBeLessThan(10);
  await page.clock.runFor(5 * 60_000);
  await expect(scenarioTime(page)).toHaveText(pausedAt!);
  await expect(injectItem(page, 'long-running report query')).toContainText('waiting');

  // Resume: T+10 comes (10 − paused scenario minutes) / 5 real minutes later, not before.
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('Running at 5×')).toBeVisible();
  const [m, s] = (pausedAt ?? '').slice(2).split(':').map(Number) as [number, number];
  const realMsToT10 = ((10 * 60 - (m * 60 + s)) * 1000) / 5;
  await page.clock.runFor(realMsToT10 - 4_000);
  await expect(injectItem(page, 'long-running report query')).toContainText('due in');
  await page.clock.runFor(5_000);
  await expect(injectItem(page, 'long-running report query')).toContainText('delivered');

  await page.getByRole('button', { name: 'End exercise' }).click();
  await expect(page.getByText('Ended', { exact: true })).toBeVisible();
  const expected = page.getByRole('table', { name: 'Expected actions' });
  await expect(expected.getByRole('row').filter({ hasText: 'severity set: P0' })).toContainText('Missed');
  await expect(expected.getByRole('row').filter({ hasText: 'role assigned: incident commander' })).toContainText(/Met at T\+05/);

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export after-action report' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^exercise-database-connection-pool-exhausted-after-action\.md$/);
  const report = readFileSync((await download.path())!, 'utf8');
  expect(report.split('\n')[0]).toBe('**EXERCISE — NOT A REAL INCIDENT**');
  for (const line of [
    /\| status update within 15 min \| ✅ met \| T\+05(:\d\d)? \|/,
    /\| checklist started: db-connection-pool-exhausted \| ✅ met \| T\+05(:\d\d)? \|/,
    /\| role assigned: incident commander \| ✅ met \| T\+05(:\d\d)? \|/,
    // The inject raised the severity; the team never set it itself.
    /\| severity set: P0 \| ❌ missed \| — \|/,
    /\| phase reached: containment \| ❌ missed \| — \|/,
    /\*\*Score: 60\/100\*\* \(3 of 5 expected actions met\)/,
    /\| Acknowledged \(P1 response target\) \(within 60 min\) \| ❌ missed \| not yet \|/,
    /\| T\+10(:0\d)? \| inject: New fact: A long-running report query has held 40 connections for 25 minutes \|/,
  ]) {
    expect(report).toMatch(line);
  }
  expect(report).toMatch(/### Database connection pool exhausted\n\n\| Phase \| Done \| Skipped \| Open \|/);

  // Real metrics leave the exercise out.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Metrics' }).click();
  await expect(page.getByText('0 real incidents; 1 exercise left out.', { exact: false })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an action only people can judge is ticked by the facilitator, by keyboard: it counts, survives a reload, and can be taken back', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Fran Facilitator');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Exercises' }).click();
  await page.getByRole('button', { name: 'Start exercise: Disk space full' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facilitator console: Disk space full' })).toBeVisible();

  const expected = page.getByRole('table', { name: 'Expected actions' });
  const row = expected.getByRole('row').filter({ hasText: 'Old logs and temporary files cleaned up' });
  const tick = row.getByRole('checkbox', { name: /^Met: Old logs and temporary files cleaned up/ });
  await expect(row).toContainText('Not yet (tick when done)');
  await expect(page.getByRole('heading', { name: /^Expected actions · 0 of \d+ met$/ })).toBeVisible();
  await tick.focus();
  await page.keyboard.press('Space');
  await expect(row).toContainText('Met (ticked by the facilitator)');
  await expect(page.getByRole('heading', { name: /^Expected actions · 1 of \d+ met$/ })).toBeVisible();

  await page.reload();
  await expect(tick).toBeChecked();
  await tick.focus();
  await page.keyboard.press('Space');
  await expect(tick).not.toBeChecked();
  await expect(row).toContainText('Not yet (tick when done)');
  await expect(page.getByRole('heading', { name: /^Expected actions · 0 of \d+ met$/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a scenario half-written when the facilitator leaves the page is kept; the library offers it back', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Fran Facilitator');
  const views = page.getByRole('navigation', { name: 'Views' });
  await views.getByRole('link', { name: 'Exercises' }).click();
  await page.getByRole('button', { name: 'New scenario' }).click();
  const source = page.getByLabel(/^Scenario \(Markdown/);
  const written = (await source.inputValue()).replace('# My scenario', '# Vendor outage').replace('What the players are told at the start.', 'The payment vendor stops answering at 09:');
  await source.fill(written);
  await expect.poll(() => storedDraft(page, 'edit:scenario')).toBe(JSON.stringify({ source: written }));
  await views.getByRole('link', { name: 'Metrics' }).click();
  await views.getByRole('link', { name: 'Exercises' }).click();

  const notice = page.getByRole('region', { name: 'Unsaved edit' });
  await expect(notice).toContainText('Your unsaved edit of the scenario “Vendor outage” was kept');
  await notice.getByRole('button', { name: 'Resume editing' }).click();
  await expect(source).toHaveValue(written);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a scenario written in the editor is refused with the line at fault, then saved; an imported JSON scenario with a bad field is refused naming it', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Fran Facilitator');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Exercises' }).click();
  await page.getByRole('button', { name: 'New scenario' }).click();
  const source = page.getByLabel(/^Scenario \(Markdown/);
  const text = await source.inputValue();
  await source.fill(text.replace('id: my-scenario', 'id: vendor-outage').replace('# My scenario', '# Vendor outage').replace('- T+10 customer:', '- T+10 rumour:'));
  await expect(page.getByRole('list', { name: 'Problems in the scenario' })).toContainText('line 14: inject kind "rumour" is not one of alert, fact, customer, executive, other');
  await expect(page.getByRole('button', { name: 'Save scenario' })).toBeDisabled();
  await source.fill((await source.inputValue()).replace('- T+10 rumour:', '- T+10 customer:'));
  await expect(page.getByRole('status')).toContainText('Valid: Vendor outage — 2 injects, 2 expected actions');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('button', { name: 'Start exercise: Vendor outage' })).toBeVisible();

  const bad = { id: 'bad-json', title: 'Bad JSON', briefing: 'x', type: 'availability', severity: 'P1', roles: ['scribe'], injects: [{ id: 'i1', at: -5, kind: 'alert', text: 'x' }], expected: [{ id: 'e1', text: 'x', check: { kind: 'manual' } }] };
  await page.getByLabel('Import scenario file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad, null, 2)) });
  await expect(page.getByRole('status')).toContainText('bad.json was not imported; nothing was changed');
  await expect(page.getByRole('list', { name: 'Problems in the imported file' })).toContainText('injects[0].at: at must be 0 or more minutes');
  await expect(page.getByRole('button', { name: 'Start exercise: Bad JSON' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
