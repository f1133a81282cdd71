import { constants, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { MAX_BACKUP_BYTES } from '../../../shared/backup/backupFile.ts';
import { readUpTo } from '../cappedRead.ts';

/** Rounded up, so a file just over the limit never reads as equal to it. */
function mebibytes(bytes: number): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} MiB`;
}

// As for a sync target's files (transports/files.ts): O_NOFOLLOW makes a link as the last part fail
// (ELOOP) instead of being opened, O_NONBLOCK makes opening a FIFO return at once instead of waiting
// for a writer. Where O_NOFOLLOW does not exist (Windows), the path is looked at with lstat first.
const NO_FOLLOW = constants.O_NOFOLLOW as number | undefined;
const READ_FLAGS = constants.O_RDONLY | (NO_FOLLOW ?? 0) | ((constants.O_NONBLOCK as number | undefined) ?? 0);
/** What open() says for a link under O_NOFOLLOW: ELOOP (Linux, macOS), EMLINK (FreeBSD). */
const LINK_ERRORS = new Set(['ELOOP', 'EMLINK']);

const LINKED = 'is a symbolic link: War Room opens only a regular file, never through a link (open the file it points to)';

/** What a non-regular file is, in the words of a refusal. */
function what(entry: Stats): string {
  if (entry.isDirectory()) return 'a folder';
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  return entry.isCharacterDevice() || entry.isBlockDevice() ? 'a device' : 'a special file';
}

/**
 * The file opened for reading with its size, when it is a regular file reached without a link;
 * otherwise an Error saying what it is. Judged on the opened file, so nothing can be swapped in
 * between the check and the read. The caller closes the handle.
 */
export async function openBackupFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  if (NO_FOLLOW === undefined && (await lstat(path)).isSymbolicLink()) throw new Error(`${path} ${LINKED}`);
  let handle: FileHandle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    if (LINK_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) throw new Error(`${path} ${LINKED}`);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${path} is ${what(info)}, not a regular file, so it was not opened`);
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readCapped(handle: FileHandle, size: number): Promise<Buffer> {
  const bytes = await readUpTo(handle, size, MAX_BACKUP_BYTES);
  if (!bytes) throw new Error(`the file grew past ${mebibytes(MAX_BACKUP_BYTES)} while being read, so it was not opened`);
  return bytes;
}

/**
 * Reads a backup file (an import, a double-clicked file, an automatic backup) as text. Like a
 * sync target's files, it may be hostile: a symbolic link is never followed and anything but a
 * regular file (a FIFO, a device) is refused without waiting on it (openBackupFile). Refused
 * before reading: a file too large (a string that size would not fit in memory twice). Refused
 * after: one not UTF-8 (rather than letting replacement characters surface later as a puzzling
 * hash mismatch). Throws an Error whose message can be shown as is.
 */
export async function readBackupFile(path: string): Promise<string> {
  const { handle, size } = await openBackupFile(path);
  let bytes: Buffer;
  try {
    if (size > MAX_BACKUP_BYTES) {
      throw new Error(`the file is ${mebibytes(size)}; War Room opens backup files up to ${mebibytes(MAX_BACKUP_BYTES)}`);
    }
    bytes = await readCapped(handle, size);
  } finally {
    await handle.close();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new Error('the file is not UTF-8 text, so it is not a War Room backup file');
    }
    // A JavaScript string holds at most 2^29 − 24 characters: a few bytes under the limit above.
    throw new Error(`the file (${mebibytes(bytes.length)}) is too large to read as text`);
  }
}
