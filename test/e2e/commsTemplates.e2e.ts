import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { encodeBackup } from '../../shared/backup/backupFile.ts';
import { createOp } from '../../shared/entities/index.ts';
import { freshDeviceState } from '../../shared/ops/createOp.ts';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';

async function openTemplates(page: Page) {
  await page.getByRole('button', { name: 'Status templates' }).click();
  return page.getByRole('dialog', { name: 'Status templates' });
}

test('a customer template is edited, and the edited text is what the update dialog fills in; a malformed one is refused naming its line', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Dana Commander');
  const library = await openTemplates(page);
  await library.getByRole('button', { name: 'Edit Customer update' }).click();
  const source = library.getByLabel(/^Template/);
  await source.fill('We are still on it.\nOwner: {{owner}}\nUpdates: {{channel}}');
  await expect(library.getByRole('list', { name: 'Problems in the template' })).toHaveText('Line 2: unknown placeholder {{owner}}');
  await expect(library.getByRole('button', { name: 'Save template' })).toBeDisabled();
  await source.fill('We are still on it: {{status}}.\nAffected: {{services}}\nUpdates: {{channel}}');
  await library.getByRole('button', { name: 'Save template' }).click();
  await expect(library.getByRole('list', { name: 'Status template library' })).toContainText('Customer update (edited)');
  await library.getByRole('button', { name: 'Close' }).click();

  await declareByKeyboard(page, 'Checkout slow', 'P1 · High', 'Performance');
  await page.getByRole('button', { name: 'Post status update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status update' });
  await expect(dialog.getByLabel('Update')).toBeEditable();
  await dialog.getByLabel('Template').selectOption('customer-update');
  await expect(dialog.getByLabel('Update')).toHaveValue(/^We are still on it: Investigating\.\nAffected: \[fill in: affected services\]\nUpdates: /);

  // Posted to the customers (a P1's plan has them, on the status page): logged with its audience and channel.
  await dialog.getByLabel('Audience').selectOption('customers');
  await dialog.getByLabel('Template').selectOption('customer-update');
  await expect(dialog.getByLabel('Update')).toHaveValue(/^We are still on it: Investigating\.\nAffected: \[fill in: affected services\]\nUpdates: Status page$/);
  await dialog.getByRole('button', { name: 'Post update' }).click();
  await dialog.getByRole('button', { name: 'Post anyway' }).click();
  await expect(dialog).toBeHidden();
  const posted = page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem').filter({ hasText: 'We are still on it: Investigating.' });
  await expect(posted).toContainText('→ Customers · Status page');

  // Restored: the built-in is back in the library.
  const again = await openTemplates(page);
  await again.getByRole('button', { name: 'Restore built-in Customer update' }).click();
  await expect(again.getByRole('list', { name: 'Status template library' })).not.toContainText('(edited)');
  expect(errors).toEqual([]);
});

test('status template files import all together, or none when one is malformed', async ({ page }) => {
  await openAs(page);
  const library = await openTemplates(page);
  const file = (name: string, text: string) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
  const good = file('vendor.md', '---\nid: vendor-notice\nname: Vendor notice\n---\nTicket about {{services}}\nUpdates: {{channel}}\n');
  const bad = file('broken.md', '---\nid: broken\nname: Broken\n---\nStatus: {{status\n');
  await library.getByLabel('Import status template files').setInputFiles([good, bad]);
  await expect(library.getByRole('list', { name: 'Problems in the imported files' })).toHaveText('broken.md, line 5: "{{status" opens {{ with no }} on the same line');
  await expect(library.getByRole('status')).toHaveText('Nothing imported: fix the files listed.');
  await expect(library.getByRole('list', { name: 'Status template library' })).not.toContainText('Vendor notice');
  await library.getByLabel('Import status template files').setInputFiles([good]);
  await expect(library.getByRole('status')).toHaveText('Imported Vendor notice');
  await expect(library.getByRole('list', { name: 'Status template library' })).toContainText('Vendor notice');
});

const customers = { id: 'customers', name: 'Customers', channel: 'status page', customerFacing: true };
const stakeholders = { id: 'stakeholders', name: 'Stakeholders', channel: '#incidents', customerFacing: false };
const CRAFTED_TITLE = '<img src=x onerror="document.title=\'pwned\'">';

/** Updates posted on another laptop to customers and to stakeholders, as a backup file it handed over. */
function postedElsewhere(at = Date.now() - 60 * 60_000): string {
  let device = freshDeviceState('b0b0b0b0b0b0b0b0');
  const ops: OpEnvelope[] = [];
  const add = (intent: Parameters<typeof createOp>[1]) => {
    const made = createOp(device, intent, at + ops.length * 60_000);
    device = made.state;
    ops.push(made.op);
  };
  const post = (incident: string, entry: string, text: string, audience: typeof customers, minute: number) => {
    const eventAt = new Date(at + minute * 60_000).toISOString();
    add({ actor: 'Bob Comms', incident, kind: 'entry.add', data: { entry, fields: { text, kind: 'communication', eventAt, pinned: false, tags: ['status-update', `audience:${audience.id}`] } } });
    add({ actor: 'Bob Comms', incident, kind: 'entry.audience', data: { entry, audience } });
  };
  const declaredAt = new Date(at).toISOString();
  add({ actor: 'Bob Comms', incident: 'inc-checkout1', kind: 'incident.declare', data: { title: 'Checkout is slow', severity: 'P1', type: 'performance', declaredAt } });
  post('inc-checkout1', 'ent-cust0001', 'We are investigating slow checkout.', customers, 5);
  post('inc-checkout1', 'ent-staff001', 'Internal: the DB primary failed over', stakeholders, 6);
  post('inc-checkout1', 'ent-cust0002', 'A fix is rolling out.', customers, 20);
  add({ actor: 'Bob Comms', incident: 'inc-crafted1', kind: 'incident.declare', data: { title: CRAFTED_TITLE, severity: 'P2', type: 'application', declaredAt } });
  post('inc-crafted1', 'ent-cust0003', '</p><script>document.title="pwned"</script>Logins are slow.', customers, 7);
  add({ actor: 'Bob Comms', incident: 'inc-internal', kind: 'incident.declare', data: { title: 'Internal only', severity: 'P3', type: 'application', declaredAt } });
  post('inc-internal', 'ent-staff002', 'Rotating a key', stakeholders, 8);
  return encodeBackup({ ops, device: 'b0b0b0b0b0b0b0b0', createdAt: new Date(at + 60 * 60_000).toISOString() });
}

test('the status page export opened in the browser renders with the CSP and contains only customer-facing updates', async ({ page, context }) => {
  const errors = collectPageErrors(page);
  await openAs(page);
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  const data = page.getByRole('dialog', { name: 'Data and backups' });
  await data.getByLabel('Import a .warroom file…').setInputFiles({ name: 'comms.warroom', mimeType: 'application/x-warroom-archive', buffer: Buffer.from(postedElsewhere()) });
  await page.getByRole('dialog', { name: 'Import this file?' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(data.getByRole('status').last()).toContainText('Imported');
  await data.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Status page' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status page export' });
  await dialog.getByRole('checkbox', { name: /Checkout is slow/ }).check();
  await dialog.getByRole('checkbox', { name: /<img src=x/ }).check();
  await dialog.getByRole('checkbox', { name: /Internal only/ }).check();
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save HTML' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('status-page.html');
  await expect(dialog.getByRole('status')).toContainText('Left out (no customer-facing update): inc-internal.');
  const html = readFileSync((await download.path())!, 'utf8');
  // Saved under its name, so the browser opens it as a web page.
  const path = join(mkdtempSync(join(tmpdir(), 'warroom-status-')), download.suggestedFilename());
  writeFileSync(path, html);
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`);
  expect(html).not.toMatch(/<script|<img/i);

  // Opened as a file, as whoever publishes it would.
  const published = await context.newPage();
  const requests: string[] = [];
  published.on('request', (request) => requests.push(request.url()));
  await published.goto(pathToFileURL(path).href);
  await expect(published.getByRole('heading', { level: 1, name: 'Service status' })).toBeVisible();
  await expect(published.getByRole('heading', { level: 2, name: CRAFTED_TITLE })).toBeVisible();
  await expect(published.locator('img, script')).toHaveCount(0);
  await expect(published).not.toHaveTitle('pwned');
  const body = published.locator('body');
  await expect(body).toContainText('A fix is rolling out.');
  await expect(body).toContainText('We are investigating slow checkout.');
  await expect(body).toContainText('</p><script>document.title="pwned"</script>Logins are slow.');
  await expect(body).not.toContainText('Internal');
  await expect(body).not.toContainText('Rotating a key');
  const texts = await published.locator('li .text').allTextContents();
  expect(texts.indexOf('A fix is rolling out.')).toBeLessThan(texts.indexOf('We are investigating slow checkout.'));
  expect(requests).toEqual([pathToFileURL(path).href]);

  const markdown = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save Markdown' }).click();
  const md = readFileSync((await (await markdown).path())!, 'utf8');
  expect(md).toContain('- **');
  expect(md).not.toContain('Internal');
  expect(errors).toEqual([]);
});

test('the war room logistics are set, shown at the top of the incident, logged, and in the initial notification', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Dana Commander');
  await declareByKeyboard(page, 'Checkout slow', 'P1 · High', 'Performance');
  const bar = page.getByRole('region', { name: 'War room logistics' });
  await expect(bar).toContainText('No bridge, chat channel or room set.');
  await bar.getByRole('button', { name: 'Set logistics' }).click();
  await bar.getByLabel('Bridge').fill(' https://meet.example.com/inc-42 ');
  await bar.getByLabel('Chat channel').fill('#inc-checkout');
  await bar.getByLabel('Room').fill('Room 4.12');
  await bar.getByRole('button', { name: 'Save logistics' }).click();
  const link = bar.getByRole('link', { name: 'https://meet.example.com/inc-42' });
  await expect(link).toHaveAttribute('href', 'https://meet.example.com/inc-42');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(bar).toContainText('Chat channel: #inc-checkout');
  await expect(bar).toContainText('Room: Room 4.12');
  const logged = page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem').filter({ hasText: 'Logistics:' });
  await expect(logged).toContainText('Bridge: "https://meet.example.com/inc-42"; Chat channel: "#inc-checkout"; Room: "Room 4.12"');

  // A bridge that is not a web link is text, never a link.
  await bar.getByRole('button', { name: 'Edit logistics' }).click();
  await bar.getByLabel('Bridge').fill('javascript:alert(1)');
  await bar.getByRole('button', { name: 'Save logistics' }).click();
  await expect(bar).toContainText('Bridge: javascript:alert(1)');
  await expect(bar.getByRole('link')).toHaveCount(0);
  await bar.getByRole('button', { name: 'Edit logistics' }).click();
  await bar.getByLabel('Bridge').fill('https://meet.example.com/inc-42');
  await bar.getByRole('button', { name: 'Save logistics' }).click();

  await page.getByRole('button', { name: 'Post status update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status update' });
  await expect(dialog.getByLabel('Update')).toBeEditable();
  await dialog.getByLabel('Template').selectOption('initial');
  await expect(dialog.getByLabel('Update')).toHaveValue(/\nBridge: https:\/\/meet\.example\.com\/inc-42\nChat: #inc-checkout\n/);
  expect(errors).toEqual([]);
});
