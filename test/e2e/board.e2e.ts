import { expect, test, type Page } from '@playwright/test';
import { declareByKeyboard, openAs, storedDraft } from './support/app.ts';

const boardRow = (page: Page, title: string) => page.getByRole('table').getByRole('row').filter({ hasText: title });

async function toBoard(page: Page) {
  await page.getByRole('link', { name: 'War Room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
}

test('board order by severity; a P1 update falls overdue after 31 min; posting an update resets it and logs a communication', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Minor cosmetic glitch', 'P2 · Medium', 'Application');
  await declareByKeyboard(page, 'Checkout errors for EU', 'P1 · High', 'Availability');
  await declareByKeyboard(page, 'Full outage', 'P0 · Critical', 'Availability');
  await toBoard(page);

  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Full outage');
  await expect(rows.nth(2)).toContainText('Checkout errors for EU');
  await expect(rows.nth(3)).toContainText('Minor cosmetic glitch');
  await expect(boardRow(page, 'Checkout errors for EU')).toContainText('Due in 30 min');

  await page.clock.fastForward('31:00');
  const p1 = boardRow(page, 'Checkout errors for EU');
  await expect(p1).toContainText(/⚠ Update [12] min overdue/);
  await expect(p1).toHaveClass(/overdue/);
  await expect(page.getByText(/incidents? needs? action/)).toBeVisible();

  await p1.getByRole('link', { name: 'Checkout errors for EU' }).click();
  await page.getByRole('button', { name: 'Post status update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status update' });
  await expect(dialog.getByLabel('Update')).toHaveValue(/Checkout errors for EU/);
  await dialog.getByLabel('Update').fill('INCIDENT UPDATE - P1\nStatus: Investigating\nProgress: rolled back the payment gateway config');
  await dialog.getByRole('button', { name: 'Post update' }).click();
  await expect(dialog).toBeHidden();
  const comm = page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem').filter({ hasText: 'rolled back the payment gateway config' });
  await expect(comm).toContainText('Comms');
  await expect(comm).toContainText('Ivy Commander');
  // The first update went to the internal stakeholders (the plan's first audience, as overdue as the customers).
  await expect(comm).toContainText('→ Internal stakeholders · #incident chat channel');
  const byAudience = page.getByRole('region', { name: 'Updates by audience' });
  await expect(byAudience).toContainText(/Internal stakeholders: Due in (29|30) min/);
  await expect(page.getByText(/⚠ Status update to Customers [12] min overdue/)).toBeVisible();
  await page.getByRole('button', { name: 'Post status update' }).click();
  await dialog.getByLabel('Audience').selectOption('customers');
  await dialog.getByLabel('Update').fill('We are investigating failed checkouts in the EU.');
  await dialog.getByRole('button', { name: 'Post update' }).click();
  await expect(dialog).toBeHidden();
  await expect(byAudience).toContainText(/Customers: Due in (29|30) min/);
  // Next due: the executives, hourly from the declaration.
  await expect(page.getByText(/^Next status update \(Executives\) in (28|29) min/)).toBeVisible();

  await toBoard(page);
  await expect(boardRow(page, 'Checkout errors for EU')).toContainText('Due in 30 min');
  await expect(boardRow(page, 'Checkout errors for EU')).not.toHaveClass(/overdue/);
});

test('a half-written status update survives a reload and a Cancel; posting it clears the draft; "Start again" refills the template', async ({ page }) => {
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Checkout errors for EU', 'P1 · High', 'Availability');
  const open = async () => {
    await page.getByRole('button', { name: 'Post status update' }).click();
    const dialog = page.getByRole('dialog', { name: 'Status update' });
    await expect(dialog.getByLabel('Update')).toBeEditable();
    return dialog;
  };
  let dialog = await open();
  await expect(dialog.getByLabel('Update')).toHaveValue(/Checkout errors for EU/);
  const written = 'INCIDENT UPDATE - P1\nStatus: Investigating\nProgress: half a sentence about the gat';
  await dialog.getByLabel('Update').fill(written);
  const incident = /#\/incident\/([^/]+)/.exec(page.url())?.[1];
  // Stored before the "crash": read straight from IndexedDB.
  const stored = () => expect.poll(() => storedDraft(page, `update:${incident}`));
  await stored().toBe(written);
  await page.reload();
  dialog = await open();
  await expect(dialog.getByLabel('Update')).toHaveValue(written);
  await expect(dialog).toContainText('This is the update you had not posted yet');
  // Typing goes straight into the update, and picking a template never overwrites it.
  await expect(dialog.getByLabel('Update')).toBeFocused();
  await dialog.getByLabel('Template').selectOption({ label: 'Resolution notice' });
  await expect(dialog.getByLabel('Update')).toHaveValue(written);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  dialog = await open();
  await expect(dialog.getByLabel('Update')).toHaveValue(written);

  // Cleared to write from scratch: it stays empty, not the template again.
  await dialog.getByLabel('Update').fill('');
  await expect(dialog.getByLabel('Update')).toHaveValue('');
  await stored().toBe(null);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  dialog = await open();
  await expect(dialog.getByLabel('Update')).toHaveValue(/Checkout errors for EU/);
  await dialog.getByLabel('Update').fill(written);
  await stored().toBe(written);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  dialog = await open();
  await dialog.getByRole('button', { name: 'Start again from the template' }).click();
  await expect(dialog.getByLabel('Update')).toHaveValue(/Checkout errors for EU/);
  await expect(dialog).not.toContainText('had not posted yet');
  await dialog.getByLabel('Update').fill(`${written}eway`);
  await dialog.getByRole('button', { name: 'Post update' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('half a sentence about the gateway');
  dialog = await open();
  await expect(dialog.getByLabel('Update')).not.toHaveValue(/half a sentence/);
  await expect(dialog.getByLabel('Update')).toHaveValue(/Checkout errors for EU/);
});

test('snooze needs a reason and is logged; cadence "never" stops the timer', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Slow search', 'P2 · Medium', 'Performance');
  await page.getByRole('button', { name: 'Snooze' }).click();
  const snooze = page.getByRole('dialog', { name: 'Snooze status updates' });
  await snooze.getByRole('button', { name: 'Snooze' }).click();
  await expect(snooze.getByRole('alert')).toContainText('say why');
  await snooze.getByLabel('Reason').fill('waiting for vendor');
  await snooze.getByRole('button', { name: 'Snooze' }).click();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('snoozed until');
  await expect(page.getByText(/Updates snoozed/)).toBeVisible();
  await page.getByLabel('Cadence').selectOption('never');
  await expect(page.getByText('No fixed update cadence')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Status update cadence: none');
});

test('switching the severity scheme to P1–P4 moves open incidents by rank (logged) and refuses a bad level', async ({ page }) => {
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Full outage', 'P0 · Critical', 'Availability');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Start from').selectOption({ index: 1 });
  await expect(settings.getByRole('rowheader', { name: 'P4' })).toBeVisible();
  await settings.getByLabel('P2 update cadence').fill('-5');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('alert')).toContainText('P2');
  await settings.getByLabel('P2 update cadence').fill('60');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Severity' })).toHaveValue('P1');
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Severity: P0 → P1');
  await page.reload();
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('dialog', { name: 'Declare an incident' }).getByLabel('Severity')).toContainText('P4');
});

test('a board longer than the window keeps only the rows in view in the DOM, and Tab still reaches every incident in order', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 360 });
  await openAs(page, 'Ivy Commander');
  const titles = Array.from({ length: 16 }, (_, i) => `Queue backlog ${String(i + 1).padStart(2, '0')}`);
  for (const title of titles) await declareByKeyboard(page, title, 'P3 · Low', 'Performance');
  await toBoard(page);

  const table = page.getByRole('table', { name: 'Incidents' });
  await expect(table).toHaveAttribute('aria-rowcount', String(titles.length + 1));
  await expect(table.getByRole('link', { name: titles[0]! })).toBeVisible();
  const rendered = await page.locator('.board-body [role=row]').count();
  expect(rendered).toBeLessThan(titles.length);

  // The board never hears of the scrolling that focus causes, as on a loaded machine where the
  // scroll event comes frames late: Tab must not depend on it (it once left the board at row 13).
  await page.evaluate(() => window.addEventListener('scroll', (event) => event.stopImmediatePropagation(), { capture: true }));
  await table.getByRole('link', { name: titles[0]! }).focus();
  const reached = [await page.evaluate(() => document.activeElement?.textContent)];
  for (let i = 1; i < titles.length; i += 1) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.textContent));
  }
  // Same severity: oldest first, so declaration order.
  expect(reached).toEqual(titles);
  await expect(table.getByRole('link', { name: titles.at(-1)! })).toBeInViewport();
});

test('at 1280×800 the column header is one line; each incident\'s most urgent clock is marked in words; the keyboard sorts by a clock', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Minor cosmetic glitch', 'P2 · Medium', 'Application');
  await page.clock.fastForward('20:00');
  await declareByKeyboard(page, 'Checkout errors for EU', 'P1 · High', 'Availability');
  await declareByKeyboard(page, 'Full outage', 'P0 · Critical', 'Availability');
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await toBoard(page);

  const table = page.getByRole('table', { name: 'Incidents' });
  const headers = table.getByRole('columnheader');
  await expect(headers).toHaveCount(10);
  const boxes = await headers.evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect()).map(({ top, height }) => ({ top, height })));
  const headerRow = (await table.getByRole('row').first().boundingBox())!;
  const lineHeight = await headers.first().evaluate((cell) => parseFloat(getComputedStyle(cell).lineHeight));
  // One line: every header cell at the same height on the page, none taller than a line, the row about one line.
  for (const box of boxes) {
    expect(Math.abs(box.top - boxes[0]!.top)).toBeLessThan(2);
    expect(box.height).toBeLessThan(lineHeight * 1.5);
  }
  expect(headerRow.height).toBeLessThan(lineHeight * 2.5);
  await page.screenshot({ path: test.info().outputPath('board-1280.png') });

  // Each row's one marked clock says so in words: the P2's escalation (team lead in 10 min), the P0's next update.
  const marked = (title: string) => boardRow(page, title).getByRole('cell').filter({ hasText: 'Most urgent' });
  await expect(marked('Minor cosmetic glitch')).toHaveCount(1);
  await expect(marked('Minor cosmetic glitch')).toContainText('Team lead in 10 min');
  await expect(marked('Full outage')).toHaveCount(1);
  await expect(marked('Full outage')).toContainText('Due in 15 min');

  const rows = table.getByRole('row');
  const order = async () => (await rows.allTextContents()).slice(1).map((text) => ['Full outage', 'Checkout errors for EU', 'Minor cosmetic glitch'].find((title) => text.includes(title)));
  await expect(table.getByRole('columnheader', { name: 'Severity' })).toHaveAttribute('aria-sort', 'ascending');
  expect(await order()).toEqual(['Full outage', 'Checkout errors for EU', 'Minor cosmetic glitch']);

  // Keyboard only: from the first header, Tab through "Open for" and "Next update" to "Escalation".
  await table.getByRole('button', { name: 'Severity' }).focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
  await expect(table.getByRole('button', { name: 'Escalation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: 'Escalation' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('columnheader', { name: 'Severity' })).toHaveAttribute('aria-sort', 'none');
  await expect.poll(order).toEqual(['Minor cosmetic glitch', 'Full outage', 'Checkout errors for EU']);
  await page.keyboard.press('Space');
  await expect(table.getByRole('columnheader', { name: 'Escalation' })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(order).toEqual(['Checkout errors for EU', 'Full outage', 'Minor cosmetic glitch']);

  await page.getByRole('button', { name: 'Projector mode' }).click();
  await page.screenshot({ path: test.info().outputPath('board-1280-projector.png') });
});
