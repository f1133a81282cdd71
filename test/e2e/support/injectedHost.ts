import type { Page } from '@playwright/test';
import { createDispatcher } from '../../../electron/host/dispatch.ts';
import { join } from 'node:path';
import { backupHandlers } from '../../../electron/host/backupHandlers.ts';
import { syncHandlers } from '../../../electron/host/syncHandlers.ts';

/**
 * Gives a page the desktop app's `window.warroom` bridge, backed by the real host modules
 * running in the test's Node process (the Electron binary cannot run here). Arguments and results
 * go through the same zod-checked dispatcher as the main process.
 */
export async function injectHost(page: Page, options: { userDataDir: string; chooseFolder?: () => string | null; chooseOpenPath?: () => string | undefined }): Promise<void> {
  const dispatcher = createDispatcher<void>({
    'app.info': () => ({ name: 'War Room', version: '0.0.0-e2e', platform: process.platform, versions: { node: process.versions.node }, userDataDir: options.userDataDir }),
    'file.save': () => ({ saved: false }),
    'app.notify': () => ({ shown: false }),
    'sync.chooseFolder': () => ({ path: options.chooseFolder?.() ?? null }),
    ...syncHandlers<void>(),
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
    (window as unknown as { warroom: unknown }).warroom = { invoke: (method: string, args: unknown) => call(method, args) };
  });
}
