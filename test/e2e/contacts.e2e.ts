import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';

const CSV = [
  'type,name,roles,phone,email,chat,timezone,provides,support_url,account_id,tier,notes',
  'person,Ana Pereira,IC; On-call engineer,+44 20 7946 0001,ana@example.com,@ana,Europe/London,,,,,"Prefers calls, not texts"',
  'person,Dee Okafor,Database administrator,+1 555 0100,dee@example.com,@dee,America/New_York,,,,,',
  'vendor,OpenAI,,,,,,LLM API,https://help.openai.com,org-123,enterprise,',
].join('\r\n');

/** To the Contacts screen from the top bar, by keyboard. */
async function openContacts(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Contacts' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
}

const upload = (page: Page, name: string, text: string) => page.getByLabel('Contacts CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('contacts imported from a CSV file are searchable by name and role and exported; a malformed CSV is refused naming its line, nothing imported', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await openContacts(page);

  await upload(page, 'contacts.csv', CSV);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported: 3 new, 0 updated, 0 unchanged.');
  const table = page.getByRole('table', { name: 'Contacts' });
  await expect(table.getByRole('row')).toHaveCount(4);

  const search = page.getByLabel('Search by name or role');
  await search.fill('dee');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('+1 555 0100');
  await search.fill('incident commander');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Ana Pereira');
  await search.fill('');

  // Line 3 has an unterminated quote; line 2 is fine but must not be imported either.
  await upload(page, 'broken.csv', 'name,phone\nZed New,1\n"Yan Broken,2\n');
  await expect(page.getByRole('alert')).toHaveText(/^Line 3: a quoted field is never closed.*Nothing was imported\.$/);
  await upload(page, 'bad-email.csv', 'name,email\nZed New,zed@example.com\nYan,not an email\n');
  await expect(page.getByRole('alert')).toHaveText(/^Line 3: email: an email address has one @ and no spaces\. Nothing was imported\.$/);
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).not.toContainText('Zed New');

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('contacts.csv');
  const exported = await readFile((await download.path())!, 'utf8');
  expect(exported.split('\r\n')[0]).toBe('id,type,name,roles,phone,email,chat,timezone,provides,support_url,account_id,tier,notes');
  expect(exported).toContain(`,person,Ana Pereira,IC; On-call engineer,'+44 20 7946 0001,ana@example.com,'@ana,Europe/London,,,,,"Prefers calls, not texts"\r\n`);
  expect(exported).toContain(',vendor,OpenAI,,,,,,LLM API,https://help.openai.com,org-123,enterprise,\r\n');

  // The export read back changes nothing: no duplicates.
  await upload(page, 'contacts.csv', exported);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText('Imported: 0 new, 0 updated, 3 unchanged.');
  await expect(table.getByRole('row')).toHaveCount(4);
  expect(errors).toEqual([]);
});

test('a team role is defined and assigned on an incident, logged and listed with the built-in roles', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await openContacts(page);
  await page.getByLabel('Role name').fill('IC');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.getByRole('alert')).toHaveText('"IC" is a built-in role');
  await page.getByLabel('Role name').fill('Database administrator');
  await page.getByLabel('What the role does').fill('Database-related incidents');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.getByRole('region', { name: 'Team roles' }).getByRole('listitem')).toContainText('Database administrator');

  await declareByKeyboard(page, 'Primary database failover stuck', 'P1 · High', 'Data');
  await page.getByText('Roles · no IC yet').click();
  const roles = page.getByRole('region', { name: 'Roles' });
  await roles.getByLabel('Role', { exact: true }).selectOption({ label: 'Database administrator' });
  await roles.getByLabel('Person').fill('Dee Okafor');
  await roles.getByRole('button', { name: 'Assign' }).click();
  await expect(roles.getByRole('listitem')).toHaveText(/Database administrator\s*Dee Okafor/);
  await expect(page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem').filter({ hasText: 'Database administrator: Dee Okafor' })).toHaveCount(1);
  await roles.getByRole('button', { name: 'Release Database administrator' }).click();
  await expect(roles.getByRole('listitem')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the declare dialog proposes the on-call of the roster as first responder', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openAs(page, 'Ivy Commander');
  await openContacts(page);
  const roster = page.getByRole('region', { name: 'On-call roster' });
  await expect(roster).toContainText('Handoff every Monday at 09:00 UTC.');
  // The week field starts at the current week's handoff.
  await roster.getByLabel('Primary on-call').fill('Ana Pereira');
  await roster.getByLabel('Secondary on-call').fill('Ben Ortiz');
  await roster.getByRole('button', { name: 'Save week' }).click();
  await expect(roster.getByRole('status')).toHaveText('On call now: Ana Pereira (secondary Ben Ortiz)');

  await page.keyboard.press('Alt+N');
  const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
  await expect(dialog.getByRole('group', { name: 'On call now: Ana Pereira (secondary Ben Ortiz)' })).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeEditable();
  await dialog.getByLabel('Title').fill('Checkout errors');
  await dialog.getByLabel('Assign Ana Pereira as first responder').check();
  await dialog.getByLabel('First responder’s role').selectOption({ label: 'Technical lead' });
  await dialog.getByRole('button', { name: 'Declare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout errors' })).toBeVisible();
  await page.getByText('Roles · no IC yet').click();
  await expect(page.getByRole('region', { name: 'Roles' }).getByRole('listitem')).toHaveText(/Technical lead\s*Ana Pereira/);
  await expect(page.getByRole('list', { name: 'Timeline entries' }).getByRole('listitem').filter({ hasText: 'Technical lead: Ana Pereira (on call)' })).toHaveCount(1);
  expect(errors).toEqual([]);
});
