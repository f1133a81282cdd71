import { expect, test, type Page } from '@playwright/test';
import { declareByKeyboard, openAs } from './support/app.ts';

const entries = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });

test('the display window follows the laptop: an entry typed in one window appears in the other within a second, and the board shows a new incident', async ({ page, context }) => {
  await openAs(page, 'Dana Commander');
  await declareByKeyboard(page, 'Payments down', 'P1 · High', 'Availability');

  // The incident's timeline on the projector.
  const [display] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open timeline in new window' }).click()]);
  await display.waitForLoadState();
  await expect(display.getByRole('heading', { level: 1, name: 'Payments down' })).toBeVisible();
  await expect(display).toHaveTitle('War Room · display');
  // Read-only: no entry box, no sync status to act on.
  await expect(display.getByRole('textbox', { name: 'New timeline entry' })).toHaveCount(0);

  const box = page.getByRole('textbox', { name: 'New timeline entry' });
  await box.fill('Failover to the standby started');
  await box.press('Enter');
  await expect(entries(page).getByText('Failover to the standby started')).toBeVisible();
  await expect(entries(display).getByText('Failover to the standby started')).toBeVisible({ timeout: 1000 });

  // The board on a second display: a new incident declared on the laptop shows there.
  await page.getByRole('link', { name: 'War Room', exact: true }).click();
  const [board] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open board in new window' }).click()]);
  await board.waitForLoadState();
  await expect(board.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
  // It only shows: reminders and escalation logging stay with the laptop's window.
  await expect(board.getByRole('button', { name: 'Enable reminders' })).toHaveCount(0);
  await expect(board.getByRole('button', { name: 'Open board in new window' })).toHaveCount(0);
  await expect(board.getByText('Payments down')).toBeVisible();
  await page.keyboard.press('Escape');
  await declareByKeyboard(page, 'Login slow', 'P2 · Medium', 'Performance');
  await expect(board.getByText('Login slow')).toBeVisible({ timeout: 2000 });
});
