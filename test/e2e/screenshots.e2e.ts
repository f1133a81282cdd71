import { expect, test } from '@playwright/test';
import { createNewerProfile, declareByKeyboard, openAs, startRunbook } from './support/app.ts';

/**
 * Renders the main screens in every theme to test-results/screenshots/ so a person can look at
 * them (`npm run screenshots`). It runs with the rest of the suite too, so a screen this script
 * can no longer reach (a renamed control) fails `npm test` rather than the next person's look.
 */

const LINES = [
  '@-42m /e PagerDuty: api p99 latency > 5s #alert',
  '@-40m /a Ana paged as IC, Ben as tech lead',
  '@-35m /f connection pool at 100% on db-primary #db',
  '@-30m /d roll back api to v41 #rollback',
  '@-28m /c status page: investigating elevated errors',
  '@-20m /x grafana snapshot saved to evidence/pool.png',
  '@-12m error rate falling, 2% and dropping',
  '/c update #2 sent to #incident-response\nNext update in 30 min',
];

test('screens in dark and light themes', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAs(page, 'Ana Scribe');
  await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
  await declareByKeyboard(page, 'Disk full on db-3', 'P2 · Medium', 'Infrastructure');
  await declareByKeyboard(page, 'Customer data exposed via export API', 'P0 · Critical', 'Security');
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await declareByKeyboard(page, 'Database connection pool exhausted', 'P0 · Critical', 'Availability');
  await page.getByText('Roles · no IC yet').click();
  await page.getByLabel('Person', { exact: true }).fill('Ana');
  await page.getByRole('button', { name: 'Assign' }).click();
  await page.getByText(/^Roles · IC/).click();
  await page.getByRole('textbox', { name: 'New timeline entry' }).focus();
  for (const line of LINES) {
    for (const [i, part] of line.split('\n').entries()) {
      if (i > 0) await page.keyboard.press('Shift+Enter');
      await page.keyboard.type(part);
    }
    await page.keyboard.press('Enter');
  }
  const list = page.getByRole('list', { name: 'Timeline entries' });
  await list.getByRole('listitem').filter({ hasText: 'roll back' }).getByRole('button', { name: 'Pin' }).click();
  await list.getByRole('listitem').filter({ hasText: 'Ana paged' }).getByRole('button', { name: 'Strike' }).click();
  await page.getByLabel('Reason').fill('Ben was IC, not Ana');
  await page.getByRole('dialog').getByRole('button', { name: 'Strike' }).click();
  await page.getByRole('textbox', { name: 'New timeline entry' }).fill('@-5m /f pool recovered after rollb');
  const incidentUrl = page.url();
  await page.clock.fastForward('20:00');
  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await page.goto(incidentUrl);
    await page.getByRole('textbox', { name: 'New timeline entry' }).click();
    await page.screenshot({ path: `test-results/screenshots/scribe-${theme}.png` });
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.screenshot({ path: `test-results/screenshots/shortcuts-${theme}.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'War Room' }).click();
    await page.screenshot({ path: `test-results/screenshots/board-${theme}.png` });
    await page.getByRole('button', { name: 'Projector mode' }).click();
    await page.screenshot({ path: `test-results/screenshots/board-projector-${theme}.png` });
    await page.getByRole('button', { name: 'Projector mode' }).click();
    await page.keyboard.press('Alt+N');
    await page.screenshot({ path: `test-results/screenshots/declare-${theme}.png` });
    await page.keyboard.press('Escape');
  }
});

const SIZES = [
  [1280, 800],
  [1440, 900],
  [1920, 1080],
] as const;
const THEMES = ['light', 'dark', 'projector'] as const;

/**
 * Each main screen at each size the room uses, in each theme, named
 * `<screen>-<width>x<height>-<theme>.png`. Projector is the dark theme in projector mode: the
 * class the "Projector mode" button sets on <html>, set directly so that screens and dialogs
 * the hidden top bar would open can be shown in it too.
 */
test('every main screen at 1280×800, 1440×900 and 1920×1080 in the light, dark and projector themes', async ({ page }) => {
  test.setTimeout(300_000);
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Disk full on db-3', 'P2 · Medium', 'Infrastructure');
  await page.clock.fastForward('20:00');
  await declareByKeyboard(page, 'Customer data exposed via export API', 'P0 · Critical', 'Security');
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
  await page.getByRole('textbox', { name: 'New timeline entry' }).focus();
  for (const line of LINES) {
    await page.keyboard.type(line.split('\n')[0]!);
    await page.keyboard.press('Enter');
  }
  const incident = new URL(page.url()).hash;
  await page.clock.fastForward('12:00');
  const screens: [string, string, (() => Promise<unknown>)?][] = [
    ['board', '#/'],
    ['incident', incident],
    ['postmortem', `${incident}/postmortem`],
    ['metrics', '#/metrics'],
    ['actions', '#/actions'],
    ['contacts', '#/contacts'],
    ['exercises', '#/exercises'],
    ['settings-dialog', '#/', () => page.getByRole('button', { name: 'Settings' }).click()],
    ['status-update-dialog', incident, () => page.getByRole('button', { name: 'Post status update' }).click()],
  ];
  for (const theme of THEMES) {
    // The app opens dark: light first, then back to dark, which projector mode keeps.
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      for (const [name, hash, open] of screens) {
        await page.evaluate((to) => (location.hash = to), hash);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        if (open) {
          await open();
          await page.getByRole('dialog').waitFor();
        }
        await page.evaluate((on) => document.documentElement.classList.toggle('projector', on), theme === 'projector');
        await page.screenshot({ path: `test-results/screenshots/${name}-${width}x${height}-${theme}.png` });
        await page.evaluate(() => document.documentElement.classList.remove('projector'));
        if (open) {
          await page.keyboard.press('Escape');
          await page.getByRole('dialog').waitFor({ state: 'hidden' });
        }
      }
    }
  }

  // The second window (projector or second monitor), as the web preview opens it: this page's
  // address marked as the display, on the board or the incident's timeline.
  const [base] = page.url().split('#', 1);
  const display = `${base!.includes('?') ? `${base}&` : `${base}?`}window=display`;
  for (const theme of THEMES) {
    // The display window opens in projector style, whose hidden top bar holds the theme switch:
    // the theme is chosen as the laptop's window last left it (shared storage).
    await page.evaluate((chosen) => localStorage.setItem('warroom.theme', chosen), theme === 'light' ? 'light' : 'dark');
    await page.goto(`${display}#/`);
    await page.reload(); // a change of hash alone would not load the page again
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme === 'light' ? 'light' : 'dark');
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      for (const [name, hash] of [
        ['display-board', '#/'],
        ['display-timeline', incident],
      ] as const) {
        await page.evaluate((to) => (location.hash = to), hash);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.evaluate((on) => document.documentElement.classList.toggle('projector', on), theme === 'projector');
        await page.screenshot({ path: `test-results/screenshots/${name}-${width}x${height}-${theme}.png` });
      }
    }
  }
});

test('the sync dialog with a healthy and an unreachable target', async ({ page }) => {
  const { mkdirSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { injectHost } = await import('./support/injectedHost.ts');
  const scratch = mkdtempSync(join(tmpdir(), 'warroom-shot-'));
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    // The host takes only folders its own dialog handed out: this one answers with `picked`.
    let picked: string | null = null;
    await injectHost(page, { userDataDir: scratch, chooseFolder: () => picked });
    await openAs(page, 'Ana Scribe');
    await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
    for (const name of ['team-share', 'usb-stick']) {
      mkdirSync(join(scratch, name));
      await page.getByRole('button', { name: /Sync/ }).first().click();
      picked = join(scratch, name);
      await page.getByRole('button', { name: 'Choose…' }).click();
      await page.getByRole('button', { name: 'Add target' }).click();
      await page.getByRole('listitem').filter({ hasText: name }).waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
    }
    rmSync(join(scratch, 'usb-stick'), { recursive: true });
    await page.getByRole('textbox', { name: 'New timeline entry' }).fill('Rolled back deploy 4411');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Sync problem/ }).waitFor({ timeout: 10_000 });
    for (const theme of ['dark', 'light'] as const) {
      if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
      await page.getByRole('button', { name: /Sync/ }).first().click();
      await page.screenshot({ path: `test-results/screenshots/sync-${theme}.png`, fullPage: true });
      await page.getByRole('button', { name: 'Close' }).click();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('checklists on an incident, the runbook library and its editor', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAs(page, 'Sam Security');
  await declareByKeyboard(page, 'Credential stuffing on login', 'P1 · High', 'Security');
  await page.getByLabel('Phase').selectOption({ label: 'Containment' });
  await startRunbook(page, /^Security incident/);
  const run = page.getByRole('region', { name: /^Runbook: Security incident/ });
  await run.getByRole('checkbox').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await page.screenshot({ path: `test-results/screenshots/checklist-${theme}.png` });
  }
  await page.getByRole('button', { name: 'Runbooks' }).click();
  await page.screenshot({ path: 'test-results/screenshots/runbooks-light.png' });
  await page.getByRole('button', { name: 'New runbook' }).click();
  await page.getByLabel(/^Runbook \(Markdown/).fill('# Broken\n\n## Lunch\n- [ ] Eat\n');
  await page.screenshot({ path: 'test-results/screenshots/runbook-editor-light.png' });
});

test('the post-mortem composer with its preview, and the metrics charts', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.clock.fastForward('40:00');
  await page.getByLabel('Status').selectOption({ label: 'Resolved' });
  await declareByKeyboard(page, 'Full outage', 'P0 · Critical', 'Availability');
  await page.clock.fastForward('05:00');
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await page.getByLabel('Executive Summary (Markdown)').fill('Checkout failed for **EU** users for 42 minutes after deploy 4411.\n\n| Region | Errors |\n|---|---|\n| EU | 38% |');
  await page.getByLabel('Root Cause (Markdown)').fill('A config flag defaulted to **on** in the EU region.\n\n- no canary for EU\n- alert threshold too high');
  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await page.screenshot({ path: `test-results/screenshots/postmortem-${theme}.png` });
  }
  await page.getByRole('link', { name: 'Metrics' }).click();
  await page.screenshot({ path: 'test-results/screenshots/metrics-light.png', fullPage: true });
});

test('the facilitator console mid-exercise, the board with the exercise, and the scenario library', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openAs(page, 'Fran Facilitator');
  await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Exercises' }).click();
  await page.screenshot({ path: 'test-results/screenshots/exercises-dark.png' });
  await page.getByRole('button', { name: 'Start exercise: Database connection pool exhausted' }).click();
  await page.getByRole('radio', { name: '5×' }).click();
  await page.getByRole('button', { name: 'Start exercise clock' }).click();
  await page.clock.runFor(125_000);
  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await page.screenshot({ path: `test-results/screenshots/exercise-console-${theme}.png`, fullPage: true });
  }
  await page.getByRole('link', { name: 'War Room' }).click();
  await page.screenshot({ path: 'test-results/screenshots/board-exercise-light.png' });
});

test('the data dialog and the recovery screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openAs(page, 'Ana Scribe');
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  await page.screenshot({ path: 'test-results/screenshots/data-dark.png' });
  await page.goto('/?db=other');
  await createNewerProfile(page, 'newer-profile');
  await page.goto('/?db=newer-profile');
  await page.getByRole('heading', { name: 'War Room cannot open its database' }).waitFor();
  await page.screenshot({ path: 'test-results/screenshots/recovery-dark.png' });
});
