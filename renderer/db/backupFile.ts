import { decodeBackup, encodeBackup, type DecodedBackup } from '../../shared/backup/backupFile.ts';
import { runbookSettingKey, scenarioSettingKey, statusTemplateSettingKey, templateSettingKey } from '../../shared/entities/settings.ts';
import { STATUS_TEMPLATES } from '../../shared/comms/statusTemplates.ts';
import { BUILT_IN_SCENARIOS } from '../../shared/exercises/builtins.ts';
import type { OpEnvelope } from '../../shared/ops/envelope.ts';
import { BUILT_IN_TEMPLATES } from '../../shared/postmortem/templates.ts';
import { BUILT_IN_RUNBOOKS } from '../../shared/runbooks/builtins.ts';
import { ownDeviceRefusal, summarizeImport, type ImportSummary, type Refusal } from '../../shared/backup/importSummary.ts';
import { farAheadOf } from '../../shared/ops/hlc.ts';
import { CLOCK_HOLD_REASON } from '../../shared/sync/farAhead.ts';
import type { PendingOp } from '../../shared/sync/ports.ts';
import { applyRemoteOpsInTransaction, MAX_CLOCK_DRIFT_MS, REMOTE_APPLY_TABLES } from './applyRemote.ts';
import type { WarRoomDb } from './database.ts';
import { loadDeviceState, readDeviceState } from './device.ts';
import { lookupIn, pinKeys, pinnedKeys, trustedKeys } from './pins.ts';

/**
 * "Export all": every op this laptop holds — applied and pending (from a newer app) — in one
 * backup file. The ops are the source of truth, so the file restores everything else.
 */
export async function exportAll(db: WarRoomDb, now = Date.now()): Promise<{ text: string; opCount: number }> {
  // Read, not created: an export must not write.
  const device = (await readDeviceState(db))?.device ?? '0000000000000000';
  const { ops, pending } = await db.transaction('r', [db.ops, db.pending], async () => ({ ops: await db.ops.toArray(), pending: await db.pending.toArray() }));
  const all = [...ops, ...pending.map((row) => row.op)];
  const devices = new Set(all.map((op) => op.device));
  const keys = Object.fromEntries(Object.entries(await trustedKeys(db)).filter(([id]) => devices.has(id)));
  return { text: encodeBackup({ ops: all, device, createdAt: new Date(now).toISOString(), keys }), opCount: new Set(all.map((op) => op.hash)).size };
}

export type ImportResult =
  | { ok: true; applied: number; duplicates: number; pending: number; held: number; total: number; createdAt: string; from: string; refused: Refusal[] }
  | { ok: false; error: string };

type Decoded = Extract<DecodedBackup, { ok: true }>;

/** A decoded file with what importing it would change, for the person to confirm first. */
export type ImportPreview = { ok: true; decoded: Decoded; summary: ImportSummary } | { ok: false; error: string };

/** Built-in team settings: always there, so an import setting one replaces it. */
export const BUILT_IN_SETTINGS: readonly string[] = [
  'severity-scheme',
  'phase-names',
  ...BUILT_IN_RUNBOOKS.map((runbook) => runbookSettingKey(runbook.id)),
  ...BUILT_IN_TEMPLATES.map((template) => templateSettingKey(template.id)),
  ...BUILT_IN_SCENARIOS.map((scenario) => scenarioSettingKey(scenario.id)),
  ...STATUS_TEMPLATES.map((template) => statusTemplateSettingKey(template.id)),
];

export function opsOf(decoded: Decoded): OpEnvelope[] {
  return [...decoded.ops, ...decoded.pending.map((item) => item.op)];
}

/**
 * The keys an imported file's ops are checked against: the pinned ones. Not this laptop's own:
 * an op under its id that it does not hold is refused on its own, by op id (importSummary.ts),
 * without refusing the rest of the file.
 */
async function importTrust(db: WarRoomDb) {
  return lookupIn(await pinnedKeys(db));
}

/** Which of `hashes` this laptop holds, applied or pending. */
async function heldHashes(db: WarRoomDb, hashes: readonly string[]): Promise<Set<string>> {
  const [applied, pending] = await Promise.all([db.ops.bulkGet(hashes as string[]), db.pending.bulkGet(hashes as string[])]);
  return new Set(hashes.filter((_, i) => applied[i] !== undefined || pending[i] !== undefined));
}

/**
 * Decode a backup file and say what importing it would change (importSummary.ts), reading only:
 * nothing is written until the person confirms and `importDecoded` runs.
 */
export async function previewImport(db: WarRoomDb, text: string): Promise<ImportPreview> {
  const decoded = decodeBackup(text, await importTrust(db));
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const ops = opsOf(decoded);
  const incidentIds = [...new Set(ops.flatMap((op) => (op.incident === null ? [] : [op.incident])))];
  const [device, profile, known, incidentRows, settingRows] = await Promise.all([
    readDeviceState(db),
    db.meta.get('deviceProfile'),
    heldHashes(db, ops.map((op) => op.hash)),
    db.incidents.bulkGet(incidentIds),
    db.settings.toCollection().primaryKeys(),
  ]);
  const incidentTitles = new Map(incidentRows.flatMap((row) => (row?.view ? [[row.key, row.view.title] as const] : [])));
  const summary = summarizeImport(ops, {
    ownDevice: device?.device ?? '',
    ownDeviceName: profile?.key === 'deviceProfile' ? profile.value.name : null,
    known,
    incidentTitles,
    existingSettings: new Set([...BUILT_IN_SETTINGS, ...settingRows.map(String)]),
  });
  return { ok: true, decoded, summary };
}

/** "Import" of a file: `importDecoded` after decoding it (a file that does not decode changes nothing). */
export async function importBackup(db: WarRoomDb, text: string, now: () => number = Date.now): Promise<ImportResult> {
  const decoded = decodeBackup(text, await importTrust(db));
  if (!decoded.ok) return { ok: false, error: decoded.error };
  return importDecoded(db, decoded, now);
}

/**
 * "Import": a backup file's ops merged as ops, in one transaction, so importing the same file
 * twice changes nothing and a bad file changes nothing at all (decodeBackup refuses a file
 * with any bad line before anything is written). An op stamped far ahead of this laptop's clock
 * is held in `pending`, as a sync round holds it (docs/sync-format.md#far-future-stamps). An op
 * claiming this laptop's own device id that is not already here is refused and listed, never
 * written (importSummary.ts says why).
 */
export async function importDecoded(db: WarRoomDb, decoded: Decoded, now: () => number = Date.now): Promise<ImportResult> {
  const own = (await loadDeviceState(db)).device;
  const claimed = opsOf(decoded).filter((op) => op.device === own);
  const ownHeld = await heldHashes(db, claimed.map((op) => op.hash));
  const refused: Refusal[] = claimed
    .filter((op) => !ownHeld.has(op.hash))
    .map((op) => ownDeviceRefusal(op, own));
  const refusedHashes = new Set(refused.map((item) => item.hash));
  const admitted = decoded.ops.filter((op) => !refusedHashes.has(op.hash));
  const farAhead = farAheadOf(now(), MAX_CLOCK_DRIFT_MS);
  const ahead = admitted.filter((op) => farAhead(op.hlc));
  const { result, change, pending, held } = await db.transaction('rw', [...REMOTE_APPLY_TABLES(db), db.pending], async () => {
    const applied = await applyRemoteOpsInTransaction(db, admitted.filter((op) => !farAhead(op.hlc)), now);
    // One accepted earlier is applied already.
    const accepted = await db.ops.bulkGet(ahead.map((op) => op.hash));
    const holds: PendingOp[] = ahead.filter((_, i) => accepted[i] === undefined).map((op) => ({ op, reason: CLOCK_HOLD_REASON, clock: { deviceName: null } }));
    const aside: PendingOp[] = [...decoded.pending.filter((item) => !refusedHashes.has(item.op.hash)), ...holds];
    // Keyed by content hash, as sync keeps them: the same op twice is one row.
    const known = await db.pending.bulkGet(aside.map((item) => item.op.hash));
    const fresh = aside.filter((_, i) => known[i] === undefined);
    await db.pending.bulkPut(fresh.map(({ op, reason, clock }) => ({ id: op.hash, op, reason, ...(clock ? { clock } : {}) })));
    const freshHeld = fresh.filter((item) => item.clock).length;
    return { ...applied, pending: fresh.length - freshHeld, held: freshHeld };
  });
  db.changes.emitCommitted(change);
  const { header } = decoded;
  // The keys its ops were checked against: pinned for what this laptop had no key for yet.
  if (header.keys) await pinKeys(db, Object.fromEntries(Object.entries(header.keys).filter(([id]) => id !== own)));
  return { ok: true, applied: result.applied, duplicates: result.duplicates, pending, held, total: header.opCount, createdAt: header.createdAt, from: header.device, refused };
}
