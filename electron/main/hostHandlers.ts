import { join } from 'node:path';
import { app, clipboard, dialog, Notification, safeStorage, shell, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { appInfo } from '../host/appInfo.ts';
import { backupHandlers } from '../host/backupHandlers.ts';
import { evidenceHandlers } from '../host/hashFile.ts';
import type { BridgeHandlers } from '../host/dispatch.ts';
import type { OpenDialogRequest } from '../host/openFile.ts';
import { saveFile, type SaveDialogRequest } from '../host/saveFile.ts';
import { openSigningKey } from '../host/signingKey.ts';
import { syncHandlers } from '../host/syncHandlers.ts';
import { watchHandlers, type TargetWatches } from '../host/targetWatches.ts';
import type { FolderGrants } from '../host/folderGrants.ts';
import type { OpenedFiles } from '../host/openedFiles.ts';
import { clipboardWriteHandler, type UserActivation } from '../host/userActivation.ts';
import type { CallContext } from './ipc.ts';
import type { DisplayWindows } from './displayWindows.ts';

/** Binds each bridge method to its host/ module, injecting what only Electron can provide. */
/**
 * `folders`: the folders chosen in this run's folder dialog (one registry per app run);
 * `userActivation`: when each page last saw a click or key press.
 */
export function createHostHandlers(
  openedFiles: OpenedFiles,
  targetWatches: TargetWatches,
  folders: FolderGrants,
  userActivation: UserActivation,
  displayWindows: DisplayWindows,
): BridgeHandlers<CallContext> {
  return {
    'app.openWindow': (view) => displayWindows.open(view),
    'app.info': () =>
      appInfo({
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        versions: process.versions,
        userDataDir: app.getPath('userData'),
      }),
    'file.save': (args, ctx) => saveFile(args, { chooseSavePath: (request) => chooseSavePath(request, ctx) }),
    'app.notify': ({ title, body }) => {
      if (!Notification.isSupported()) return { shown: false };
      new Notification({ title, body }).show();
      return { shown: true };
    },
    ...syncHandlers<CallContext>({
      folders,
      chooseFolder,
      unseal: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
    }),
    ...watchHandlers<CallContext>(targetWatches),
    'signing.open': ({ sealed }) => openSigningKey(sealed, (text) => safeStorage.decryptString(Buffer.from(text, 'base64'))),
    'secret.seal': ({ text }) => ({ sealed: hasRealKeychain() ? safeStorage.encryptString(text).toString('base64') : null }),
    'file.takeOpened': () => openedFiles.take(),
    'clipboard.writeText': clipboardWriteHandler(userActivation, (text) => clipboard.writeText(text)),
    ...evidenceHandlers<CallContext>({ chooseOpenPath }),
    ...backupHandlers<CallContext>({
      backupsDir: join(app.getPath('userData'), 'backups'),
      dataDir: app.getPath('userData'),
      chooseOpenPath,
      openFolder: (path) => shell.openPath(path),
    }),
  };
}

async function chooseFolder(title: string, ctx: CallContext): Promise<string | undefined> {
  const options: OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
  const result = ctx.window ? await dialog.showOpenDialog(ctx.window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

async function chooseOpenPath(request: OpenDialogRequest, ctx: CallContext): Promise<string | undefined> {
  const options: OpenDialogOptions = {
    title: request.title,
    defaultPath: app.getPath('documents'),
    filters: request.filters,
    properties: ['openFile'],
  };
  const result = ctx.window ? await dialog.showOpenDialog(ctx.window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

async function chooseSavePath(request: SaveDialogRequest, ctx: CallContext): Promise<string | undefined> {
  const options: SaveDialogOptions = {
    defaultPath: join(app.getPath('documents'), request.suggestedName),
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = ctx.window
    ? await dialog.showSaveDialog(ctx.window, options)
    : await dialog.showSaveDialog(options);
  return result.canceled || result.filePath === '' ? undefined : result.filePath;
}

/**
 * safeStorage's Linux fallback ("basic_text") encrypts with a hard-coded key: no better than
 * plain text, so a passphrase is then kept as it is, and the app says so.
 */
function hasRealKeychain(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}
