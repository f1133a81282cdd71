import { z } from 'zod';
import { SecretKeyHex } from '../ops/signingKeyText.ts';
import type { MenuCommand } from './commands.ts';
import { MAX_BACKUP_BYTES } from '../backup/backupFile.ts';
import { DeviceId } from '../ops/ids.ts';
import { DisplayView } from './displayWindow.ts';
import { Artefact } from '../entities/evidence.ts';
import { ExchangeArgs, ExchangeResult, FolderTarget, ListArgs, ListResult, SetUpArgs, SetUpResult } from '../sync/wire.ts';
import { TARGET_ID_PATTERN } from './syncEvents.ts';

/**
 * The host API the renderer may call (docs/architecture.md#the-bridge). Every method names a zod schema for its
 * arguments and its result; the main process parses both, so nothing unchecked crosses IPC.
 */
export { BRIDGE_CHANNEL } from './channel.ts';

const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
  userDataDir: z.string(),
});

const SaveFileArgs = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(200)
      .refine((n) => !/[/\\\0]/.test(n), 'a file name, not a path'),
    content: z.string().max(64 * 1024 * 1024),
    format: z.enum(['markdown', 'csv', 'json', 'warroom', 'html']),
  })
  .strict();

const SaveFileResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), path: z.string() }),
  z.object({ saved: z.literal(false) }),
]);

const NotifyArgs = z.object({ title: z.string().min(1).max(200), body: z.string().max(1000) }).strict();

const NoArgs = z.object({}).strict();

const TargetId = z.string().regex(TARGET_ID_PATTERN, 'a sync target id');

/**
 * The folder targets to watch, all of them each time (a target left out is no longer watched);
 * `device` is this laptop's, whose own folder is not watched (its writes are no news here).
 */
const WatchArgs = z
  .object({
    device: DeviceId.optional(),
    folders: z.array(z.object({ id: TargetId, path: FolderTarget.shape.path }).strict()).max(100),
  })
  .strict();

/** How each folder is watched: `off` (with why) leaves it to the scheduler's cadence. */
const WatchResult = z.object({
  watches: z.array(z.object({ id: TargetId, mode: z.enum(['native', 'polling', 'off']), reason: z.string().max(1000).optional() })),
});

/** A backup file in the backups folder: its name (`warroom-backup-<UTC time>.warroom`), bytes and time. */
const BackupEntry = z.object({ name: z.string(), size: z.number().int().min(0), createdAt: z.string() });

/** A backup file's text (shared/backup/backupFile.ts); UTF-16 units never exceed its UTF-8 bytes. */
const BackupText = z.string().max(MAX_BACKUP_BYTES);

export const bridgeContract = {
  /** A desktop notification (status update or escalation due). */
  'app.notify': { args: NotifyArgs, result: z.object({ shown: z.boolean() }) },
  'app.info': { args: z.object({}).strict(), result: AppInfo },
  'file.save': { args: SaveFileArgs, result: SaveFileResult },
  /** A native folder picker (sync target, clone directory); null when cancelled. */
  'sync.chooseFolder': { args: z.object({ title: z.string().min(1).max(200) }).strict(), result: z.object({ path: z.string().nullable() }) },
  'sync.setUp': { args: SetUpArgs, result: SetUpResult },
  'sync.list': { args: ListArgs, result: ListResult },
  'sync.exchange': { args: ExchangeArgs, result: ExchangeResult },
  /** Watch these folder targets; each change on one reaches the page as SYNC_CHANGED_CHANNEL (shared/bridge/syncEvents.ts). */
  'sync.watch': { args: WatchArgs, result: WatchResult },
  /**
   * Keep an automatic backup of the whole store in <userData>/backups (newest 24 kept). The host
   * decodes `content` first and refuses what is not a valid backup file; `written` is false when the
   * newest backup already holds the same ops (`path` then names that one). `kept`: backups now there.
   */
  'backup.write': {
    args: z.object({ content: BackupText }).strict(),
    result: z.object({ written: z.boolean(), path: z.string(), kept: z.number().int().min(0) }),
  },
  /** The automatic backups, newest first. */
  'backup.list': { args: NoArgs, result: z.object({ backups: z.array(BackupEntry) }) },
  /** The newest backup that decodes (null when none does); newer ones that do not are named in `skipped` with why. */
  'backup.readLatest': {
    args: NoArgs,
    result: z.object({
      content: BackupText.nullable(),
      name: z.string().nullable(),
      skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
    }),
  },
  /** A native "Open" dialog, then the chosen file's text (up to 512 MiB, UTF-8); null when cancelled. */
  'file.open': {
    args: z.object({ title: z.string().min(1).max(200), format: z.enum(['warroom']) }).strict(),
    result: z.object({ path: z.string(), content: BackupText }).nullable(),
  },
  /**
   * Put text on the system clipboard. The page's own clipboard API needs a permission the
   * hardened window never grants, so the desktop app copies here — only right after a click or
   * a key press in the calling page (electron/host/userActivation.ts); otherwise a 'failed' reply.
   */
  'clipboard.writeText': { args: z.object({ text: z.string().max(16 * 1024 * 1024) }).strict(), result: z.object({ written: z.literal(true) }) },
  /** Seal a secret (a team passphrase) with the OS keychain; null where there is no real keychain. */
  'secret.seal': { args: z.object({ text: z.string().min(1).max(1024) }).strict(), result: z.object({ sealed: z.string().nullable() }) },
  /**
   * Open this laptop's sealed signing key (docs/sync-format.md#signatures). The host opens only
   * texts sealed as signing keys: a sealed team passphrase never comes back to the page.
   */
  'signing.open': {
    args: z.object({ sealed: z.string().min(1).max(8192).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'a sealed key (base64)') }).strict(),
    result: z.object({ secretKey: SecretKeyHex }),
  },
  /** The next backup file the OS handed to War Room (a double-clicked .warroom); null when none is waiting. */
  'file.takeOpened': { args: NoArgs, result: z.object({ path: z.string(), content: BackupText }).nullable() },
  /**
   * A native "Open" dialog, then the chosen file's SHA-256, streamed in the host; null when
   * cancelled. The path stays in the host: the page gets only the name, size and hash.
   */
  'evidence.hashFile': { args: z.object({ title: z.string().min(1).max(200) }).strict(), result: Artefact.nullable() },
  /** Show the app's data folder (database, backups, window state) in the system file manager. */
  'app.openDataFolder': { args: NoArgs, result: z.object({ opened: z.boolean(), reason: z.string().optional() }) },
  /** A second window (projector, second monitor) on the live board or one incident's timeline; at most a few at once. */
  'app.openWindow': { args: DisplayView, result: z.object({ opened: z.boolean(), reason: z.string().optional() }) },
} as const;

export type BridgeMethod = keyof typeof bridgeContract;
export type BridgeArgs<M extends BridgeMethod> = z.input<(typeof bridgeContract)[M]['args']>;
export type BridgeResult<M extends BridgeMethod> = z.output<(typeof bridgeContract)[M]['result']>;

export const BridgeError = z.object({
  code: z.enum(['bad-method', 'bad-args', 'bad-sender', 'bad-result', 'failed']),
  message: z.string(),
});
export type BridgeError = z.infer<typeof BridgeError>;

/** What crosses the IPC channel back: errors travel as data, not as thrown IPC exceptions. */
export type BridgeReply<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export function isBridgeMethod(name: unknown): name is BridgeMethod {
  return typeof name === 'string' && Object.hasOwn(bridgeContract, name);
}

/** What preload exposes as `window.warroom`: one call into the host, the menu's commands, and watched targets' changes. */
export interface Bridge {
  invoke<M extends BridgeMethod>(method: M, args: BridgeArgs<M>): Promise<BridgeReply<BridgeResult<M>>>;
  /** Application-menu commands (desktop only); returns the unsubscribe. */
  onCommand?(listener: (command: MenuCommand) => void): () => void;
  /** A target watched with `sync.watch` changed (desktop only); returns the unsubscribe. */
  onSyncChanged?(listener: (target: string) => void): () => void;
}
