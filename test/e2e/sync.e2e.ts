import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';
import { injectHost } from './support/injectedHost.ts';
import { hashOp } from '../../shared/ops/chain.ts';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import { newSigningKey, signerOf } from '../../shared/ops/signature.ts';
import { segmentFileName } from '../../shared/sync/layout.ts';
import { canonicalJson } from '../../shared/util/canonicalJson.ts';

const entryBox = (page: Page) => page.getByRole('textbox', { name: 'New timeline entry' });
const timeline = (page: Page) => page.getByRole('list', { name: 'Timeline entries' });

type Laptop = { page: Page; errors: string[] };

/** What each page's folder dialog answers next: the host takes only folders picked there (or War Room's own). */
const nextPick = new WeakMap<Page, { path: string | null }>();

async function withPicker(page: Page, userDataDir: string) {
  const pick = { path: null as string | null };
  nextPick.set(page, pick);
  await injectHost(page, { userDataDir, chooseFolder: () => pick.path });
}

/** Pick `folder` with the field's "Choose…" button, as a person would in the desktop app. */
async function choose(page: Page, dialog: ReturnType<Page['getByRole']>, label: RegExp, folder: string) {
  const pick = nextPick.get(page);
  if (!pick) throw new Error('this page has no folder dialog');
  pick.path = folder;
  await dialog.getByRole('button', { name: 'Choose…' }).click();
  await expect(dialog.getByLabel(label)).toHaveValue(folder);
}

/** A laptop: its own browser profile (own IndexedDB) with the desktop bridge injected; its clock `aheadMs` wrong. */
async function laptop(browser: Browser, operator: string, scratch: string, aheadMs = 0): Promise<Laptop> {
  const context = await browser.newContext();
  // Time still flows for it, from a wrong start.
  if (aheadMs) await context.clock.install({ time: Date.now() + aheadMs });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await withPicker(page, join(scratch, operator));
  await openAs(page, operator);
  return { page, errors };
}

/** A second install made by copying `original`'s whole browser profile, IndexedDB included. */
async function copiedProfile(browser: Browser, original: Laptop, scratch: string): Promise<Laptop> {
  const storageState = await original.page.context().storageState({ indexedDB: true });
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await withPicker(page, join(scratch, 'copy'));
  await page.goto('/');
  return { page, errors };
}

async function openSync(page: Page) {
  await page.getByRole('button', { name: /Sync/ }).first().click();
  return page.getByRole('dialog', { name: 'Sync' });
}

async function addFolder(page: Page, folder: string, passphrase?: string) {
  const dialog = await openSync(page);
  await choose(page, dialog, /^Shared folder/, folder);
  if (passphrase) {
    await dialog.getByRole('checkbox', { name: 'Encrypt with a team passphrase' }).check();
    await dialog.getByLabel(/^Team passphrase/).fill(passphrase);
  }
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: folder })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
}

async function addGit(page: Page, url: string, cloneDir: string) {
  const dialog = await openSync(page);
  await dialog.getByRole('radio', { name: 'Git remote' }).click();
  await dialog.getByLabel('Git remote URL').fill(url);
  await dialog.getByLabel('Branch').fill('main');
  await choose(page, dialog, /^Local clone folder/, cloneDir);
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: cloneDir })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/**
 * "Sync now" on the one target, then wait until its round is over and nothing waits to be sent.
 * The list is read from IndexedDB after the dialog opens: wait for it, or there is nothing to click.
 */
async function syncNow(page: Page) {
  const dialog = await openSync(page);
  const button = dialog.getByRole('button', { name: 'Sync now' });
  await expect(button).toHaveCount(1);
  await button.click();
  await expect(button).toBeEnabled({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /^✓ Synced [^·]*$/ })).toBeVisible();
}

async function scribe(page: Page, lines: string[]) {
  for (const line of lines) {
    await entryBox(page).fill(line);
    await entryBox(page).press('Enter');
    await expect(timeline(page)).toContainText(line);
  }
}

async function openIncident(page: Page, title: string) {
  await page.getByRole('link', { name: 'War Room' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

const PASSPHRASE = 'correct horse battery staple';

/** Every string stored in the page's sync targets, as JSON: where a passphrase could leak. */
function storedTargets(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('warroom');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('syncTargets', 'readonly').objectStore('syncTargets').getAll();
          all.onsuccess = () => {
            request.result.close();
            resolve(JSON.stringify(all.result));
          };
        };
      }),
  );
}

for (const transport of ['shared folder', 'encrypted shared folder', 'git remote'] as const) {
  test(`two laptops share an incident through a ${transport}: A's entries reach B and B's reach A`, async ({ browser }) => {
    const scratch = mkdtempSync(join(tmpdir(), 'warroom-e2e-sync-'));
    try {
      const a = await laptop(browser, 'Ana Scribe', scratch);
      const b = await laptop(browser, 'Ben Lead', scratch);
      if (transport !== 'git remote') {
        const passphrase = transport === 'encrypted shared folder' ? PASSPHRASE : undefined;
        mkdirSync(join(scratch, 'share'));
        await addFolder(a.page, join(scratch, 'share'), passphrase);
        await addFolder(b.page, join(scratch, 'share'), passphrase);
        if (passphrase) {
          // Kept sealed by the (stand-in) keychain, never in the clear in IndexedDB.
          for (const page of [a.page, b.page]) {
            const stored = await storedTargets(page);
            expect(stored).toContain('"sealed"');
            expect(stored).not.toContain(passphrase);
          }
        }
      } else {
        const remote = join(scratch, 'remote.git');
        execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
        await addGit(a.page, `file://${remote}`, join(scratch, 'clone-a'));
        await addGit(b.page, `file://${remote}`, join(scratch, 'clone-b'));
      }

      await declareByKeyboard(a.page, 'Payments failing in EU', 'P1 · High', 'Availability');
      await scribe(a.page, ['Alerts from checkout', 'Rolled back deploy 4411']);
      await syncNow(a.page);
      await syncNow(b.page);
      await openIncident(b.page, 'Payments failing in EU');
      await expect(timeline(b.page)).toContainText('Alerts from checkout');
      await expect(timeline(b.page)).toContainText('Rolled back deploy 4411');

      await scribe(b.page, ['Error rate back under 1%']);
      await syncNow(b.page);
      await syncNow(a.page);
      await expect(timeline(a.page)).toContainText('Error rate back under 1%');
      await expect(timeline(a.page).getByRole('listitem').filter({ hasText: 'Error rate back under 1%' })).toContainText('Ben Lead');
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

test('a copied profile: the install refused by the target takes a new identity from the Sync dialog, and every change reaches every laptop', async ({ browser }) => {
  // Three laptops and seven rounds: more than the default minute on a loaded 2-core machine.
  test.setTimeout(150_000);
  const scratch = mkdtempSync(join(tmpdir(), 'warroom-e2e-copy-'));
  try {
    const share = join(scratch, 'share');
    mkdirSync(share);
    const ana = await laptop(browser, 'Ana Scribe', scratch);
    await addFolder(ana.page, share);
    await declareByKeyboard(ana.page, 'Payments failing in EU', 'P1 · High', 'Availability');
    await scribe(ana.page, ['Alerts from checkout']);
    await syncNow(ana.page);

    // Same device id, same chain head: both installs will write the same next seq.
    const copy = await copiedProfile(browser, ana, scratch);
    await expect(copy.page.getByText('Operator: Ana Scribe')).toBeVisible();
    await openIncident(copy.page, 'Payments failing in EU');
    await scribe(copy.page, ['Written on the copy']);
    await syncNow(copy.page);

    // The original's next change finds its seq already taken on the target by the copy's: both kept
    // here, but the original's cannot reach the team under that file name.
    await scribe(ana.page, ['Written on the original']);
    const dialog = await openSync(ana.page);
    await dialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(dialog.getByRole('table', { name: 'Sync log' })).toContainText(/fork: device [0-9a-f]{16} seq 3 differs/);
    await expect(dialog.getByRole('heading', { name: "Another install uses this laptop's identity" })).toBeVisible();
    await expect(dialog.getByText(/Changes made here \(1\) cannot reach the team/)).toBeVisible();
    await expect(ana.page.getByRole('button', { name: '⚠ Sync problem · 1 waiting' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Going on past the copy's change number changes nothing: never "Synced" while a change is stranded.
    await scribe(ana.page, ['Second on the original']);
    const again = await openSync(ana.page);
    await again.getByRole('button', { name: 'Sync now' }).click();
    await expect(again.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 20_000 });
    await expect(ana.page.getByRole('button', { name: '⚠ Sync problem · 2 waiting' })).toBeVisible();
    await expect(again.getByText(/Changes made here \(2\) cannot reach the team/)).toBeVisible();
    await again.getByRole('button', { name: 'Give this laptop a new identity' }).click();

    // The app reloads under the new identity; the stranded change is recorded again and sent.
    await expect(ana.page.getByRole('heading', { level: 1, name: 'Payments failing in EU' })).toBeVisible();
    await syncNow(ana.page);
    const after = await openSync(ana.page);
    await expect(after.getByRole('heading', { name: "Another install uses this laptop's identity" })).toBeHidden();
    await after.getByRole('button', { name: 'Close' }).click();
    await expect(timeline(ana.page)).toContainText('Written on the copy');
    await expect(timeline(ana.page)).toContainText('Written on the original');

    // A third laptop, and the copy, end with every line.
    const ben = await laptop(browser, 'Ben Lead', scratch);
    await addFolder(ben.page, share);
    await syncNow(ben.page);
    await syncNow(copy.page);
    for (const page of [ben.page, copy.page]) {
      await openIncident(page, 'Payments failing in EU');
      for (const line of ['Alerts from checkout', 'Written on the copy', 'Written on the original', 'Second on the original']) await expect(timeline(page)).toContainText(line);
    }
    expect([...ana.errors, ...copy.errors, ...ben.errors]).toEqual([]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('a laptop whose clock is three days ahead: its change is held on the other, named by laptop, and applied once accepted from the keyboard', async ({ browser }) => {
  const scratch = mkdtempSync(join(tmpdir(), 'warroom-e2e-clock-'));
  try {
    const share = join(scratch, 'share');
    mkdirSync(share);
    const ana = await laptop(browser, 'Ana Scribe', scratch);
    const ben = await laptop(browser, 'Ben Lead', scratch, 3 * 86_400_000);
    await addFolder(ana.page, share);
    await addFolder(ben.page, share);
    await declareByKeyboard(ben.page, 'Declared with a wrong clock', 'P1 · High', 'Availability');
    await syncNow(ben.page);
    await syncNow(ana.page);
    await ana.page.getByRole('link', { name: 'War Room' }).click();
    await expect(ana.page.getByRole('link', { name: 'Declared with a wrong clock' })).toHaveCount(0);

    const dialog = await openSync(ana.page);
    await expect(dialog.getByRole('table', { name: 'Sync log' })).toContainText(/1 change stamped up to 3 days ahead of this laptop’s clock by the clock of Ben Lead's laptop: held/);
    const held = dialog.getByRole('list', { name: 'Held changes' });
    await expect(held.getByRole('listitem', { name: "Ben Lead's laptop" })).toContainText('1 change stamped up to 3 days ahead');
    const accept = dialog.getByRole('button', { name: "Accept 1 change from Ben Lead's laptop" });
    await accept.focus();
    await ana.page.keyboard.press('Enter');
    await expect(held).toBeHidden();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(ana.page.getByRole('link', { name: 'Declared with a wrong clock' })).toBeVisible();
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

/** Ana's device id, as her device file on the target names her laptop. */
function deviceNamed(root: string, name: string): string {
  for (const file of readdirSync(join(root, 'warroom', 'v1', 'devices'))) {
    const info = JSON.parse(readFileSync(join(root, 'warroom', 'v1', 'devices', file), 'utf8')) as { device: string; name: string };
    if (info.name === name) return info.device;
  }
  throw new Error(`no device file names ${name}`);
}

/**
 * What a peer with write access to the target can do: add "seq N+1" to Ana's folder — chained
 * onto her last op, in her name, signed with the forger's own key — and swap her device file's key.
 */
function forgeAsAna(root: string): void {
  const ana = deviceNamed(root, "Ana Scribe's laptop");
  const folder = join(root, 'warroom', 'v1', 'ops', ana);
  const lines = readdirSync(folder).sort().flatMap((file) => readFileSync(join(folder, file), 'utf8').split('\n').filter(Boolean));
  const last = lines.map((line) => JSON.parse(line) as OpEnvelope).sort((x, y) => x.seq - y.seq).at(-1)!;
  const seq = last.seq + 1;
  const { sig: _real, hash: _hash, ...body } = {
    ...last,
    seq,
    id: `${ana}-${seq}`,
    prev: last.hash,
    kind: 'entry.add',
    data: { entry: 'ent-f0f0f0f0f0f0f0f0', fields: { text: 'Forged: all clear, stand down', kind: 'note', eventAt: new Date().toISOString(), pinned: true, tags: [] } },
  };
  const hash = hashOp(body);
  const forger = newSigningKey((n) => crypto.getRandomValues(new Uint8Array(n)));
  const forged = { ...body, hash, sig: signerOf(forger)(hash) };
  writeFileSync(join(folder, segmentFileName(seq, seq, false)), `${canonicalJson(forged)}\n`);
  const devicePath = join(root, 'warroom', 'v1', 'devices', `${ana}.json`);
  const info = JSON.parse(readFileSync(devicePath, 'utf8')) as Record<string, unknown>;
  writeFileSync(devicePath, `${JSON.stringify({ ...info, key: forger.publicKey }, null, 2)}\n`);
}

/** `warroom verify` as a user runs it, from source. */
function warroomVerify(root: string): { code: number; stdout: string } {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/warroom.ts', 'verify', root], { encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, stdout: failed.stdout };
  }
}

for (const transport of ['shared folder', 'git remote'] as const) {
  test(`signed authorship through a ${transport}: an entry forged in Ana's name and a swapped key are refused and reported, by the app and by warroom verify`, async ({ browser }) => {
    test.setTimeout(120_000);
    const scratch = mkdtempSync(join(tmpdir(), 'warroom-e2e-signed-'));
    try {
      const a = await laptop(browser, 'Ana Scribe', scratch);
      const b = await laptop(browser, 'Ben Lead', scratch);
      const share = join(scratch, 'share');
      const remote = join(scratch, 'remote.git');
      if (transport === 'shared folder') {
        mkdirSync(share);
        await addFolder(a.page, share);
        await addFolder(b.page, share);
      } else {
        execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
        await addGit(a.page, `file://${remote}`, join(scratch, 'clone-a'));
        await addGit(b.page, `file://${remote}`, join(scratch, 'clone-b'));
      }
      await declareByKeyboard(a.page, 'Card payments declined', 'P1 · High', 'Availability');
      await scribe(a.page, ['Declines from one acquirer']);
      await syncNow(a.page);
      await syncNow(b.page);
      await openIncident(b.page, 'Card payments declined');
      await expect(timeline(b.page)).toContainText('Declines from one acquirer');
      const dialog = await openSync(b.page);
      await expect(dialog.getByLabel('This laptop’s signing key')).toContainText(/Signing key: [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);
      await dialog.getByRole('button', { name: 'Close' }).click();

      // The forger writes into the target itself: the folder, or a clone of their own pushed to the remote.
      let archive = share;
      if (transport === 'git remote') {
        archive = join(scratch, 'forger');
        execFileSync('git', ['clone', '--quiet', remote, archive]);
        forgeAsAna(archive);
        const git = (...args: string[]) => execFileSync('git', ['-C', archive, '-c', 'user.name=Mallory', '-c', 'user.email=m@example.invalid', ...args]);
        git('add', '-A');
        git('commit', '--quiet', '-m', 'an entry');
        git('push', '--quiet', 'origin', 'HEAD:main');
      } else forgeAsAna(share);

      await syncNow(b.page);
      await expect(timeline(b.page)).toContainText('Declines from one acquirer');
      await expect(timeline(b.page)).not.toContainText('Forged: all clear');
      const log = (await openSync(b.page)).getByRole('table', { name: 'Sync log' });
      await expect(log).toContainText(/bad signature: not signed by device [0-9a-f]{16}'s key/);
      await expect(log).toContainText(/signing key changed — pinned .* when first seen/);

      // Ana's own laptop is not fooled either, and keeps sending.
      await scribe(a.page, ['Acquirer confirms an outage']);
      await syncNow(a.page);
      await b.page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Close' }).click();
      await syncNow(b.page);
      await expect(timeline(b.page)).toContainText('Acquirer confirms an outage');

      const verified = warroomVerify(archive);
      expect(verified.code).toBe(1);
      expect(verified.stdout).toMatch(/bad signature/);
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}
