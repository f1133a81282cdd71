import { expect, test } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs, storedDraft } from './support/app.ts';

test('first run asks who is at the keyboard and refuses an empty name', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter your name');
  await page.getByLabel('Your name').fill('Ana Scribe');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Operator: Ana Scribe')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Operator: Ana Scribe')).toBeVisible();
});

test('a declared incident survives a reload (real IndexedDB); a second one is listed beside it', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page);
  await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout returns 500 for EU users' })).toBeVisible();

  await page.getByRole('link', { name: 'Back to incidents' }).click();
  await declareByKeyboard(page, 'Suspicious admin logins', 'P0 · Critical', 'Security');
  await page.getByRole('link', { name: 'War Room' }).click();

  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  // Most severe first.
  await expect(rows.nth(1)).toContainText('Suspicious admin logins');
  await expect(rows.nth(1)).toContainText('P0');
  await expect(rows.nth(2)).toContainText('Checkout returns 500 for EU users');

  await page.reload();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  await page.getByRole('link', { name: 'Suspicious admin logins' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Suspicious admin logins' })).toBeVisible();
  await expect(page.getByText('by Ana Scribe')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a status change is stored and survives a reload', async ({ page }) => {
  await openAs(page);
  await declareByKeyboard(page, 'Disk full on db-3', 'P2 · Medium', 'Infrastructure');
  await page.getByLabel('Status').selectOption('identified');
  // The change is saved once the UI says so: its line appears in the timeline.
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Status: Investigating → Identified');
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('identified');
});

test('an empty title gets a clear error and nothing is declared', async ({ page }) => {
  await openAs(page);
  await page.getByRole('button', { name: 'Declare incident' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('a title is required');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('No incidents yet')).toBeVisible();
});

test('a half-typed title survives a reload', async ({ page }) => {
  await openAs(page);
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('dialog').getByLabel('Title')).toBeEditable();
  await page.keyboard.type('Payments timing out');
  // The draft is written per keystroke; give the last write a moment before the "crash".
  await expect.poll(() => storedDraft(page, 'declare:title')).toBe('Payments timing out');
  await page.reload();
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('dialog').getByLabel('Title')).toHaveValue('Payments timing out');
});
