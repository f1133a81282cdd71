import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';
import { injectHost } from './support/injectedHost.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function openEvidence(page: Page) {
  await page.locator('summary', { hasText: /^Evidence/ }).click();
  await expect(page.getByRole('heading', { name: 'Evidence and chain of custody' })).toBeVisible();
}

async function describeItem(page: Page) {
  const form = page.getByRole('form', { name: 'New evidence item' });
  await form.getByLabel('Evidence', { exact: true }).fill('nginx access log of web-3');
  await form.getByLabel('Stored at').fill('Evidence share /ir/42');
  return form;
}

test('desktop: an evidence item hashed from a real file in the host, handed over, re-verified after the file changes, custody log exported', async ({ page }) => {
  const errors = collectPageErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-evidence-'));
  try {
    const artefact = join(dir, 'access.log');
    writeFileSync(artefact, '10.0.0.7 - - "GET /admin" 200\n');
    const original = sha('10.0.0.7 - - "GET /admin" 200\n');
    const saved: { suggestedName: string; content: string }[] = [];
    await injectHost(page, { userDataDir: dir, chooseOpenPath: () => artefact, saved });
    await openAs(page, 'Ana Scribe');
    await declareByKeyboard(page, 'Leaked admin token', 'P1 · High', 'Security');
    await openEvidence(page);

    const form = await describeItem(page);
    await form.getByRole('button', { name: 'Choose the evidence file to hash' }).click();
    await expect(form.getByRole('status')).toContainText(`access.log · 30 bytes · SHA-256 ${original}`);
    await form.getByRole('button', { name: 'Record evidence' }).click();

    const item = page.getByRole('listitem', { name: 'Evidence: nginx access log of web-3' });
    await expect(item).toContainText(original);
    await expect(item).toContainText('Held by Ana Scribe at Evidence share /ir/42');
    const timeline = page.getByRole('list', { name: 'Timeline entries' });
    await expect(timeline).toContainText(`Evidence collected by Ana Scribe: nginx access log of web-3 (access.log, SHA-256 ${original.slice(0, 12)}…)`);

    await item.getByRole('button', { name: 'Hand over…' }).click();
    const handover = item.getByRole('form', { name: 'Hand over nginx access log of web-3' });
    await expect(handover.getByLabel('From', { exact: true })).toHaveValue('Ana Scribe');
    await handover.getByLabel('To', { exact: true }).fill('Ben Forensics');
    await handover.getByLabel('Why').fill('disk imaging');
    await handover.getByLabel('Now stored at (empty: unchanged)').fill('Safe 2');
    await handover.getByRole('button', { name: 'Record hand-over' }).click();
    await expect(item).toContainText('Held by Ben Forensics at Safe 2');
    await expect(item.getByRole('list', { name: 'Hand-overs' })).toContainText('Ana Scribe → Ben Forensics (disk imaging), now at Safe 2');
    await expect(timeline).toContainText('Evidence handed over: nginx access log of web-3 from Ana Scribe to Ben Forensics (disk imaging), now at Safe 2');

    // Unchanged: it matches. Then someone appends a line to the file: it no longer does.
    await item.getByRole('button', { name: 'Re-verify: choose the file again' }).click();
    await expect(item.getByRole('list', { name: 'Re-checks' })).toContainText('✓ Matches the recorded hash');
    appendFileSync(artefact, 'tampered\n');
    await item.getByRole('button', { name: 'Re-verify: choose the file again' }).click();
    const checks = item.getByRole('list', { name: 'Re-checks' }).getByRole('listitem');
    await expect(checks).toHaveCount(2);
    await expect(checks.nth(1)).toContainText(`✗ Does not match the recorded hash (access.log, ${sha('10.0.0.7 - - "GET /admin" 200\ntampered\n')})`);
    await expect(timeline).toContainText(`Evidence re-checked: nginx access log of web-3: DOES NOT MATCH: recorded ${original.slice(0, 12)}…`);

    // The panel, with a hand-over and a failed check showing, has no serious or critical axe finding.
    const axe = await new AxeBuilder({ page }).include('section.evidence').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.getByRole('button', { name: 'Export custody log (CSV)' }).click();
    await expect(page.getByText(/^Saved to .*leaked-admin-token-custody-log\.csv$/)).toBeVisible();
    await page.getByRole('button', { name: 'Export custody log (Markdown)' }).click();
    await expect.poll(() => saved.length).toBe(2);
    const [csv, markdown] = saved;
    expect(csv!.suggestedName).toBe('leaked-admin-token-custody-log.csv');
    expect(csv!.content.split('\r\n').filter((line) => line !== '').map((line) => line.split(',')[6])).toEqual(['event', 'collected', 'handover', 'check', 'check']);
    expect(csv!.content).toContain('MISMATCH: access.log hashes to');
    expect(markdown!.content).toContain(`- **SHA-256:** \`${original}\``);
    expect(markdown!.content).toContain('| Hand-over | Ana Scribe | Ben Forensics | Safe 2 | disk imaging | Ana Scribe |');
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('web preview: the file is hashed in the page, and it says so', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ana Scribe');
  await declareByKeyboard(page, 'Leaked admin token', 'P1 · High', 'Security');
  await openEvidence(page);
  const form = await describeItem(page);
  await expect(form).toContainText('Web preview: the file is read in this page to hash it, never uploaded or stored.');
  await form.getByLabel('Choose the evidence file to hash').setInputFiles({ name: 'access.log', mimeType: 'text/plain', buffer: Buffer.from('abc') });
  await expect(form.getByRole('status')).toContainText('access.log · 3 bytes · SHA-256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  await form.getByRole('button', { name: 'Record evidence' }).click();
  await expect(page.getByRole('listitem', { name: 'Evidence: nginx access log of web-3' })).toContainText('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(errors).toEqual([]);
});
