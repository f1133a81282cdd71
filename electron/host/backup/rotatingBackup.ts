import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { keyedSerialQueue } from '../../../shared/util/serialQueue.ts';
import { decodeBackup, readBackupHeader, type BackupHeader } from '../../../shared/backup/backupFile.ts';
import { writeFileAtomic } from '../saveFile.ts';
import { openBackupFile, readBackupFile } from './readBackupFile.ts';

/**
 * Automatic backups in `<userData>/backups/`: whole backup files (shared/backup/backupFile.ts),
 * newest kept, oldest pruned. Names carry the UTC time of writing, so they sort in time order
 * across time zones and daylight-saving changes.
 */
export const DEFAULT_KEEP = 24;
const BACKUP_NAME = /^warroom-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.warroom$/;
/** What a write cut short leaves: `*.tmp` or writeFileAtomic's `*.tmp-<hex>`. */
const LEFTOVER = /^warroom-backup-\d{8}-\d{6}\.warroom\.tmp(-[0-9a-f]+)?$/;
/** Enough for a header line (~250 bytes), which is all the skip check needs to read first. */
const HEADER_BYTES = 4096;

export interface BackupInfo {
  name: string;
  path: string;
  size: number;
  /** ISO-8601 UTC, from the name. */
  createdAt: string;
}

export interface WriteBackupResult {
  /** False when the newest backup already holds exactly these ops. */
  written: boolean;
  /** The new backup, or the unchanged one that made writing unnecessary. */
  path: string;
  name: string;
  /** Why nothing was written; absent when `written`. */
  reason?: string;
  /** Backups in the folder afterwards. */
  kept: number;
  /** Older backups deleted to keep `keep`. */
  pruned: string[];
  /** Temporary files left by an interrupted write, removed. */
  cleaned: string[];
}

export interface LatestBackup {
  /** The newest backup that decodes; null when there is none. */
  content: string | null;
  name: string | null;
  /** Newer backups passed over, each with why. */
  skipped: { name: string; reason: string }[];
}

export function backupName(at: Date): string {
  const iso = at.toISOString(); // 2026-11-23T08:07:37.123Z
  return `warroom-backup-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.warroom`;
}

function timeOfName(name: string): number | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // A name like …-20261331-… parses to some other day: not ours.
  return Number.isFinite(ms) && backupName(new Date(ms)) === name ? ms : null;
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** An entry named like a backup: a backup when it is a regular file, else `refused` says what it is instead. */
type Named = (BackupInfo & { refused?: undefined }) | { name: string; refused: string };

/**
 * Every entry named like a backup, newest first. Anything else under such a name (a symbolic link,
 * a FIFO, a folder) is never followed or opened: it comes with why it is not a backup.
 */
async function namedLikeBackups(dir: string): Promise<Named[]> {
  const found: (Named & { ms: number })[] = [];
  for (const name of await namesIn(dir)) {
    const ms = timeOfName(name);
    if (ms === null) continue;
    const path = join(dir, name);
    try {
      const info = await lstat(path);
      if (info.isFile()) found.push({ name, path, size: info.size, createdAt: new Date(ms).toISOString(), ms });
      else found.push({ name, ms, refused: `${info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}, so it was not read` });
    } catch {
      // Gone between readdir and lstat (pruned meanwhile): not listed.
    }
  }
  return found.sort((x, y) => y.ms - x.ms).map(({ ms: _ms, ...entry }) => entry);
}

/** Newest first. Anything not named like a backup (a user's own file, a leftover *.tmp), or not a regular file, is not one. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  return (await namedLikeBackups(dir)).filter((entry): entry is BackupInfo => entry.refused === undefined);
}

/** Writes to one folder run one at a time, so a prune never races a write of the same process. */
const perFolder = keyedSerialQueue();
function serialized<T>(dir: string, task: () => Promise<T>): Promise<T> {
  return perFolder(resolve(dir), task);
}

/** The op lines of a backup file: everything after its header, which holds the varying time. */
function bodyOf(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? '' : text.slice(end + 1);
}

/**
 * Write `text` (a backup file) as a new backup named for `now`, then prune to the newest `keep`.
 * Refuses text that does not decode as a backup file: garbage never enters the backups folder.
 * Skips the write when the newest backup holds the same ops.
 */
export function writeBackup(dir: string, text: string, now: Date, options: { keep?: number } = {}): Promise<WriteBackupResult> {
  const keep = options.keep ?? DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1) return Promise.reject(new RangeError(`keep must be a whole number ≥ 1, not ${keep}`));
  return serialized(dir, async () => {
    const header = checkedHeader(text);
    await mkdir(dir, { recursive: true });
    // Under the queue, and with the single-instance lock in main, any temp file here is a leftover.
    const cleaned: string[] = [];
    for (const name of await namesIn(dir)) {
      if (!LEFTOVER.test(name)) continue;
      await rm(join(dir, name), { force: true });
      cleaned.push(name);
    }

    const newest = (await listBackups(dir))[0];
    if (newest) {
      const same = await holdsSameOps(newest.path, header.digest, text);
      if (same) {
        const reason = `unchanged: ${newest.name} holds the same ${header.opCount} ops`;
        const { kept, pruned } = await prune(dir, newest.name, keep);
        return { written: false, path: newest.path, name: newest.name, reason, kept, pruned, cleaned };
      }
    }
    // A clock set back must not file the new backup behind an older one: readLatestBackup and
    // pruning go by name, so the newest content always gets the newest name (this also keeps two
    // backups within one second apart).
    const newestMs = newest ? (timeOfName(newest.name) ?? 0) : 0;
    const at = now.getTime() >= newestMs + 1000 ? now : new Date(newestMs + 1000);
    const name = backupName(at);
    const path = join(dir, name);
    await writeFileAtomic(path, text);
    const { kept, pruned } = await prune(dir, name, keep);
    return { written: true, path, name, kept, pruned, cleaned };
  });
}

/**
 * The header of a backup file fit to keep. This runs in Electron's main process, where a full
 * decode (every op parsed and hashed in JavaScript, about 1.6 s per 50k ops) would freeze the
 * window each hour. A backup file as the app writes it — one `\n`-ended line per op, as many as the
 * header says, hashing (natively) to its digest — is taken as it is; anything else gets the full
 * decode, which accepts what a reader would and says precisely what is wrong. A restore decodes
 * in full anyway.
 */
function checkedHeader(text: string): BackupHeader {
  const header = intactAsWritten(text);
  if (header) return header;
  const decoded = decodeBackup(text);
  if (!decoded.ok) throw new Error(`not written: the backup does not decode (${decoded.error})`);
  return decoded.header;
}

/** The header when `text` is exactly as encodeBackup writes it: every line there and ending in `\n`, hashing to the digest. */
export function intactAsWritten(text: string): BackupHeader | null {
  const header = text.startsWith('\uFEFF') ? null : readBackupHeader(text);
  if (!header) return null;
  const body = bodyOf(text);
  let lines = 0;
  for (let at = body.indexOf('\n'); at !== -1; at = body.indexOf('\n', at + 1)) lines += 1;
  const whole = body === '' || body.endsWith('\n');
  return whole && lines === header.opCount && createHash('sha256').update(body, 'utf8').digest('hex') === header.digest ? header : null;
}

/**
 * Same digest in the newest backup's header (read alone first: when the ops changed, that is all
 * it takes), then the same op lines on disk, so a damaged newest backup never counts as a copy.
 */
async function holdsSameOps(path: string, digest: string, text: string): Promise<boolean> {
  try {
    const { handle } = await openBackupFile(path);
    let head: string;
    try {
      const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(HEADER_BYTES), position: 0 });
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
    if (readBackupHeader(head)?.digest !== digest) return false;
    return bodyOf(await readBackupFile(path)) === bodyOf(text);
  } catch {
    return false;
  }
}

async function prune(dir: string, protect: string, keep: number): Promise<{ kept: number; pruned: string[] }> {
  const backups = await listBackups(dir);
  // The protected one always stays, wherever its name sorts; the others fill the rest, newest first.
  const others = backups.filter((b) => b.name !== protect);
  const excess = others.slice(Math.max(0, keep - 1));
  const pruned: string[] = [];
  for (const backup of excess) {
    try {
      await rm(backup.path);
      pruned.push(backup.name);
    } catch {
      // Locked or already gone: it is counted below as still there if it is.
    }
  }
  return { kept: (await listBackups(dir)).length, pruned };
}

/** The newest backup that decodes; corrupt or unreadable newer ones are passed over and named. */
export async function readLatestBackup(dir: string): Promise<LatestBackup> {
  const skipped: LatestBackup['skipped'] = [];
  for (const entry of await namedLikeBackups(dir)) {
    if (entry.refused !== undefined) {
      skipped.push({ name: entry.name, reason: entry.refused });
      continue;
    }
    let text: string;
    try {
      text = await readBackupFile(entry.path);
    } catch (error) {
      skipped.push({ name: entry.name, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const decoded = decodeBackup(text);
    if (decoded.ok) return { content: text, name: entry.name, skipped };
    skipped.push({ name: entry.name, reason: decoded.error });
  }
  return { content: null, name: null, skipped };
}
