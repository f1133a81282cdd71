import { z } from 'zod';
import { ExchangeArgs, ExchangeResult, ListArgs, ListResult, SetUpArgs, SetUpResult } from '../sync/wire.ts';

/**
 * The host API the renderer may call (DESIGN.md §4). Every method names a zod schema for its
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
    format: z.enum(['markdown', 'csv', 'json']),
  })
  .strict();

const SaveFileResult = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), path: z.string() }),
  z.object({ saved: z.literal(false) }),
]);

const NotifyArgs = z.object({ title: z.string().min(1).max(200), body: z.string().max(1000) }).strict();

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

/** The single function preload exposes as `window.warroom`. */
export interface Bridge {
  invoke<M extends BridgeMethod>(method: M, args: BridgeArgs<M>): Promise<BridgeReply<BridgeResult<M>>>;
}
