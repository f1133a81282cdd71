import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEFAULT_TEMPLATE } from '../../shared/postmortem/templates.ts';
import { collectPageErrors, declareByKeyboard, openAs, storedDraft } from './support/app.ts';

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
  // Raw HTML people type is never rendered as HTML in the preview.
  await page.getByLabel('Impact (Markdown)').fill('<img src=x onerror="window.pwned=1"><b>bold</b> and **real bold**');
  await expect(page.getByLabel('Impact preview').locator('strong')).toHaveText('real bold');
  await expect(page.getByLabel('Impact preview').locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
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

/** An incident's post-mortem, its template library open on a new template. */
async function newTemplateOnAnIncident(page: Page): Promise<Locator> {
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Disk full on db-3', 'P2 · Medium', 'Infrastructure');
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  await page.getByRole('button', { name: 'Templates…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Post-mortem templates' });
  await dialog.getByRole('button', { name: 'New template' }).click();
  return dialog;
}

test('a team template with placeholders: an unknown placeholder is refused with its line; the saved template shapes the post-mortem and its export', async ({ page }) => {
  const errors = collectPageErrors(page);
  const dialog = await newTemplateOnAnIncident(page);
  await dialog.getByLabel('Name').fill('Lean review');
  const source = dialog.getByLabel(/^Template \(Markdown/);
  await source.fill('# Review: {{incident.title}}\n\n## Executive Summary\nOpen for {{incident.nope}}.\n\n## Lessons Learned\n');
  await expect(dialog.getByRole('list', { name: 'Problems in the template' })).toContainText('Line 4: unknown placeholder {{incident.nope}}');
  await expect(dialog.getByRole('button', { name: 'Save template' })).toBeDisabled();
  await source.fill('# Review: {{incident.title}}\n\n## Executive Summary\nA {{incident.severity}} incident.\n\n## Lessons Learned\n');
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog.getByRole('list', { name: 'Template library' })).toContainText('Lean review');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByLabel('Template').selectOption({ label: 'Lean review' });
  await expect(page.getByRole('heading', { level: 1, name: 'Review: Disk full on db-3' })).toBeVisible();
  await expect(page.getByLabel('Executive Summary (Markdown)')).toHaveValue('A P2 incident.');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Executive Summary', 'Lessons Learned']);
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const file = readFileSync((await (await downloaded).path())!, 'utf8');
  expect(file).toContain('# Review: Disk full on db-3');
  expect(file).toContain('## Executive Summary');
  expect(file).toContain('## Lessons Learned');
  expect(errors).toEqual([]);
});

test('a template edit shut by Escape is kept with its name; Resume brings both back; saving lets it go', async ({ page }) => {
  const errors = collectPageErrors(page);
  const dialog = await newTemplateOnAnIncident(page);
  await dialog.getByLabel('Name').fill('Short review');
  const source = '# Short review: {{incident.title}}\n\n## Executive Summary\nThe disk fil';
  await dialog.getByLabel(/^Template \(Markdown/).fill(source);
  await expect.poll(() => storedDraft(page, 'edit:template')).toContain('The disk fil');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Templates…' }).click();
  const notice = dialog.getByRole('region', { name: 'Unsaved edit' });
  await expect(notice).toContainText('Your unsaved edit of the template “Short review” was kept');
  await notice.getByRole('button', { name: 'Resume editing' }).click();
  await expect(dialog.getByLabel('Name')).toHaveValue('Short review');
  await expect(dialog.getByLabel(/^Template \(Markdown/)).toHaveValue(source);
  await dialog.getByLabel(/^Template \(Markdown/).fill(`${source}led up.\n`);
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog.getByRole('list', { name: 'Template library' })).toContainText('Short review');
  await expect(dialog.getByRole('region', { name: 'Unsaved edit' })).toHaveCount(0);
  expect(await storedDraft(page, 'edit:template')).toBeNull();
  expect(errors).toEqual([]);
});

test('a link the preview does not keep is shown as text: clicking it stays on the post-mortem, the draft intact', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await declareByKeyboard(page, 'Phishing page on the status site', 'P2 · Medium', 'Security');
  await page.getByRole('link', { name: 'Post-mortem' }).click();
  const summary = page.getByLabel('Executive Summary (Markdown)');
  const text = 'Do not [click me](javascript:alert(1)) nor [this one](data:text/html,<script>alert(2)</script>); [the status page](https://status.example.com) is fine.';
  await summary.fill(text);
  const preview = page.getByLabel('Executive Summary preview');
  await expect(preview.getByText('click me')).toBeVisible();
  await expect(preview.locator('a')).toHaveText(['the status page']);
  const url = page.url();
  // Set on this page load only: a reload or navigation would lose it.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await preview.getByText('click me').click();
  await preview.getByText('this one').click();
  await expect(page.getByRole('heading', { level: 1, name: /Phishing page on the status site/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(page.url()).toBe(url);
  await expect(summary).toHaveValue(text);
  expect(errors).toEqual([]);
});
