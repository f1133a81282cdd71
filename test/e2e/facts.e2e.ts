import { expect, test, type Page } from '@playwright/test';
import { declareByKeyboard, openAs, storedDraft } from './support/app.ts';

const entries = (page: Page) => page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');
const REF = /^INC-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-\d{4,6}$/;

async function readableId(page: Page): Promise<string> {
  const label = await page.locator('.incident-ref').first().getAttribute('aria-label');
  const ref = label?.replace('Incident id ', '') ?? '';
  expect(ref).toMatch(REF);
  return ref;
}

async function openUpdate(page: Page) {
  await page.getByRole('button', { name: 'Post status update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status update' });
  await expect(dialog.getByLabel('Update')).toBeEditable();
  return dialog;
}

test('the facts are edited during the incident, logged with who and when, and feed the status update', async ({ page }) => {
  await openAs(page, 'Dana Commander');
  await declareByKeyboard(page, 'Checkout slow', 'P1 · High', 'Performance');
  const ref = await readableId(page);

  await page.getByText('Facts · summary not set').click();
  const facts = page.getByRole('region', { name: 'Facts' });
  await facts.getByLabel('Title', { exact: true }).fill('Checkout failing for card payments');
  await facts.getByLabel('Type', { exact: true }).selectOption('availability');
  await facts.getByLabel('Summary', { exact: true }).fill('Card payments fail after the 10:00 deploy');
  await facts.getByLabel('Users affected', { exact: true }).fill('1200');
  await facts.getByLabel('Users affected (%)').fill('15');
  await facts.getByLabel('User impact').fill('Customers cannot pay by card');
  await facts.getByLabel('Affected services').fill('payments-api, checkout');
  await facts.getByLabel('External ticket').fill('OPS-1234');
  // Not saved yet, but kept: a reload mid-edit loses nothing once the draft is stored (it is
  // written on each keystroke; the reload waits for the last one to land).
  await expect(page.getByText('Not saved yet (kept as a draft).')).toBeVisible();
  const id = page.url().split('/incident/')[1]!;
  await expect.poll(async () => (await storedDraft(page, `facts:${id}`)) ?? '').toContain('OPS-1234');
  await page.reload();
  await page.getByText('Facts · summary not set').click();
  await expect(facts.getByLabel('Summary', { exact: true })).toHaveValue('Card payments fail after the 10:00 deploy');
  await page.getByRole('button', { name: 'Save facts' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved, and logged in the timeline.' })).toBeVisible();

  await expect(page.getByRole('heading', { level: 1, name: 'Checkout failing for card payments' })).toBeVisible();
  const logged = entries(page).filter({ hasText: 'Facts updated:' });
  await expect(logged).toContainText('Title: "Checkout slow" → "Checkout failing for card payments"');
  await expect(logged).toContainText('Type: "performance" → "availability"');
  await expect(logged).toContainText('Affected services: payments-api, checkout');
  await expect(logged).toContainText('External ticket: "OPS-1234"');
  await expect(logged).toContainText('Dana Commander');
  await expect(logged.locator('time')).toHaveText(/^\d{2}:\d{2}$/);

  const dialog = await openUpdate(page);
  const text = dialog.getByLabel('Update');
  await expect(text).toHaveValue(new RegExp(`Incident ID: ${ref} \\(ticket OPS-1234\\)`));
  await expect(text).toHaveValue(/Summary: Card payments fail after the 10:00 deploy/);
  await expect(text).toHaveValue(/Users: Customers cannot pay by card \(about 1200 users, 15%\)/);
  await expect(text).toHaveValue(/Affected services: payments-api, checkout/);
  await expect(text).not.toHaveValue(/fill in: brief description/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The board shows the readable id beside the new title.
  await page.getByRole('link', { name: 'Back to incidents' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Checkout failing for card payments' });
  await expect(row).toContainText(ref);
});

test('a status update holding [fill in: …] asks first; updates are numbered by how many were posted', async ({ page }) => {
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Login errors', 'P1 · High', 'Availability');

  let dialog = await openUpdate(page);
  await expect(dialog.getByLabel('Update')).toHaveValue(/^INCIDENT ALERT/);
  await dialog.getByRole('button', { name: 'Post update' }).click();
  const ask = dialog.getByRole('alert');
  await expect(ask).toContainText(/This update still has \d+ gaps to fill in: \[fill in: brief description\]/);
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toBeHidden();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Post update' }).click();
  await dialog.getByRole('button', { name: 'Post anyway' }).click();
  await expect(dialog).toBeHidden();

  for (const n of [1, 2, 3]) {
    dialog = await openUpdate(page);
    await expect(dialog.getByLabel('Update')).toHaveValue(new RegExp(`^INCIDENT UPDATE #${n} - P1`));
    await dialog.getByLabel('Update').fill(`INCIDENT UPDATE #${n} - P1\nProgress: step ${n} done`);
    await dialog.getByRole('button', { name: 'Post update' }).click();
    await expect(dialog).toBeHidden();
    await expect(entries(page).filter({ hasText: `step ${n} done` })).toBeVisible();
  }
  await page.reload();
  dialog = await openUpdate(page);
  await expect(dialog.getByLabel('Update')).toHaveValue(/^INCIDENT UPDATE #4 - P1/);
});

test('two laptops declaring offline get distinct readable ids; one laptop numbers its own in order, even from two windows', async ({ browser }) => {
  const laptops = await Promise.all([browser.newContext(), browser.newContext()]);
  const [a, b] = await Promise.all(laptops.map((context) => context.newPage()));
  await openAs(a!, 'Ana');
  await openAs(b!, 'Ben');
  await declareByKeyboard(a!, 'Payments down', 'P1 · High', 'Availability');
  await declareByKeyboard(b!, 'Payments down', 'P1 · High', 'Availability');
  const [refA, refB] = [await readableId(a!), await readableId(b!)];
  const year = new Date().getUTCFullYear();
  expect(refA).toMatch(new RegExp(`^INC-${year}-\\w{4}-0001$`));
  expect(refB).toMatch(new RegExp(`^INC-${year}-\\w{4}-0001$`));
  expect(refA).not.toBe(refB);

  // A second window of laptop A declaring at the same moment as the first.
  const a2 = await laptops[0]!.newPage();
  await a2.goto('/');
  await Promise.all([declareByKeyboard(a!, 'DNS errors', 'P2 · Medium', 'Infrastructure'), declareByKeyboard(a2, 'Disk full', 'P2 · Medium', 'Infrastructure')]);
  const more = [await readableId(a!), await readableId(a2)].sort();
  const tag = refA.slice(0, -4);
  expect(more).toEqual([`${tag}0002`, `${tag}0003`]);
  await Promise.all(laptops.map((context) => context.close()));
});
