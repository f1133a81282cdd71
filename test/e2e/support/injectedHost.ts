import type { Page } from '@playwright/test';
import { createDispatcher } from '../../../electron/host/dispatch.ts';
import { join } from 'node:path';
import { backupHandlers } from '../../../electron/host/backupHandlers.ts';
import { evidenceHandlers } from '../../../electron/host/hashFile.ts';
import { syncHandlers } from '../../../electron/host/syncHandlers.ts';
import { openSigningKey } from '../../../electron/host/signingKey.ts';
import { createFolderGrants } from '../../../electron/host/folderGrants.ts';
import type { MenuCommand } from '../../../shared/bridge/commands.ts';
import { createOpenedFiles, type OpenedFiles } from '../../../electron/host/openedFiles.ts';

/**
 * Gives a page the desktop app's `window.warroom` bridge, backed by the real host modules
 * running in the test's Node process (the Electron binary cannot run here). Arguments and results
 * go through the same zod-checked dispatcher as the main process.
 */
export async function injectHost(
  page: Page,
  options: { userDataDir: string; chooseFolder?: () => string | null; chooseOpenPath?: () => string | undefined; openedFiles?: OpenedFiles; clipboard?: string[]; saved?: { suggestedName: string; content: string }[] },
): Promise<void> {
  const openedFiles = options.openedFiles ?? createOpenedFiles();
  const dispatcher = createDispatcher<void>({
    'app.info': () => ({ name: 'War Room', version: '0.0.0-e2e', platform: process.platform, versions: { node: process.versions.node }, userDataDir: options.userDataDir }),
    // With `saved`, the save dialog "saves" into that list; without, it is cancelled.
    'file.save': ({ suggestedName, content }) => {
      if (!options.saved) return { saved: false };
      options.saved.push({ suggestedName, content });
      return { saved: true, path: join(options.userDataDir, suggestedName) };
    },
    'app.notify': () => ({ shown: false }),
    // No second Electron window here: the e2e opens the display window in the web preview instead.
    'app.openWindow': () => ({ opened: false, reason: 'no second window in the browser tests' }),
    // The folder dialog answers with `chooseFolder`; as in the app, only what it hands out (or a
    // folder War Room already marked) may become a target. A stand-in keychain, so the
    // sealed-passphrase path runs as in the desktop app.
    ...syncHandlers<void>({ folders: createFolderGrants(), chooseFolder: async () => options.chooseFolder?.() ?? undefined, unseal: openFakeSeal }),
    // Folders are not watched here: this page's bridge has no onSyncChanged, so it never asks.
    'sync.watch': ({ folders }) => ({ watches: folders.map(({ id }) => ({ id, mode: 'off' as const, reason: 'not watched in the browser tests' })) }),
    'signing.open': ({ sealed }) => openSigningKey(sealed, openFakeSeal),
    'secret.seal': ({ text }) => ({ sealed: Buffer.from(`${FAKE_SEAL}${text}`, 'utf8').toString('base64') }),
    'file.takeOpened': () => openedFiles.take(),
    'clipboard.writeText': ({ text }) => {
      options.clipboard?.push(text);
      return { written: true };
    },
    ...evidenceHandlers<void>({ chooseOpenPath: async () => options.chooseOpenPath?.() }),
    ...backupHandlers<void>({
      backupsDir: join(options.userDataDir, 'backups'),
      dataDir: options.userDataDir,
      chooseOpenPath: async () => options.chooseOpenPath?.(),
      openFolder: async () => 'not available in the browser tests',
    }),
  });
  await page.exposeBinding('__warroomHost', (_source, method: unknown, args: unknown) => dispatcher.dispatch(method, args, undefined));
  await page.addInitScript(() => {
    const call = (window as unknown as { __warroomHost(method: string, args: unknown): Promise<unknown> }).__warroomHost;
    // Menu commands, as main would send them: sendMenuCommand() below plays the menu.
    const listeners = new Set<(command: string) => void>();
    (window as unknown as { __warroomMenu(command: string): void }).__warroomMenu = (command) => listeners.forEach((listener) => listener(command));
    (window as unknown as { warroom: unknown }).warroom = {
      invoke: (method: string, args: unknown) => call(method, args),
      onCommand: (listener: (command: string) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  });
}

const FAKE_SEAL = 'e2e-keychain:';

function openFakeSeal(sealed: string): string {
  const text = Buffer.from(sealed, 'base64').toString('utf8');
  if (!text.startsWith(FAKE_SEAL)) throw new Error('not sealed by this keychain');
  return text.slice(FAKE_SEAL.length);
}

/** A click on an application-menu item in the desktop app. */
export async function sendMenuCommand(page: Page, command: MenuCommand): Promise<void> {
  await page.evaluate((name) => (window as unknown as { __warroomMenu(command: string): void }).__warroomMenu(name), command);
}
