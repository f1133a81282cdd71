import { readFile, stat } from 'node:fs/promises';
import { MAX_BACKUP_BYTES } from '../../../shared/backup/backupFile.ts';

/** Rounded up, so a file just over the limit never reads as equal to it. */
function mebibytes(bytes: number): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} MiB`;
}

/**
 * Reads a backup file as text, refusing before reading what is too large (a string that size would
 * not fit in memory twice) or not UTF-8 (rather than letting replacement characters surface later
 * as a puzzling hash mismatch). Throws an Error whose message can be shown as is.
 */
export async function readBackupFile(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file`);
  if (info.size > MAX_BACKUP_BYTES) {
    throw new Error(`the file is ${mebibytes(info.size)}; War Room opens backup files up to ${mebibytes(MAX_BACKUP_BYTES)}`);
  }
  const bytes = await readFile(path);
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
