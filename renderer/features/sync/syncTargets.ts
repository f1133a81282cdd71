import { randomHex } from '../../../shared/ops/ids.ts';
import { describeZodError } from '../../../shared/util/zodError.ts';
import { TargetConfig } from '../../../shared/sync/wire.ts';
import type { Bridge } from '../../../shared/bridge/contract.ts';
import type { SyncTargetRow, WarRoomDb } from '../../db/database.ts';
import { addSyncTarget, listSyncTargets } from '../../db/syncTargets.ts';
import { describeFault } from './syncService.ts';

const cryptoBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** The last part of a path or URL: how a target is named in the status line. */
export function targetLabel(config: TargetConfig): string {
  const location = config.kind === 'folder' ? config.path : config.url;
  const name = location.replace(/[\\/]+$/, '').split(/[\\/:]/).at(-1) ?? location;
  return `${config.kind === 'folder' ? 'Folder' : 'Git'} ${name || location}`;
}

export function targetLocation(config: TargetConfig): string {
  return config.kind === 'folder' ? config.path : `${config.url} (${config.branch}) → ${config.cloneDir}`;
}

/**
 * Check the form's target with zod, then have the host set it up (an empty folder or remote gets
 * the archive; an existing one is checked, passphrase included). Only then is it added.
 */
export async function addTarget(db: WarRoomDb, bridge: Bridge, input: unknown, now = Date.now()): Promise<{ ok: true; target: SyncTargetRow } | { ok: false; message: string }> {
  const parsed = TargetConfig.safeParse(input);
  if (!parsed.success) return { ok: false, message: describeZodError(parsed.error) };
  const config = await sealPassphrase(bridge, parsed.data);
  const existing = await listSyncTargets(db);
  if (existing.some((t) => targetLocation(t.config) === targetLocation(config))) return { ok: false, message: 'This target is already set up.' };
  const reply = await bridge.invoke('sync.setUp', { target: config });
  if (!reply.ok) return { ok: false, message: reply.error.message };
  if (!reply.value.ok) return { ok: false, message: describeFault(reply.value.fault) };
  const target: SyncTargetRow = {
    id: `tgt-${randomHex(6, cryptoBytes)}`,
    label: targetLabel(config),
    config,
    createdAt: now,
    cursors: {},
    pushedSeq: 0,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastFault: null,
    lastProblems: 0,
  };
  const joined = reply.value.value.created ? 'Set up a new archive here.' : 'Joined the archive found here.';
  const secret = config.encryption === undefined ? '' : config.encryption.sealed !== undefined ? " The team passphrase is sealed by this computer's keychain." : " The team passphrase is kept in this laptop's database: this computer offers no keychain.";
  await addSyncTarget(db, target, { target: target.id, at: now, level: 'info', message: joined + secret });
  return { ok: true, target };
}

/**
 * Checked as typed, then kept sealed by the OS keychain where there is one, so the team
 * passphrase is not readable from this laptop's database; in the clear only where there is none.
 */
async function sealPassphrase(bridge: Bridge, config: TargetConfig): Promise<TargetConfig> {
  const passphrase = config.encryption?.passphrase;
  if (passphrase === undefined) return config;
  const reply = await bridge.invoke('secret.seal', { text: passphrase });
  if (!reply.ok || reply.value.sealed === null) return config;
  return { ...config, encryption: { sealed: reply.value.sealed } };
}
