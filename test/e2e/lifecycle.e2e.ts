import { expect, test, type Page } from '@playwright/test';
import { declareByKeyboard, openAs } from './support/app.ts';

const entries = (page: Page) => page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');

test('a status change and an IC handoff are logged in the timeline with actor and time', async ({ page }) => {
  await openAs(page, 'Dana Commander');
  await declareByKeyboard(page, 'Checkout latency', 'P1 · High', 'Performance');

  await page.getByText('Roles · no IC yet').click();
  await page.getByLabel('Role', { exact: true }).selectOption('incident-commander');
  await page.getByLabel('Person', { exact: true }).fill('Ana');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(entries(page).filter({ hasText: 'IC: Ana' })).toContainText('Dana Commander');
  await page.getByLabel('Person', { exact: true }).fill('Ben');
  await page.getByRole('button', { name: 'Hand off' }).click();
  const handoff = entries(page).filter({ hasText: 'IC handed from Ana to Ben' });
  await expect(handoff).toContainText('Dana Commander');
  await expect(handoff.locator('time')).toHaveText(/^\d{2}:\d{2}$/);
  await expect(page.getByText('Roles · IC Ben')).toBeVisible();

  await page.getByLabel('Status').selectOption('identified');
  const status = entries(page).filter({ hasText: 'Status: Investigating → Identified' });
  await expect(status).toContainText('Dana Commander');
  await expect(status).toContainText('acknowledged time recorded');
  await expect(status.locator('time')).toHaveText(/^\d{2}:\d{2}$/);
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toBeHidden();

  await page.reload();
  await expect(entries(page).filter({ hasText: 'IC handed from Ana to Ben' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('identified');
});
