import { listBackups, readLatestBackup, writeBackup } from './backup/rotatingBackup.ts';
import type { BridgeHandlers } from './dispatch.ts';
import { openFile, type OpenDialogRequest } from './openFile.ts';

type BackupMethods = 'backup.write' | 'backup.list' | 'backup.readLatest' | 'file.open' | 'app.openDataFolder';

export interface BackupHandlerDeps<Ctx> {
  /** <userData>/backups: created on the first write. */
  backupsDir: string;
  /** <userData>, shown by app.openDataFolder. */
  dataDir: string;
  /** The native "Open" dialog (modal to the caller's window); undefined when cancelled. */
  chooseOpenPath(request: OpenDialogRequest, ctx: Ctx): Promise<string | undefined>;
  /** Shows a folder in the file manager; resolves to '' on success, else why not (Electron's shell.openPath). */
  openFolder(path: string): Promise<string>;
  /** The time a backup is named for; the clock unless a test says otherwise. */
  now?: () => Date;
  /** How many automatic backups to keep; 24 unless a test says otherwise. */
  keep?: number;
}

/**
 * Backups, opening a backup file and the data folder, over plain Node with Electron's parts
 * injected: the main process passes its dialog and shell, tests pass their own.
 */
export function backupHandlers<Ctx>(deps: BackupHandlerDeps<Ctx>): Pick<BridgeHandlers<Ctx>, BackupMethods> {
  const now = deps.now ?? (() => new Date());
  return {
    'backup.write': async ({ content }) => {
      const result = await writeBackup(deps.backupsDir, content, now(), deps.keep === undefined ? {} : { keep: deps.keep });
      return { written: result.written, path: result.path, kept: result.kept };
    },
    'backup.list': async () => ({
      backups: (await listBackups(deps.backupsDir)).map(({ name, size, createdAt }) => ({ name, size, createdAt })),
    }),
    'backup.readLatest': async () => readLatestBackup(deps.backupsDir),
    'file.open': (args, ctx) => openFile(args, { chooseOpenPath: (request) => deps.chooseOpenPath(request, ctx) }),
    'app.openDataFolder': async () => {
      const problem = await deps.openFolder(deps.dataDir);
      return problem === '' ? { opened: true } : { opened: false, reason: problem };
    },
  };
}
