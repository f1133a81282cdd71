import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, createNewerProfile, declareByKeyboard, NEWER_SCHEMA, openAs } from './support/app.ts';
import { createOpenedFiles } from '../../electron/host/openedFiles.ts';
import { injectHost, sendMenuCommand } from './support/injectedHost.ts';
import { CRAFTER, craftedArchive } from '../unit/support/craftedArchive.ts';

/** Counts a store of a database straight from IndexedDB, beside the app. */
function countStore(page: Page, database: string, store: string): Promise<number> {
  return page.evaluate(
    ([name, table]) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name!);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const count = request.result.transaction(table!, 'readonly').objectStore(table!).count();
          count.onsuccess = () => {
            request.result.close();
            resolve(count.result);
          };
        };
      }),
    [database, store],
  );
}

/** One record of a database's store, straight from IndexedDB; undefined when absent. */
function readRecord(page: Page, database: string, store: string, key: string): Promise<unknown> {
  return page.evaluate(
    ([name, table, id]) =>
      new Promise<unknown>((resolve, reject) => {
        const request = indexedDB.open(name!);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const got = request.result.transaction(table!, 'readonly').objectStore(table!).get(id!);
          got.onsuccess = () => {
            request.result.close();
            resolve(got.result);
          };
        };
      }),
    [database, store, key],
  );
}

/** "Import" in the dialog that shows what a file would change (nothing is written before it). */
async function confirmImport(page: Page): Promise<void> {
  await page.getByRole('dialog', { name: 'Import this file?' }).getByRole('button', { name: 'Import', exact: true }).click();
}

async function exportAll(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Data and backups' });
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export all…' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^warroom-all-\d{8}-\d{4}\.warroom$/);
  await expect(dialog.getByRole('status').last()).toContainText(/ops\)$/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return readFileSync((await download.path())!, 'utf8');
}

async function seed(page: Page): Promise<void> {
  await openAs(page, 'Ana Scribe');
  await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
  await page.keyboard.type('Rolled back deploy 4411');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Rolled back deploy 4411');
  await declareByKeyboard(page, 'Disk full on db-3', 'P2 · Medium', 'Infrastructure');
}

test('export all → wipe → import gives back every op and what they show; importing twice changes nothing; a truncated file changes nothing', async ({ page }) => {
  const errors = collectPageErrors(page);
  await seed(page);
  const archive = await exportAll(page);
  const opCount = Number(/"opCount":(\d+)/.exec(archive)?.[1]);
  expect(opCount).toBe(await countStore(page, 'warroom', 'ops'));
  expect(opCount).toBe(3);

  // Wipe: the database is deleted and the app starts from nothing.
  await page.evaluate(() => new Promise((resolve) => Object.assign(indexedDB.deleteDatabase('warroom'), { onsuccess: resolve, onerror: resolve })));
  await page.goto('/?wiped');
  await page.getByLabel('Your name').fill('Ana Scribe');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText('No incidents yet')).toBeVisible();

  await page.getByRole('button', { name: 'Data', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Data and backups' });
  const file = (text: string) => ({ name: 'all.warroom', mimeType: 'application/x-warroom-archive', buffer: Buffer.from(text) });
  await dialog.getByLabel('Import a .warroom file…').setInputFiles(file(archive));
  await confirmImport(page);
  await expect(dialog.getByRole('status').last()).toHaveText(new RegExp(`^Imported ${opCount} new ops from the backup file of ${opCount} ops made .* \\(0 already here\\)\\.$`));
  expect(await countStore(page, 'warroom', 'ops')).toBe(opCount);

  await dialog.getByLabel('Import a .warroom file…').setInputFiles(file(archive));
  await confirmImport(page);
  await expect(dialog.getByRole('status').last()).toContainText('Nothing new: everything in the backup file');
  expect(await countStore(page, 'warroom', 'ops')).toBe(opCount);

  await dialog.getByLabel('Import a .warroom file…').setInputFiles(file(archive.slice(0, Math.floor(archive.length / 2))));
  await expect(dialog.getByRole('alert')).toContainText(/^all\.warroom was not imported; nothing was changed: backup file is truncated: header says \d+ ops, file has \d+/);
  expect(await countStore(page, 'warroom', 'ops')).toBe(opCount);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const board = page.getByRole('table', { name: 'Incidents' });
  await expect(board).toContainText('Checkout returns 500 for EU users');
  await expect(board).toContainText('Disk full on db-3');
  await board.getByRole('link', { name: 'Checkout returns 500 for EU users' }).click();
  await expect(page.getByRole('list', { name: 'Timeline entries' })).toContainText('Rolled back deploy 4411');
  expect(errors).toEqual([]);
});

test('a database from a newer War Room is refused untouched, with a restore that carries on in a new database', async ({ page }) => {
  await seed(page);
  const archive = await exportAll(page);
  await createNewerProfile(page, 'newer-profile');
  await page.goto('/?db=newer-profile');
  await expect(page.getByRole('heading', { name: 'War Room cannot open its database' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(`This database was written by a newer War Room (schema ${NEWER_SCHEMA}; this app reads up to ${NEWER_SCHEMA - 1}).`);
  await expect(page.getByText('No incidents yet')).toHaveCount(0);
  const version = () => page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'newer-profile')?.version);
  expect(await version()).toBe(NEWER_SCHEMA * 10);

  // Restoring goes to a new database, and the app starts again on it.
  await page.getByLabel('Restore from a .warroom file…').setInputFiles({ name: 'all.warroom', mimeType: 'application/x-warroom-archive', buffer: Buffer.from(archive) });
  await confirmImport(page);
  await page.getByLabel('Your name').fill('Ana Scribe');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('table', { name: 'Incidents' })).toContainText('Disk full on db-3');
  expect(await version()).toBe(NEWER_SCHEMA * 10);
  const restored = await page.evaluate(() => localStorage.getItem('warroom.database'));
  expect(restored).toMatch(/^warroom-restored-\d{8}T\d{6}$/);
  expect(await countStore(page, restored!, 'ops')).toBe(Number(/"opCount":(\d+)/.exec(archive)?.[1]));
});

test('desktop: copy goes through the host; menu commands navigate, declare, and back up the op log into the data folder through the real host', async ({ page }) => {
  const errors = collectPageErrors(page);
  const userDataDir = mkdtempSync(join(tmpdir(), 'warroom-e2e-data-'));
  try {
    const clipboard: string[] = [];
    await injectHost(page, { userDataDir, clipboard });
    await seed(page);
    // The hardened window denies the page's clipboard: copying goes through the host.
    await page.getByRole('link', { name: 'Post-mortem' }).click();
    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    await expect(page.getByText('Copied to the clipboard')).toBeVisible();
    expect(clipboard).toHaveLength(1);
    expect(clipboard[0]).toContain('Disk full on db-3');
    await sendMenuCommand(page, 'go-exercises');
    await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
    await sendMenuCommand(page, 'go-board');
    await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    await sendMenuCommand(page, 'declare');
    await expect(page.getByRole('dialog', { name: 'Declare an incident' })).toBeVisible();
    await page.keyboard.press('Escape');

    await sendMenuCommand(page, 'back-up-now');
    const dialog = page.getByRole('dialog', { name: 'Data and backups' });
    await expect(dialog.getByRole('status').first()).toHaveText(/^Backed up 3 ops to .*warroom-backup-\d{8}-\d{6}\.warroom \(1 backups kept\)$/);
    await expect(dialog).toContainText(/1 backups; newest warroom-backup-\d{8}-\d{6}\.warroom/);
    const files = readdirSync(join(userDataDir, 'backups')).filter((name) => name.endsWith('.warroom'));
    expect(files).toHaveLength(1);
    expect(readFileSync(join(userDataDir, 'backups', files[0]!), 'utf8')).toMatch(/^\{"format":"warroom-backup","version":1,.*"opCount":3,/);
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await expect(dialog.getByRole('status').first()).toHaveText('No change since the last backup (3 ops)');
    expect(errors).toEqual([]);
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('a .warroom file the OS hands over is imported once confirmed: at launch, and while running', async ({ browser }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'warroom-e2e-opened-'));
  try {
    // Laptop A exports everything to a file.
    const a = await browser.newPage();
    await seed(a);
    const file = join(userDataDir, 'handover.warroom');
    writeFileSync(file, await exportAll(a));
    await a.close();

    // Laptop B is launched by a double-click on that file.
    const b = await browser.newPage();
    const errors = collectPageErrors(b);
    const opened = createOpenedFiles();
    opened.offer([file]);
    await injectHost(b, { userDataDir, openedFiles: opened });
    await openAs(b, 'Ben Lead');
    const dialog = b.getByRole('dialog', { name: 'Data and backups' });
    await confirmImport(b);
    await expect(dialog.getByRole('status').last()).toHaveText(/^Imported 3 new ops from the backup file of 3 ops made .* \(0 already here\)\.$/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(b.getByRole('table', { name: 'Incidents' })).toContainText('Checkout returns 500 for EU users');

    // The same file double-clicked again while B runs: nothing new.
    opened.offer([file]);
    await sendMenuCommand(b, 'import-opened');
    await confirmImport(b);
    await expect(dialog.getByRole('status').last()).toHaveText(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: Nothing new: everything in the backup file`));
    expect(errors).toEqual([]);
    await b.close();
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('a crafted .warroom double-clicked: the dialog names what it would change; Cancel changes nothing; Import refuses the op under this laptop’s own id and applies the rest', async ({ page }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'warroom-e2e-crafted-'));
  try {
    const errors = collectPageErrors(page);
    const opened = createOpenedFiles();
    await injectHost(page, { userDataDir, openedFiles: opened });
    await openAs(page, 'Ana Scribe');
    await declareByKeyboard(page, 'Checkout returns 500 for EU users', 'P1 · High', 'Availability');
    const own = ((await readRecord(page, 'warroom', 'meta', 'device')) as { value: { device: string } }).value.device;
    const { text, ops } = craftedArchive(own, 'Ana Scribe');
    const forged = ops[3]!;
    const file = join(userDataDir, 'handover.warroom');
    writeFileSync(file, text);
    const before = await countStore(page, 'warroom', 'ops');

    opened.offer([file]);
    await sendMenuCommand(page, 'import-opened');
    const confirm = page.getByRole('dialog', { name: 'Import this file?' });
    await expect(confirm).toContainText(`${file}: 4 ops, 0 already here. Importing adds 3 ops for good`);
    await expect(confirm).toContainText('This import would replace team settings for everyone: phase names, runbook “security-incident”.');
    await expect(confirm.getByRole('list', { name: 'Refused ops' })).toContainText(forged.id);
    await expect(confirm).toContainText(`claims this laptop’s own device id ${own}`);
    await expect(confirm.getByRole('list', { name: 'Team settings' })).toHaveText(/Replaces the phase names.*Replaces the runbook “security-incident”/);
    await expect(confirm.getByRole('list', { name: 'Incidents' })).toContainText('“Crafted outage” (inc-crafted1): 1 op');
    await expect(confirm.getByRole('list', { name: 'From devices' })).toContainText(`${CRAFTER}: 3 ops, by Mallory`);
    await expect(confirm.getByRole('list', { name: 'People named as authors' })).toContainText('Mallory: 3 ops');

    // Cancel, from the keyboard (it has focus first): nothing changed in IndexedDB.
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
    const data = page.getByRole('dialog', { name: 'Data and backups' });
    await expect(data.getByRole('status').last()).toHaveText(`${file} was not imported; nothing was changed.`);
    expect(await countStore(page, 'warroom', 'ops')).toBe(before);
    expect(await readRecord(page, 'warroom', 'settings', 'runbook:security-incident')).toBeUndefined();

    // Import, from the keyboard: the forged op is refused and named; the rest is applied.
    await data.getByRole('button', { name: 'Close' }).click();
    opened.offer([file]);
    await sendMenuCommand(page, 'import-opened');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(confirm.getByRole('button', { name: 'Import', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(data.getByRole('status').last()).toHaveText(
      new RegExp(`^${escape(file)}: Imported 3 new ops from the backup file of 4 ops made .* \\(0 already here\\)\\. Refused 1 op that claims this laptop’s own device id ${own}, under which only this laptop writes: ${forged.id}\\.$`),
    );
    expect(await countStore(page, 'warroom', 'ops')).toBe(before + 3);
    expect(await readRecord(page, 'warroom', 'ops', forged.hash)).toBeUndefined();
    expect(await readRecord(page, 'warroom', 'ops', ops[1]!.hash)).toBeDefined();
    expect(await readRecord(page, 'warroom', 'settings', 'runbook:security-incident')).toBeDefined();
    expect(errors).toEqual([]);
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
