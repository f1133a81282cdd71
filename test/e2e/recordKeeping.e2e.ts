import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';

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

test('any runbook can be started on any incident: a P2 security incident finds the security runbook by search', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Sam Security');
  await declareByKeyboard(page, 'Odd logins on the admin panel', 'P2 · Medium', 'Security');
  const offer = page.getByRole('group', { name: 'Runbooks for this incident' });
  // Not offered for a P2 (the plans' security runbook is P0–P1)…
  await expect(offer.getByRole('button', { name: 'Start General incident response' })).toBeVisible();
  await expect(offer.getByRole('button', { name: /^Start Security incident/ })).toHaveCount(0);
  // …but one search away.
  await offer.getByRole('searchbox', { name: /^Another runbook/ }).fill('security');
  await offer.getByRole('group', { name: 'Other runbooks found' }).getByRole('button', { name: 'Start Security incident' }).click();
  await expect(page.getByRole('region', { name: /^Runbook: Security incident/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Security incident');
  expect(errors).toEqual([]);
});

test('under a P1–P4 scheme, the built-in runbooks follow by rank: a P1 security incident is offered the security runbooks', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Start from').selectOption({ label: 'P1–P4' });
  await expect(settings.getByRole('rowheader', { name: 'P4' })).toBeVisible();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  await declareByKeyboard(page, 'Customer data exposed', 'P1 · Critical', 'Security');
  const offer = page.getByRole('group', { name: 'Runbooks for this incident' });
  await expect(offer.getByRole('button', { name: 'Start Security incident' })).toBeVisible();
  await expect(offer.getByRole('button', { name: 'Start Data breach' })).toBeVisible();
  expect(errors).toEqual([]);
});
