import type { BridgeHandlers } from '../../../electron/host/dispatch.ts';
import { createFolderGrants, type FolderGrants } from '../../../electron/host/folderGrants.ts';
import { SetUpArgs } from '../../../shared/sync/wire.ts';

/** Every bridge method, each failing loudly if a test calls one it did not mean to. */
export function unusedHandlers<Ctx = void>(): BridgeHandlers<Ctx> {
  const unused = (method: string) => () => {
    throw new Error(`${method} is not used by this test`);
  };
  return {
    'app.info': unused('app.info'),
    'file.save': unused('file.save'),
    'app.notify': unused('app.notify'),
    'sync.chooseFolder': unused('sync.chooseFolder'),
    'sync.setUp': unused('sync.setUp'),
    'sync.list': unused('sync.list'),
    'sync.exchange': unused('sync.exchange'),
    'sync.watch': unused('sync.watch'),
    'backup.write': unused('backup.write'),
    'backup.list': unused('backup.list'),
    'backup.readLatest': unused('backup.readLatest'),
    'file.open': unused('file.open'),
    'app.openDataFolder': unused('app.openDataFolder'),
    'file.takeOpened': unused('file.takeOpened'),
    'clipboard.writeText': unused('clipboard.writeText'),
    'secret.seal': unused('secret.seal'),
    'signing.open': unused('signing.open'),
    'evidence.hashFile': unused('evidence.hashFile'),
    'app.openWindow': unused('app.openWindow'),
  };
}

/**
 * syncHandlers' folder deps for tests that stand for a person who picks each target's folder in
 * the app's folder dialog before adding it: call `pickFor` with each call before dispatching it.
 */
export function pickingFolders(): { folders: FolderGrants; chooseFolder(): Promise<undefined>; pickFor(method: string, args: unknown): void } {
  const folders = createFolderGrants();
  return {
    folders,
    chooseFolder: async () => undefined,
    pickFor(method, args) {
      const parsed = method === 'sync.setUp' ? SetUpArgs.safeParse(args) : null;
      if (parsed?.success) folders.grant(parsed.data.target.kind === 'folder' ? parsed.data.target.path : parsed.data.target.cloneDir);
    },
  };
}
