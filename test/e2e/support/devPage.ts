import { expect, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard } from './app.ts';

/**
 * What a newcomer sees first on a dev server (`npm run web`, `npm run dev`): the page styled (the
 * stylesheet Vite injects is not blocked by the development CSP), an incident declared and an
 * entry recorded, and a dialog that stays open under React's StrictMode double mount. No page
 * error and no CSP refusal on the way.
 */
export async function expectDevPageWorks(page: Page, url: string, who: string): Promise<void> {
  const errors = collectPageErrors(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  // Not openAs: that opens the suite's own server (baseURL), and this page is the dev server's.
  await page.goto(url);
  await page.getByLabel('Your name').fill(who);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText(`Operator: ${who}`)).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(url).origin);

  // The dark theme's background, not the browser's white.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
  expect(background).not.toBe('rgb(255, 255, 255)');

  await declareByKeyboard(page, `Dev smoke by ${who}`, 'P2 · Medium', 'Application');
  const box = page.getByRole('textbox', { name: 'New timeline entry' });
  await box.fill(`Checked by ${who}`);
  await box.press('Enter');
  await expect(page.getByRole('list', { name: 'Timeline entries' }).getByText(`Checked by ${who}`)).toBeVisible();

  // StrictMode mounts the dialog twice: the first mount's cleanup must not close the second.
  await page.getByRole('button', { name: 'Post status update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status update' });
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(500);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  expect(violations).toEqual([]);
  expect(errors.filter((e) => !e.includes('[vite]'))).toEqual([]);
}
