import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';

/*
 * The escalation matrix end to end: the directory imported from CSV, the matrix edited in
 * Settings (a bad row refused, nothing saved), a step falling due on the page's clock, the
 * reminder and the in-app alert naming the person with a phone, and the logged line.
 */

const MINUTE = 60_000;
const CSV = ['type,name,roles,phone,email,chat', 'person,Dana Lee,CTO,+44 20 7946 0000,dana@example.com,@dana', 'person,Raj Patel,Technical lead,+1 555 0101,,'].join('\n');

const boardRow = (page: Page, title: string) => page.getByRole('table').getByRole('row').filter({ hasText: title });
const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });
const duePanel = (page: Page) => page.getByRole('region', { name: 'Escalation due' });

test('contacts imported from CSV, the matrix edited in Settings, a step falls due: the reminder and the alert name the person with a phone; "Log escalation" writes the line once', async ({ page }) => {
  const errors = collectPageErrors(page);
  // A stand-in for the browser's notifications, so the desktop reminder can be read.
  await page.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    class FakeNotification {
      static permission = 'granted';
      constructor(title: string, options?: { body?: string }) {
        shown.push(`${title} | ${options?.body ?? ''}`);
      }
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification });
  });
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');

  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.getByLabel('Contacts CSV file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported: 2 new, 0 updated, 0 unchanged.');

  // The matrix: a bad step is refused naming its row and step, and nothing is saved.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const rows = settings.getByLabel('Escalation matrix rows');
  await expect(rows).toHaveValue(/^P0 \| \* \| \*: 15 Team lead;/);
  await rows.fill('P1 | availability | *: 20 CTO by phone; 10 Technical lead');
  await settings.getByRole('button', { name: 'Apply escalation matrix' }).click();
  await expect(settings.getByRole('alert')).toHaveText('Row 1 (P1 · availability): step 2: must come later than step 1 (10 after 20 min; steps are strictly ascending)');
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(rows).toHaveValue(/^P0 \| \* \| \*: 15 Team lead;/);
  await rows.fill(`${await rows.inputValue()}\nP1 | availability | *: 20 CTO by phone`);
  await settings.getByRole('button', { name: 'Apply escalation matrix' }).click();
  await expect(settings.getByRole('status')).toHaveText('Escalation matrix saved.');
  await settings.getByRole('button', { name: 'Cancel' }).click();

  await declareByKeyboard(page, 'Checkout down in the EU', 'P1 · High', 'Availability');
  await page.getByRole('link', { name: 'War Room' }).click();
  await expect(boardRow(page, 'Checkout down in the EU')).toContainText(/CTO in (20|19) min/);
  await expect(duePanel(page)).toBeHidden();

  await page.clock.fastForward(21 * MINUTE);
  const panel = duePanel(page);
  await expect(panel).toContainText('Escalate: Checkout down in the EU');
  await expect(panel.getByRole('list', { name: 'Who to bring in at T+20 min' })).toHaveText('Dana Lee (CTO): phone +44 20 7946 0000 · email dana@example.com · chat @dana');
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toContain(
    'Escalate: Checkout down in the EU | P1 · T+20 min: Dana Lee (CTO): phone +44 20 7946 0000 · email dana@example.com · chat @dana',
  );

  // On the incident page, by keyboard: L (outside the entry box) goes to the action, Enter logs it.
  await boardRow(page, 'Checkout down in the EU').getByRole('link', { name: 'Checkout down in the EU' }).click();
  const button = duePanel(page).getByRole('button', { name: 'Log escalation' });
  await expect(button).toBeVisible();
  await page.getByRole('textbox', { name: 'New timeline entry' }).focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('l');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  const line = timeline(page).getByRole('listitem').filter({ hasText: 'Escalated: Dana Lee (CTO), phone +44 20 7946 0000' });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('Ivy Commander');
  await expect(duePanel(page)).toBeHidden();
  await page.getByRole('link', { name: 'War Room' }).click();
  await expect(boardRow(page, 'Checkout down in the EU')).toContainText('Escalated to CTO');
  await expect(duePanel(page)).toBeHidden();
  expect(errors).toEqual([]);
});
