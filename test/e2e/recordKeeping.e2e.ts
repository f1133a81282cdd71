import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs, runbookOffer, startRunbook } from './support/app.ts';

const entryBox = (page: Page) => page.getByRole('textbox', { name: 'New timeline entry' });
const entries = (page: Page) => page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');

async function addEntry(page: Page, text: string, count: number): Promise<void> {
  await entryBox(page).focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${count} ${count === 1 ? 'entry' : 'entries'}`, { exact: true })).toBeVisible();
}

test('the refusal of an over-long entry shows right by the box, is announced, and keeps the text', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 600 });
  await openAs(page);
  await declareByKeyboard(page, 'Checkout latency', 'P2 · Medium', 'Performance');
  for (let i = 1; i <= 3; i++) await addEntry(page, `Line ${i}: checked the dashboards`, i);

  const tooLong = `Pasted log: ${'x'.repeat(20_050)}`;
  await entryBox(page).fill(tooLong);
  // The scribe types at the bottom of the window: the box sits on its lower edge.
  await entryBox(page).evaluate((box) => box.scrollIntoView({ block: 'end' }));
  await entryBox(page).press('Enter');

  const refusal = page.getByRole('alert').filter({ hasText: 'an entry is at most 20000 characters' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toBeInViewport();
  await expect(entryBox(page)).toBeInViewport();
  await expect(entryBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(entryBox(page)).toHaveAccessibleDescription(/an entry is at most 20000 characters/);
  await expect(entryBox(page)).toHaveValue(tooLong);
  await expect(entryBox(page)).toBeFocused();
  await expect(page.getByText('3 entries', { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('pinning an entry does not mark it edited (CSV edits=0); a struck entry cannot be edited or pinned', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ben Scribe');
  await declareByKeyboard(page, 'Payments failing', 'P1 · High', 'Application');
  await addEntry(page, 'Rolled back deploy 4812', 1);
  await addEntry(page, 'Paged the wrong team', 2);

  const rollback = entries(page).filter({ hasText: 'Rolled back deploy 4812' });
  await rollback.getByRole('button', { name: 'Pin' }).click();
  await expect(rollback).toContainText('★ Pinned');
  await expect(rollback).not.toContainText('edited');

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await downloaded).path())!, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.trim().split('\r\n');
  const columns = header!.split(',');
  const pinnedRow = rows.find((row) => row.includes('Rolled back deploy 4812'))!.split(',');
  expect(pinnedRow[columns.indexOf('pinned')]).toBe('true');
  expect(pinnedRow[columns.indexOf('edits')]).toBe('0');

  const wrong = entries(page).filter({ hasText: 'Paged the wrong team' });
  await wrong.getByRole('button', { name: 'Strike' }).click();
  const strike = page.getByRole('dialog', { name: 'Strike entry' });
  await strike.getByLabel('Reason').fill('never happened');
  await strike.getByRole('button', { name: 'Strike' }).click();
  await expect(wrong).toContainText('Struck by Ben Scribe');
  await expect(wrong.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(wrong.getByRole('button', { name: 'Pin' })).toHaveCount(0);
  await expect(wrong.getByRole('button', { name: 'History' })).toBeVisible();
  // Nor by keyboard: E and P on the focused struck entry do nothing.
  await wrong.focus();
  await page.keyboard.press('e');
  await page.keyboard.press('p');
  await expect(page.getByRole('dialog', { name: 'Edit entry' })).toHaveCount(0);
  await expect(wrong).not.toContainText('★ Pinned');
  // And ↑ in the empty box edits the last entry that is not struck.
  await entryBox(page).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('dialog', { name: 'Edit entry' }).getByLabel('Text')).toHaveValue('Rolled back deploy 4812');
  expect(errors).toEqual([]);
});

test('any runbook can be started on any incident: a P2 security incident finds the security runbook among the others', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Sam Security');
  await declareByKeyboard(page, 'Odd logins on the admin panel', 'P2 · Medium', 'Security');
  // Not offered for a P2 (the plans' security runbook is P0–P1)…
  await expect.poll(() => runbookOffer(page, /^General incident response/)).toBe('offered');
  await expect.poll(() => runbookOffer(page, /^Security incident/)).toBe('other');
  // …but in the same picker, after the offered ones.
  await startRunbook(page, /^Security incident/);
  await expect(page.getByRole('region', { name: /^Runbook: Security incident/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Security incident');
  expect(errors).toEqual([]);
});

test('under a P1–P4 scheme, the built-in runbooks follow by rank: a P2 (High) security incident is offered the P0–P1 security runbooks', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Start from').selectOption({ label: 'P1–P4' });
  await expect(settings.getByRole('rowheader', { name: 'P4' })).toBeVisible();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  // P2 is the scheme's second level, High: the rank the built-ins' P1 stands for.
  await declareByKeyboard(page, 'Customer data exposed', 'P2 · High', 'Security');
  await expect.poll(() => runbookOffer(page, /^Security incident/)).toBe('offered');
  await expect.poll(() => runbookOffer(page, /^Data breach/)).toBe('offered');
  expect(errors).toEqual([]);
});

/** The `index`th action entry of the incident (0-based), tracked as an action item: each adds two timeline lines. */
async function trackAction(page: Page, text: string, owner: string, priority: string, index: number): Promise<void> {
  await addEntry(page, `/a ${text}`, 2 * index + 1);
  await page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem').filter({ hasText: text }).getByRole('button', { name: 'Track' }).click();
  const dialog = page.getByRole('dialog', { name: 'New action item' });
  if (owner) await dialog.getByLabel('Owner').fill(owner);
  await dialog.getByLabel('Priority').selectOption(priority);
  await dialog.getByRole('button', { name: 'Add action item' }).click();
  await expect(dialog).toBeHidden();
}

test('action items follow the plans\' template (High / Medium / Low; Open / In progress / Complete / Won\'t do), a team scale replaces it, and the weekly review groups open items by owner', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Replica lag', 'P1 · High', 'Data');
  await trackAction(page, 'Alert on replica lag', 'Ben', 'High', 0);
  await trackAction(page, 'Write the failover runbook', 'Ben', 'Low', 1);
  await trackAction(page, 'Automate failover', 'Ana', 'Medium', 2);
  await trackAction(page, 'Review backup retention', '', 'Medium', 3);
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Action item (High): Alert on replica lag · Ben');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Action items' }).click();
  const status = (text: string) => page.getByRole('combobox', { name: `Status of ${text}` });
  await expect(status('Automate failover').getByRole('option')).toHaveText(['Open', 'In progress', 'Complete', 'Won’t do']);
  await expect(page.getByRole('combobox', { name: 'Priority of Automate failover' }).getByRole('option')).toHaveText(['High', 'Medium', 'Low']);
  await status('Automate failover').selectOption({ label: 'Complete' });
  await status('Write the failover runbook').selectOption({ label: 'In progress' });

  await page.getByRole('radio', { name: 'Weekly review by owner' }).click();
  const groups = page.getByRole('region', { name: /^Open items: / });
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0).getByRole('heading')).toHaveText('Ben · 2 open');
  await expect(groups.nth(0).getByRole('row').nth(1)).toContainText('Alert on replica lag');
  await expect(groups.nth(0).getByRole('row').nth(2)).toContainText('Write the failover runbook');
  await expect(groups.nth(1).getByRole('heading')).toHaveText('No owner · 1 open');
  await expect(page.getByText('Automate failover')).toHaveCount(0);

  // The team's own scale: synced, offered for new items; an item keeps the name it was given.
  await page.getByText('Priority scale (shared with the team)').click();
  await page.getByLabel('Priorities, most urgent first, separated by commas').fill('P1, P2, P3, P4');
  await page.getByRole('button', { name: 'Save priorities' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Priorities: P1, P2, P3, P4' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Priority of Review backup retention' }).getByRole('option')).toHaveText(['P1', 'P2', 'P3', 'P4', 'Medium']);
  await page.getByRole('combobox', { name: 'Priority of Review backup retention' }).selectOption('P2');
  await expect(page.getByRole('combobox', { name: 'Priority of Review backup retention' })).toHaveValue('P2');
  await page.reload();
  await page.getByRole('radio', { name: 'All items' }).click();
  await expect(page.getByRole('combobox', { name: 'Priority of Alert on replica lag' })).toHaveValue('High');
  expect(errors).toEqual([]);
});

async function startPoolDrill(page: Page): Promise<void> {
  await openAs(page, 'Fran Facilitator');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Exercises' }).click();
  await page.getByRole('button', { name: 'Start exercise: Database connection pool exhausted' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facilitator console: Database connection pool exhausted' })).toBeVisible();
  await page.getByRole('button', { name: 'Start exercise clock' }).click();
}

test('a discussion-only tabletop: the facilitator ticks every expected action by hand, automatic ones too, and the drill scores 100', async ({ page }) => {
  const errors = collectPageErrors(page);
  await startPoolDrill(page);
  // Every one of the drill's expected actions is automatic; the team only talked them through.
  const expected = page.getByRole('table', { name: 'Expected actions' });
  const ticks = expected.getByRole('checkbox', { name: /^Met: / });
  await expect(ticks).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    // The box follows the synced record, so it turns checked once the tick is stored.
    await ticks.nth(i).click();
    await expect(ticks.nth(i)).toBeChecked();
    await expect(page.getByRole('heading', { name: `Expected actions · ${i + 1} of 5 met` })).toBeVisible();
  }
  await expect(expected.getByRole('row').filter({ hasText: 'status update within 15 min' })).toContainText('Met (ticked by the facilitator)');
  await expect(page.getByRole('heading', { name: 'After-action report · score 100/100' })).toBeVisible();
  await page.getByRole('button', { name: 'End exercise' }).click();
  await expect(page.getByText('Ended', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'After-action report · score 100/100' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an ended exercise leaves the Open board and its clocks stop', async ({ page }) => {
  const errors = collectPageErrors(page);
  await startPoolDrill(page);
  await page.getByRole('link', { name: 'War Room' }).click();
  const board = page.getByRole('table', { name: 'Incidents' });
  const row = board.getByRole('row').filter({ hasText: 'Exercise: Database connection pool exhausted' });
  await expect(row).toBeVisible();
  // Its clocks run: an update falls due, the escalation path counts down.
  await expect(row).toContainText('Due in');
  await expect(row).toContainText(/ in \d+ min/);
  await page.goBack();
  await page.getByRole('button', { name: 'End exercise' }).click();
  await expect(page.getByText('Ended', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'War Room' }).click();
  await expect(page.getByRole('radio', { name: 'Open' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('Nothing in this view.')).toBeVisible();
  await page.getByRole('radio', { name: 'Exercises' }).click();
  await expect(row).toContainText('Closed');
  // No update is due and nothing counts down any more.
  await expect(row).not.toContainText('Due in');
  await expect(row).not.toContainText(/ in \d+ min/);
  await row.getByRole('link', { name: 'Exercise: Database connection pool exhausted' }).click();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Status: Investigating → Closed (the exercise ended)');
  expect(errors).toEqual([]);
});
