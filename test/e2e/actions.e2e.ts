import { expect, test } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';

test('an action entry becomes a tracked action item; overdue ones are flagged across incidents; done clears it; metrics count it', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Database connection pool exhausted', 'P1 · High', 'Availability');
  const box = page.getByRole('textbox', { name: 'New timeline entry' });
  await box.fill('/a Add a pool saturation alert at 80%');
  await box.press('Enter');
  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  const entry = timeline.getByRole('listitem').filter({ hasText: 'Add a pool saturation alert at 80%' });
  await entry.focus();
  await page.keyboard.press('t');
  const dialog = page.getByRole('dialog', { name: 'New action item' });
  await expect(dialog.getByLabel('What will be done')).toHaveValue('Add a pool saturation alert at 80%');
  await dialog.getByLabel('Owner').fill('Ben (DBA)');
  await dialog.getByLabel('Priority').selectOption('High');
  await dialog.getByLabel('Due').fill('2026-01-15');
  await dialog.getByRole('button', { name: 'Add action item' }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Action item (High): Add a pool saturation alert at 80% · Ben (DBA) · due 2026-01-15' })).toContainText('Ivy Commander');

  await page.getByRole('link', { name: 'Action items' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Add a pool saturation alert at 80%' });
  await expect(row).toContainText('Database connection pool exhausted');
  await expect(row).toContainText('⚠ Overdue');
  await expect(page.getByRole('status')).toContainText('1 overdue');
  await row.getByRole('combobox', { name: /^Status of/ }).selectOption({ label: 'Complete' });
  await expect(page.getByRole('row').filter({ hasText: 'Add a pool saturation alert at 80%' })).toHaveCount(0);
  await page.getByLabel('Show complete and won’t-do too').check();
  await expect(page.getByRole('row').filter({ hasText: 'Add a pool saturation alert at 80%' })).not.toContainText('Overdue');

  await page.getByRole('link', { name: 'Metrics' }).click();
  await expect(page.getByRole('heading', { name: 'Response metrics' })).toBeVisible();
  await expect(page.getByText('1 of 1 done (100%)')).toBeVisible();
  await expect(page.getByRole('table').getByRole('row', { name: /^P1 1 / })).toBeVisible();
  expect(errors).toEqual([]);
});
