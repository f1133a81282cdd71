import { test } from '@playwright/test';
import { declareByKeyboard, openAs } from './support/app.ts';

/**
 * Not an assertion suite: renders the main screens in both themes to
 * test-results/screenshots/ so a person can look at them (`npm run screenshots`).
 */
test.skip(!process.env['WARROOM_SCREENSHOTS'], 'set WARROOM_SCREENSHOTS=1 (npm run screenshots)');

test('screens in dark and light themes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openAs(page, 'Ana Scribe');
  await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
  await declareByKeyboard(page, 'Suspicious admin logins', 'P0 · Critical', 'Security');
  await declareByKeyboard(page, 'Disk full on db-3', 'P2 · Medium', 'Infrastructure');
  for (const theme of ['dark', 'light'] as const) {
    if (theme === 'light') await page.getByRole('button', { name: 'Light theme' }).click();
    await page.getByRole('link', { name: 'War Room' }).click();
    await page.screenshot({ path: `test-results/screenshots/incidents-${theme}.png` });
    await page.getByRole('link', { name: 'Suspicious admin logins' }).click();
    await page.screenshot({ path: `test-results/screenshots/incident-${theme}.png` });
    await page.keyboard.press('Alt+N');
    await page.screenshot({ path: `test-results/screenshots/declare-${theme}.png` });
    await page.keyboard.press('Escape');
  }
});
