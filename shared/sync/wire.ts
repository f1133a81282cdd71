import { z } from 'zod';
import { DeviceId } from '../ops/ids.ts';
import { DeviceInfo, FormatFile } from './layout.ts';

/**
 * What crosses the bridge for sync (docs/architecture.md#sync and #the-bridge): target configs, listings, segment bytes
 * and faults. The renderer decides (shared/sync); the host only moves files.
 */

const AbsolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'no NUL characters')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'an absolute path');

/**
 * Optional end-to-end encryption: the team passphrase never leaves this laptop except as a key.
 * Stored, it is `sealed` by the OS keychain where the desktop app has one (Electron safeStorage,
 * base64), and opened only in the main process for a round; `passphrase` is the plain form (as
 * typed, or where no keychain exists).
 */
const Encryption = z
  .object({
    passphrase: z.string().min(8, 'a passphrase of at least 8 characters').max(1024).optional(),
    sealed: z.string().min(1).max(8192).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'a sealed passphrase (base64)').optional(),
  })
  .strict()
  .refine((e) => (e.passphrase === undefined) !== (e.sealed === undefined), 'a passphrase, or a sealed one, but not both');

export const FolderTarget = z
  .object({ kind: z.literal('folder'), path: AbsolutePath, encryption: Encryption.optional() })
  .strict();

/** file://, ssh://, https://, or scp-like user@host:path — whatever the user's git understands. */
const GitUrl = z
  .string()
  .min(1)
  .max(2048)
  .refine((u) => !u.startsWith('-') && !/[\0\n\r]/.test(u), 'a git remote URL')
  .refine((u) => /^(file|ssh|https?|git):\/\//.test(u) || /^[\w.-]+@[\w.-]+:/.test(u), 'a git URL: file://, ssh://, https:// or user@host:path');

const GitBranch = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/, 'a branch name such as main');

export const GitTarget = z
  .object({ kind: z.literal('git'), url: GitUrl, branch: GitBranch, cloneDir: AbsolutePath, encryption: Encryption.optional() })
  .strict();

export const TargetConfig = z.discriminatedUnion('kind', [FolderTarget, GitTarget]);
export type TargetConfig = z.infer<typeof TargetConfig>;

/**
 * Why a sync round could not finish, in words a commander understands. `unreachable` covers a
 * missing, empty or unmounted target: never read as "everything was deleted".
 */
export const FAULT_CODES = [
  'unreachable',
  'not-set-up',
  'newer-format',
  'read-only',
  'disk-full',
  'write-failed',
  'auth',
  'push-rejected',
  'git',
  'wrong-passphrase',
  'passphrase-needed',
  'not-encrypted',
  'fork',
  /** A file on the target is there but cannot be used (damaged, tampered, swapped). */
  'damaged',
  /** The desktop host itself failed (a bug, or sync used where no host exists). */
  'host',
] as const;
export const SyncFault = z.object({
  code: z.enum(FAULT_CODES),
  message: z.string().max(4000),
  /** The file concerned, relative to the target root, when there is one. */
  file: z.string().max(4096).optional(),
});
export type SyncFault = z.infer<typeof SyncFault>;

const SeqNumber = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const WireSegmentRef = z
  .object({ device: DeviceId, first: SeqNumber, last: SeqNumber, encrypted: z.boolean(), path: z.string().max(512) })
  .strict();

export const WireListing = z.object({
  format: FormatFile,
  encrypted: z.boolean().optional(),
  devices: z.array(DeviceInfo),
  segments: z.array(WireSegmentRef),
  problems: z.array(z.object({ file: z.string().max(4096), reason: z.string().max(4000) }).strict()).optional(),
});

/** Result of a host call: a fault is data, so the renderer can log it and carry on. */
function outcome<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), fault: SyncFault })]);
}

/** Make a target usable: create the archive in an empty folder / remote, or check an existing one. */
export const SetUpArgs = z.object({ target: TargetConfig }).strict();
export const SetUpResult = outcome(z.object({ created: z.boolean() }));

/** Bring the target up to date (git: fetch + rebase) and list it. */
export const ListArgs = z.object({ target: TargetConfig }).strict();
export const ListResult = outcome(WireListing);

const MAX_SEGMENT_BYTES = 64 * 1024 * 1024;

/** Write this device's new segments (and its device file), then read the segments asked for. */
export const ExchangeArgs = z
  .object({
    target: TargetConfig,
    device: DeviceInfo,
    write: z.array(z.object({ first: SeqNumber, last: SeqNumber, text: z.string().max(MAX_SEGMENT_BYTES) }).strict()).max(1000),
    read: z.array(WireSegmentRef).max(100_000),
  })
  .strict();

export const ReadFile = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), path: z.string(), text: z.string() }),
  z.object({ ok: z.literal(false), path: z.string(), fault: SyncFault }),
]);

export const ExchangeResult = outcome(
  z.object({
    /** Paths written this round. */
    written: z.array(z.string()),
    files: z.array(ReadFile),
  }),
);
export type ExchangeResult = z.infer<typeof ExchangeResult>;
