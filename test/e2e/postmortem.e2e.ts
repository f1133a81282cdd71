import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEFAULT_TEMPLATE } from '../../shared/postmortem/templates.ts';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';

test('compose a post-mortem, edit two sections (kept across a reload), export: the file has every section and both edits', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
  const box = page.getByRole('textbox', { name: 'New timeline entry' });
  await box.fill('/d Roll back deploy 4411 | keep the flag off');
  await box.press('Enter');
  await page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem').filter({ hasText: 'Roll back deploy' }).getByRole('button', { name: 'Pin' }).click();
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Checkout returns 500 for EU users/ })).toBeVisible();

  const summary = page.getByLabel('Executive Summary (Markdown)');
  await summary.fill('Checkout failed for **EU** users for 42 minutes after deploy 4411.');
  await expect(page.getByLabel('Executive Summary preview').locator('strong')).toHaveText('EU');
  await page.getByLabel('Root Cause (Markdown)').click();
  await expect(page.getByText(/Saved by Ivy Commander/).first()).toBeVisible();
  const rootCause = page.getByLabel('Root Cause (Markdown)');
  await rootCause.fill('A config flag defaulted to on in the EU region.\n\n- no canary for EU');
  await page.reload();
  // The unsaved second edit was kept as a draft across the reload.
  await expect(page.getByLabel('Root Cause (Markdown)')).toHaveValue(/A config flag defaulted to on/);
  await page.getByLabel('Root Cause (Markdown)').press('Tab');

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const file = readFileSync((await (await downloaded).path())!, 'utf8');
  for (const section of DEFAULT_TEMPLATE.template.sections) expect(file).toContain(`## ${section.heading}`);
  expect(file).toContain('Checkout failed for **EU** users for 42 minutes after deploy 4411.');
  expect(file).toContain('A config flag defaulted to on in the EU region.');
  expect(file).toContain('Roll back deploy 4411 \\| keep the flag off');
  expect(file).toContain('```mermaid');
  expect(errors).toEqual([]);
});
