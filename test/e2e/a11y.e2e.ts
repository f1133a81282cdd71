import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createNewerProfile, declareByKeyboard, openAs, startRunbook } from './support/app.ts';
import { injectHost } from './support/injectedHost.ts';

/** axe's serious and critical findings on what is on screen now (or inside `scope`), one line each. */
async function violations(page: Page, where: string, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (scope ? builder.include(scope) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Open a top-bar dialog, scan it, close it with Escape. */
async function dialogViolations(page: Page, button: string, dialog: string): Promise<string[]> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
  const found = await violations(page, dialog.toLowerCase(), 'dialog[open]');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
  return found;
}

for (const theme of ['dark', 'light'] as const) {
  test(`axe: every screen and dialog in the ${theme} theme has no serious or critical violation`, async ({ page }) => {
    test.setTimeout(240_000);
    const scratch = mkdtempSync(join(tmpdir(), 'warroom-e2e-a11y-'));
    try {
      await page.addInitScript((chosen) => localStorage.setItem('warroom.theme', chosen), theme);
      await injectHost(page, { userDataDir: scratch });
      await openAs(page, 'Ivy Commander');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      const { incidentHash, consoleHash } = await seedEveryScreen(page);

      const found: string[] = [];
      const screens: [string, string, () => Promise<void>][] = [
        ['board', '#/', () => expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible()],
        ['incident', incidentHash, () => expect(page.getByRole('region', { name: /^Runbook:/ })).toBeVisible()],
        ['post-mortem', `${incidentHash}/postmortem`, () => expect(page.getByRole('heading', { level: 1, name: /Post-Mortem/i })).toBeVisible()],
        ['action items', '#/actions', () => expect(page.getByRole('heading', { level: 1, name: /Action items/ })).toBeVisible()],
        ['metrics', '#/metrics', () => expect(page.getByRole('heading', { level: 1, name: 'Response metrics' })).toBeVisible()],
        ['exercises', '#/exercises', () => expect(page.getByRole('heading', { level: 1, name: /Exercises/ })).toBeVisible()],
        ['contacts', '#/contacts', () => expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible()],
        ['facilitator console', consoleHash, () => expect(page.getByRole('heading', { level: 1, name: /^Facilitator console/ })).toBeVisible()],
      ];
      for (const [name, hash, ready] of screens) {
        await page.evaluate((to) => (window.location.hash = to), hash);
        await ready();
        found.push(...(await violations(page, name)));
      }

      await page.evaluate(() => (window.location.hash = '#/'));
      await page.getByRole('button', { name: 'Projector mode' }).click();
      await expect(page.getByRole('button', { name: 'Projector mode' })).toHaveAttribute('aria-pressed', 'true');
      found.push(...(await violations(page, 'board on a projector')));
      await page.getByRole('button', { name: 'Projector mode' }).click();

      await page.evaluate((to) => (window.location.hash = to), incidentHash);
      await page.getByRole('button', { name: 'Shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: /shortcuts/i })).toBeVisible();
      found.push(...(await violations(page, 'shortcuts', 'dialog[open]')));
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Post status update' }).click();
      await expect(page.getByRole('dialog', { name: 'Status update' })).toBeVisible();
      found.push(...(await violations(page, 'status update', 'dialog[open]')));
      await page.keyboard.press('Escape');
      await page.keyboard.press('Alt+N');
      await expect(page.getByRole('dialog', { name: 'Declare an incident' })).toBeVisible();
      found.push(...(await violations(page, 'declare', 'dialog[open]')));
      await page.keyboard.press('Escape');
      found.push(...(await dialogViolations(page, 'Runbooks', 'Runbooks')));
      found.push(...(await dialogViolations(page, 'Settings', 'Settings')));
      found.push(...(await dialogViolations(page, 'Data', 'Data')));
      await page.getByRole('button', { name: /^Sync/ }).first().click();
      await expect(page.getByRole('dialog', { name: 'Sync' })).toBeVisible();
      found.push(...(await violations(page, 'sync', 'dialog[open]')));
      await page.keyboard.press('Escape');

      // The war-room layouts: focus mode, and the side panel collapsed.
      await page.getByRole('button', { name: 'Focus mode' }).click();
      await expect(page.getByRole('button', { name: 'Focus mode' })).toHaveAttribute('aria-pressed', 'true');
      found.push(...(await violations(page, 'incident in focus mode')));
      await page.getByRole('button', { name: 'Focus mode' }).click();
      await page.getByRole('button', { name: 'Side panel' }).click();
      await expect(page.getByRole('button', { name: 'Side panel' })).toHaveAttribute('aria-expanded', 'false');
      found.push(...(await violations(page, 'incident, side panel collapsed')));
      await page.getByRole('button', { name: 'Side panel' }).click();
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
      found.push(...(await violations(page, 'command palette', 'dialog[open]')));
      await page.keyboard.press('Escape');

      // The second window, as the web preview opens it: the same page and database, marked as the display.
      const [base] = page.url().split('#', 1);
      const displayUrl = `${base!.includes('?') ? `${base}&` : `${base}?`}window=display`;
      await page.goto(`${displayUrl}#/`);
      await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
      found.push(...(await violations(page, 'second window: board')));
      await page.goto(`${displayUrl}${incidentHash}`);
      await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Alerts from checkout');
      found.push(...(await violations(page, 'second window: timeline')));
      expect(found).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

/**
 * Something on every screen: one incident of each level (every severity badge meets its
 * background), timeline entries and an action item, a started runbook, a running exercise.
 */
async function seedEveryScreen(page: Page): Promise<{ incidentHash: string; consoleHash: string }> {
  await declareByKeyboard(page, 'Payments down everywhere', 'P0 · Critical', 'Availability');
  await declareByKeyboard(page, 'Search is slow', 'P2 · Medium', 'Performance');
  await declareByKeyboard(page, 'Typo on the status page', 'P3 · Low', 'Application');
  await declareByKeyboard(page, 'Checkout errors in EU', 'P1 · High', 'Availability');
  const entry = page.getByRole('textbox', { name: 'New timeline entry' });
  for (const [typed, shown] of [
    ['Alerts from checkout', 'Alerts from checkout'],
    ['action: roll back deploy 4411 @Ben', 'roll back deploy 4411'],
  ] as const) {
    await entry.fill(typed);
    await entry.press('Enter');
    await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText(shown);
  }
  await startRunbook(page, /./);
  await expect(page.getByRole('region', { name: /^Runbook:/ })).toBeVisible();
  const incidentHash = new URL(page.url()).hash;

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Exercises' }).click();
  await page.getByRole('button', { name: 'Start exercise: Disk space full' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facilitator console: Disk space full' })).toBeVisible();
  await page.getByRole('button', { name: 'Start exercise clock' }).click();
  await expect(page.getByText('Running at 1×')).toBeVisible();
  return { incidentHash, consoleHash: new URL(page.url()).hash };
}

test('axe: the recovery screen (a database the app must not open), in dark and light', async ({ page }) => {
  await page.goto('/');
  await createNewerProfile(page, 'newer-profile');
  const found: string[] = [];
  for (const theme of ['dark', 'light'] as const) {
    await page.evaluate((chosen) => localStorage.setItem('warroom.theme', chosen), theme);
    await page.goto('/?db=newer-profile');
    await expect(page.getByRole('heading', { name: 'War Room cannot open its database' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    found.push(...(await violations(page, `${theme} recovery`)));
  }
  expect(found).toEqual([]);
});
