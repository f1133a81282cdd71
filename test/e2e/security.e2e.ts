import { expect, test } from '@playwright/test';
import { collectPageErrors, openAs } from './support/app.ts';

test('loading the app and using it reports no Content-Security-Policy violation (zod runs without its eval probe)', async ({ page }) => {
  const errors = collectPageErrors(page);
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) messages.push(message.text());
  });
  // Registered before any of the page's scripts run, so a violation during startup is caught too.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await openAs(page, 'Ivy Commander');
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('dialog', { name: 'Declare an incident' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(messages).toEqual([]);
  expect(errors).toEqual([]);
});
