import { expect, test } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs, runbookOffer, startRunbook, storedDraft } from './support/app.ts';

test('a security incident is offered the security runbook; items checked and skipped by keyboard are logged; the board shows progress; leaving a phase with open items asks first', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Sam Security');
  await declareByKeyboard(page, 'Credential stuffing on login', 'P1 · High', 'Security');
  await page.getByLabel('Phase').selectOption({ label: 'Containment' });
  await expect(page.getByLabel('Phase')).toHaveValue('containment');

  await expect.poll(() => runbookOffer(page, /^Security incident/i)).toBe('offered');
  await startRunbook(page, /^Security incident/i);

  const run = page.getByRole('region', { name: /^Runbook: Security incident/i });
  await expect(run).toBeVisible();
  const boxes = run.getByRole('checkbox');
  const total = await run.locator('details[open] input[type=checkbox]').count();
  expect(total).toBeGreaterThanOrEqual(4);
  const labels = await run.locator('details[open] label').allTextContents();

  await boxes.first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 2; i += 1) {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
  }
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('s');
  const skip = page.getByRole('dialog', { name: 'Skip checklist item' });
  await expect(skip).toBeVisible();
  await page.keyboard.type('Already isolated by the WAF rule');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(skip).toBeHidden();

  for (const label of labels.slice(0, 3)) await expect(run.getByRole('checkbox', { name: label })).toBeChecked();
  await expect(run.getByRole('checkbox', { name: labels[3]! })).not.toBeChecked();

  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  for (const label of labels.slice(0, 3)) {
    const line = timeline.getByRole('listitem').filter({ hasText: `Done: ${label}` });
    await expect(line).toContainText('Sam Security');
    await expect(line).toContainText(/\d{2}:\d{2}/);
  }
  const skipped = timeline.getByRole('listitem').filter({ hasText: `Skipped: ${labels[3]!}` });
  await expect(skipped).toContainText('Already isolated by the WAF rule');
  await expect(skipped).toContainText('Sam Security');

  await page.getByRole('link', { name: 'War Room' }).click();
  const row = page.getByRole('table', { name: 'Incidents' }).getByRole('row').filter({ hasText: 'Credential stuffing on login' });
  await expect(row).toContainText(`Containment · 4/${total}`);

  await row.getByRole('link', { name: 'Credential stuffing on login' }).click();
  await page.getByLabel('Phase').selectOption({ label: 'Eradication' });
  const ask = page.getByRole('dialog', { name: 'Leave items open?' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText(`${total - 4} checklist item`);
  await ask.getByRole('button', { name: 'Stay in Containment' }).click();
  await expect(page.getByLabel('Phase')).toHaveValue('containment');
  await page.getByLabel('Phase').selectOption({ label: 'Eradication' });
  await page.getByRole('dialog', { name: 'Leave items open?' }).getByRole('button', { name: 'Move to Eradication' }).click();
  await expect(page.getByLabel('Phase')).toHaveValue('eradication');
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Phase: Containment → Eradication (left open:' })).toContainText('Sam Security');
  expect(errors).toEqual([]);
});

test('a runbook written in the app: a bad phase is refused with its line; once fixed it is saved and offered for matching incidents', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await page.getByRole('button', { name: 'Runbooks' }).click();
  const dialog = page.getByRole('dialog', { name: 'Runbooks' });
  await dialog.getByRole('button', { name: 'New runbook' }).click();
  const source = dialog.getByLabel(/^Runbook \(Markdown/);
  await source.fill('---\nid: cache-stampede\ntypes: performance\n---\n# Cache stampede\n\n## Lunch\n- [ ] Warm the cache from the replica\n');
  await expect(dialog.getByRole('list', { name: 'Problems in the runbook' })).toContainText('Line 7: unknown phase "Lunch"');
  await expect(dialog.getByRole('button', { name: 'Save runbook' })).toBeDisabled();
  await source.fill('---\nid: cache-stampede\ntypes: performance\n---\n# Cache stampede\n\n## Containment\n- [ ] Warm the cache from the replica (role: technical lead)\n- [ ] Rate-limit the hot keys\n');
  await expect(dialog.getByRole('status')).toContainText('Valid: Cache stampede');
  await dialog.getByRole('button', { name: 'Save runbook' }).click();
  const saved = dialog.getByRole('list', { name: 'Runbook library' }).getByRole('listitem').filter({ hasText: 'Cache stampede' });
  await expect(saved).toBeVisible();
  await expect(saved).not.toContainText('Built in');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await declareByKeyboard(page, 'Search latency spikes', 'P2 · Medium', 'Performance');
  await expect.poll(() => runbookOffer(page, 'Cache stampede')).toBe('offered');
  expect(errors).toEqual([]);
});

test('a runbook half-written when the app stops is kept: the library offers it back, Resume restores the text, Cancel lets it go', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await page.getByRole('button', { name: 'Runbooks' }).click();
  let dialog = page.getByRole('dialog', { name: 'Runbooks' });
  await dialog.getByRole('button', { name: 'New runbook' }).click();
  const half = '---\nid: queue-backlog\ntypes: performance\n---\n# Queue backlog\n\n## Containment\n- [ ] Pause the produc';
  await dialog.getByLabel(/^Runbook \(Markdown/).fill(half);
  await expect.poll(() => storedDraft(page, 'edit:runbook')).toBe(JSON.stringify({ source: half }));

  await page.reload();
  await page.getByRole('button', { name: 'Runbooks' }).click();
  dialog = page.getByRole('dialog', { name: 'Runbooks' });
  const notice = dialog.getByRole('region', { name: 'Unsaved edit' });
  await expect(notice).toContainText('Your unsaved edit of the runbook “Queue backlog” was kept');
  await notice.getByRole('button', { name: 'Resume editing' }).click();
  await expect(dialog.getByLabel(/^Runbook \(Markdown/)).toHaveValue(half);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('list', { name: 'Runbook library' })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Unsaved edit' })).toHaveCount(0);
  expect(await storedDraft(page, 'edit:runbook')).toBeNull();
  expect(errors).toEqual([]);
});

test('the team renames a phase in Settings: the incident, the board and the timeline use the new name', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Eradication is called').fill('');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('alert')).toContainText('Phase names: eradication: a phase needs a name');
  await settings.getByLabel('Eradication is called').fill('Clean-up');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  await declareByKeyboard(page, 'Malware on build agent', 'P2 · Medium', 'Security');
  await page.getByLabel('Phase').selectOption({ label: 'Clean-up' });
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Phase: Detection → Clean-up');
  await page.getByRole('link', { name: 'War Room' }).click();
  await expect(page.getByRole('table', { name: 'Incidents' }).getByRole('row').filter({ hasText: 'Malware on build agent' })).toContainText('Clean-up');
  expect(errors).toEqual([]);
});
