import { DeviceId } from '../../../shared/ops/ids.ts';
import {
  DEVICES_DIR,
  DeviceInfo,
  ENCRYPTION_PATH,
  FORMAT_PATH,
  FORMAT_VERSION,
  FormatFile,
  OPS_DIR,
  deviceInfoPath,
  opsFolderPath,
  parseSegmentName,
  segmentPath,
  type ListingProblem,
  type SegmentRef,
  type TargetListing,
} from '../../../shared/sync/layout.ts';
import type { ReadSegment } from '../../../shared/sync/ports.ts';
import type { TargetConfig } from '../../../shared/sync/wire.ts';
import { EncryptionFile, newEncryption, open, seal, unlock } from './crypto.ts';
import { FaultError, fail, fault } from './faults.ts';
import { type CheckedFolders, MAX_SEGMENT_FILE_BYTES, listEntries, readOptional, refusal, writeNew, writeReplace } from './files.ts';

/**
 * The archive of docs/sync-format.md on a root folder — shared by both transports (git works on its
 * clone's working tree). Decisions about what to write or apply stay in shared/sync.
 */
export interface Archive {
  root: string;
  format: FormatFile;
  /** The team key on an encrypted target, null on a plain one. */
  key: Buffer | null;
}

const NO_ARCHIVE =
  'The target holds no War Room archive (warroom/format.json is missing) — is the drive mounted, and was the target set up? Nothing was changed.';

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function hasFormat(root: string): Promise<boolean> {
  return (await readOptional(root, FORMAT_PATH)) !== null;
}

/** The passphrase in the clear; a sealed one must have been opened by the caller (syncHandlers). */
function passphraseOf(target: TargetConfig): string | undefined {
  if (target.encryption?.sealed !== undefined) fail('passphrase-needed', 'The team passphrase is still sealed: only the desktop app that sealed it can open it.', ENCRYPTION_PATH);
  return target.encryption?.passphrase;
}

const KEY_FILE_GONE = `${ENCRYPTION_PATH} is missing`;
const RESTORE = `Restore ${ENCRYPTION_PATH} from another copy of the target (another laptop's clone, a backup of the folder).`;

/**
 * A target whose encryption.json is gone must never be written in the clear: sealed segments
 * (`sealed`, the first one found) show what it was, so the missing file is a fault for everyone,
 * passphrase or not. Checked where the names are read anyway (a listing, setting up).
 */
function refuseSealedWithoutKey(sealed: string | null): void {
  if (sealed !== null) {
    fail('damaged', `${KEY_FILE_GONE}, but the target holds encrypted segments (${sealed}): nothing was read or written. ${RESTORE}`, ENCRYPTION_PATH);
  }
}

/**
 * Check format and passphrase before anything is read or written: a wrong key stops the round.
 * `join` (adding the target) and `use` (a round) differ in what a passphrase set for a target
 * without encryption.json means: a mistake when adding it; a lost key file afterwards. A plain
 * archive holding sealed segments is refused here when joining, by listArchive in a round.
 */
export async function openArchive(root: string, target: TargetConfig, purpose: 'join' | 'use' = 'use'): Promise<Archive> {
  const formatBytes = await readOptional(root, FORMAT_PATH);
  if (!formatBytes) fail('unreachable', NO_ARCHIVE, FORMAT_PATH);
  const format = FormatFile.safeParse(parseJson(formatBytes));
  if (!format.success) fail('damaged', `${FORMAT_PATH} is damaged: it is not a War Room format file.`, FORMAT_PATH);
  if (format.data.version > FORMAT_VERSION) {
    fail('newer-format', `The target was written in archive format v${format.data.version}; this app reads v${FORMAT_VERSION}. Update the app to sync with it.`, FORMAT_PATH);
  }
  const passphrase = passphraseOf(target);
  const encryptionBytes = await readOptional(root, ENCRYPTION_PATH);
  if (!encryptionBytes) {
    if (purpose === 'join') refuseSealedWithoutKey((await scanSegments(root, false, [])).sealed);
    // A laptop that uses the target encrypted never writes it in the clear.
    if (passphrase !== undefined && purpose === 'use') {
      fail('damaged', `${KEY_FILE_GONE}, but this laptop uses the target as an encrypted one (a passphrase is set for it): nothing was read or written in the clear. ${RESTORE}`, ENCRYPTION_PATH);
    }
    if (passphrase !== undefined) {
      fail('not-encrypted', 'This target is not encrypted: add it without a passphrase, or choose an empty folder to set up a new encrypted target.', ENCRYPTION_PATH);
    }
    return { root, format: format.data, key: null };
  }
  const encryption = EncryptionFile.safeParse(parseJson(encryptionBytes));
  if (!encryption.success) {
    fail('damaged', `${ENCRYPTION_PATH} is damaged, so nothing on this encrypted target can be opened. Restore it from another copy of the target.`, ENCRYPTION_PATH);
  }
  if (passphrase === undefined) {
    fail('passphrase-needed', "This target is encrypted: enter the team's passphrase in the target settings to sync with it.", ENCRYPTION_PATH);
  }
  const key = await unlock(encryption.data, passphrase);
  if (!key) fail('wrong-passphrase', 'The passphrase does not match the one this target was set up with. Nothing was read or written.', ENCRYPTION_PATH);
  return { root, format: format.data, key };
}

const FORMAT_BYTES = Buffer.from(`${JSON.stringify({ format: 'warroom-sync', version: FORMAT_VERSION })}\n`, 'utf8');

/**
 * Create format.json (and encryption.json) where there is none. Both are written without
 * clobbering, so two laptops setting up at once end with one archive; the result is then opened
 * as any existing one would be. Returns the paths this call created.
 */
export async function createArchive(root: string, target: TargetConfig): Promise<{ archive: Archive; created: string[] }> {
  const created: string[] = [];
  const passphrase = passphraseOf(target);
  // A new key next to sealed segments would make them unreadable for good.
  if (!(await readOptional(root, ENCRYPTION_PATH))) refuseSealedWithoutKey((await scanSegments(root, false, [])).sealed);
  if (passphrase !== undefined) {
    const { file } = await newEncryption(passphrase);
    const bytes = Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
    if ((await writeNew(root, ENCRYPTION_PATH, bytes, (existing) => existing.equals(bytes))) === 'written') created.push(ENCRYPTION_PATH);
  }
  if ((await writeNew(root, FORMAT_PATH, FORMAT_BYTES, () => true)) === 'written') created.push(FORMAT_PATH);
  return { archive: await openArchive(root, target, 'join'), created };
}

/**
 * The device files (devices/<id>.json) that parse; one that is a link or not a regular file is
 * left out and named in `problems`. A bad one is skipped: it costs only a display name (and a key).
 */
export async function listDevices(archive: Archive, problems: ListingProblem[]): Promise<DeviceInfo[]> {
  const { root } = archive;
  const devices: DeviceInfo[] = [];
  const checked: CheckedFolders = new Set();
  for (const entry of await listEntries(root, DEVICES_DIR, checked)) {
    const id = /^([0-9a-f]{16})\.json$/.exec(entry.name)?.[1];
    if (!id) continue;
    const path = deviceInfoPath(id);
    if (entry.kind !== 'file') {
      problems.push({ file: path, reason: refusal(path, entry.is) });
      continue;
    }
    let bytes;
    try {
      bytes = await readOptional(root, path, { checked });
    } catch (error) {
      // Swapped for a link or a FIFO since the folder was listed, or over the cap.
      if (!(error instanceof FaultError) || error.fault.code !== 'damaged') throw error;
      problems.push({ file: path, reason: error.fault.message });
      continue;
    }
    const info = bytes && DeviceInfo.safeParse(parseJson(bytes));
    // A bad device file only costs a display name; the ops carry the device id themselves.
    if (info?.success && info.data.device === id) devices.push(info.data);
  }
  return devices;
}

/**
 * Every device file and segment; junk, *.tmp and the other kind of segment are ignored. A device
 * file or segment that is a link or not a regular file (and a device folder that is not a real
 * folder) is left out and named in `problems`.
 */
export async function listArchive(archive: Archive): Promise<TargetListing> {
  const { root } = archive;
  const problems: ListingProblem[] = [];
  const devices = await listDevices(archive, problems);
  const { segments, sealed } = await scanSegments(root, archive.key !== null, problems);
  if (archive.key === null) refuseSealedWithoutKey(sealed);
  return { format: archive.format, encrypted: archive.key !== null, devices, segments, ...(problems.length > 0 ? { problems } : {}) };
}

/**
 * Every device's segments under `root`, sorted by device then first seq; any other name is
 * ignored. A segment name that is not a regular file, and a device folder that is a link or not
 * a folder, are not listed but added to `refused` (never followed, never opened).
 */
export async function listSegments(root: string, encrypted: boolean, refused: ListingProblem[] = []): Promise<SegmentRef[]> {
  return (await scanSegments(root, encrypted, refused)).segments;
}

/** listSegments, plus the first sealed segment name seen (any kind of entry), in the same pass. */
async function scanSegments(root: string, encrypted: boolean, refused: ListingProblem[]): Promise<{ segments: SegmentRef[]; sealed: string | null }> {
  const segments: SegmentRef[] = [];
  let sealed: string | null = null;
  const checked: CheckedFolders = new Set();
  for (const folder of await listEntries(root, OPS_DIR, checked)) {
    if (!DeviceId.safeParse(folder.name).success) continue;
    const path = opsFolderPath(folder.name);
    if (folder.kind !== 'folder') {
      refused.push({ file: path, reason: refusal(path, folder.is, 'folder') });
      continue;
    }
    for (const entry of await listEntries(root, path, checked)) {
      const ref = parseSegmentName(folder.name, entry.name);
      if (ref?.encrypted) sealed ??= ref.path;
      // On an encrypted target a plain segment would bypass its integrity check, and vice versa.
      if (!ref || ref.encrypted !== encrypted) continue;
      if (entry.kind === 'file') segments.push(ref);
      else refused.push({ file: ref.path, reason: refusal(ref.path, entry.is) });
    }
  }
  segments.sort((a, b) => (a.device === b.device ? a.first - b.first : a.device < b.device ? -1 : 1));
  return { segments, sealed };
}

function deviceBytes(device: DeviceInfo): Buffer {
  return Buffer.from(`${JSON.stringify(device, null, 2)}\n`, 'utf8');
}

/**
 * This device's device file (when changed) and new segments. `written` lists every requested
 * segment now in place (new, or already there with the same content); `changed` what this call
 * actually created or replaced, for git to commit.
 */
export async function writeOwn(
  archive: Archive,
  device: DeviceInfo,
  segments: readonly { first: number; last: number; text: string }[],
): Promise<{ written: string[]; changed: string[] }> {
  const { root, key } = archive;
  if (!DeviceId.safeParse(device.device).success) fail('write-failed', `"${device.device}" is not a device id.`);
  const changed: string[] = [];
  const infoPath = deviceInfoPath(device.device);
  const info = deviceBytes(device);
  // A link or special file planted under our own name is replaced (rename does not follow it).
  const current = await readOptional(root, infoPath).catch((error: unknown) => (error instanceof FaultError && error.fault.code === 'damaged' ? null : Promise.reject(error)));
  if (!current?.equals(info)) {
    await writeReplace(root, infoPath, info);
    changed.push(infoPath);
  }
  const written: string[] = [];
  const checked: CheckedFolders = new Set();
  for (const { first, last, text } of segments) {
    const path = segmentPath(device.device, first, last, key !== null);
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || first < 1 || last < first) {
      fail('write-failed', `Segment ${first}-${last} is not a valid range of seq numbers.`, path);
    }
    const plain = Buffer.from(text, 'utf8');
    // Sealing uses a fresh nonce, so an encrypted retry is compared by plaintext, not bytes.
    const bytes = key ? seal(key, path, plain) : plain;
    if (bytes.length > MAX_SEGMENT_FILE_BYTES) {
      fail('write-failed', `${path} would be ${bytes.length} bytes, more than the ${MAX_SEGMENT_FILE_BYTES} a segment may hold (readers would refuse it); nothing was written.`, path);
    }
    const same = (existing: Buffer) => (key ? (open(key, path, existing)?.equals(plain) ?? false) : existing.equals(plain));
    const result = await writeNew(root, path, bytes, same, checked);
    if (result === 'different') {
      fail(
        'fork',
        `${path} already exists with different content. Another install is probably using this device's id (a copied profile); nothing was overwritten.`,
        path,
      );
    }
    if (result === 'written') changed.push(path);
    written.push(path);
  }
  return { written, changed };
}

/**
 * Read (and decrypt) each segment; a file that cannot be read is reported alone — a link, a FIFO
 * or a file over MAX_SEGMENT_FILE_BYTES among them (never followed, waited on or read whole).
 */
export async function readSegments(archive: Archive, refs: readonly SegmentRef[]): Promise<ReadSegment[]> {
  const files: ReadSegment[] = [];
  const checked: CheckedFolders = new Set();
  for (const ref of refs) {
    files.push(await readSegment(archive, ref, checked));
  }
  return files;
}

async function readSegment(archive: Archive, asked: SegmentRef, checked: CheckedFolders): Promise<ReadSegment> {
  // The path is rebuilt from the range, never taken from the request (no ../ tricks).
  const valid = DeviceId.safeParse(asked.device).success && Number.isSafeInteger(asked.first) && Number.isSafeInteger(asked.last);
  const path = valid ? segmentPath(asked.device, asked.first, asked.last, asked.encrypted) : asked.path;
  const ref = { ...asked, path };
  const problem = (message: string, code: 'unreachable' | 'damaged' = 'damaged') => ({ ref, result: { ok: false as const, fault: fault(code, message, path) } });
  if (!valid || asked.encrypted !== (archive.key !== null)) return problem(`${path} is not a segment of this target.`);
  try {
    const bytes = await readOptional(archive.root, path, { maxBytes: MAX_SEGMENT_FILE_BYTES, checked });
    if (!bytes) return problem(`${path} is not on the target (any more); nothing was changed here.`, 'unreachable');
    if (!archive.key) return { ref, result: { ok: true, text: bytes.toString('utf8') } };
    const plain = open(archive.key, path, bytes);
    if (!plain) {
      return problem(`${path} could not be decrypted although the passphrase is right: the file was changed, damaged or swapped with another. It was skipped.`);
    }
    return { ref, result: { ok: true, text: plain.toString('utf8') } };
  } catch (error) {
    if (error instanceof FaultError) return { ref, result: { ok: false, fault: error.fault } };
    throw error;
  }
}
