import { constants, type Stats } from 'node:fs';
import { type FileHandle, link, lstat, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncDirectory } from '../syncDirectory.ts';
import { errnoOf, fail, guard } from './faults.ts';
import { readUpTo } from '../cappedRead.ts';

/**
 * File steps on a target root (the shared folder, or a clone's working tree). Paths are relative
 * to the root with `/`, as in docs/sync-format.md; every failure becomes a fault naming that relative path.
 *
 * Anything under the root may be hostile (docs/sync-format.md#links-special-files-and-size-caps): git checks committed
 * symlinks out, and anyone with the folder can plant a FIFO. So no step here follows a symbolic
 * link below the root, reads anything but a regular file, or reads more than a cap; each such
 * file is refused as `damaged`, naming it. The root itself may be a link (a mount point, a synced folder).
 */

/** The most a segment file may hold (plain or sealed): a reader refuses a bigger one unread. */
export const MAX_SEGMENT_FILE_BYTES = 64 * 1024 * 1024;
/** format.json, encryption.json and device files are a few hundred bytes. */
export const MAX_SMALL_FILE_BYTES = 64 * 1024;

export function absolute(root: string, rel: string): string {
  return join(root, ...rel.split('/'));
}

const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/**
 * Folders (relative paths) found to be real folders during one batch of steps, so a batch of
 * reads in one device folder checks its parents once. A batch lasts one call, never a round.
 */
export type CheckedFolders = Set<string>;

export type EntryKind = 'file' | 'folder' | 'link' | 'other';

type Typed = Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

export const LINK = 'a symbolic link';

function kindOf(entry: Typed): EntryKind {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isFile()) return 'file';
  return entry.isDirectory() ? 'folder' : 'other';
}

/** What a file is, in the words of a refusal. */
function what(entry: Typed): string {
  if (entry.isSymbolicLink()) return LINK;
  if (entry.isFile()) return 'a regular file';
  if (entry.isDirectory()) return 'a folder';
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  return entry.isCharacterDevice() || entry.isBlockDevice() ? 'a device' : 'a special file';
}

/** Why `rel`, which `is` a link, a FIFO, a file where a folder belongs…, was refused. */
export function refusal(rel: string, is: string, expected: 'file' | 'folder' = 'file', action: 'read' | 'write' = 'read'): string {
  const outcome = action === 'read' ? 'so it was not read' : 'so nothing was written through it';
  if (is === LINK) return `${rel} is a symbolic link: War Room never follows a link inside a target, ${outcome}.`;
  return `${rel} is ${is} where War Room expects ${expected === 'file' ? 'a regular file' : 'a folder'}, ${outcome}.`;
}

function refuse(rel: string, is: string, action: 'read' | 'write' = 'read'): never {
  fail('damaged', refusal(rel, is, 'file', action), rel);
}

/** 'a/b/c' → ['a', 'a/b', 'a/b/c']; '' and '.' (the root) → []. */
function prefixes(relDir: string): string[] {
  const parts = relDir.split('/').filter((part) => part !== '' && part !== '.');
  return parts.map((_part, i) => parts.slice(0, i + 1).join('/'));
}

/** The folder part of a relative path ('' for a file at the root). */
function parentOf(rel: string): string {
  return rel.slice(0, Math.max(0, rel.lastIndexOf('/')));
}

/**
 * True when every folder of `relDir` (from the root down) is a real folder; false when one is
 * missing or a file (so what is below it is "not there"). A link refuses the step.
 */
async function foldersExist(root: string, relDir: string, checked?: CheckedFolders): Promise<boolean> {
  for (const rel of prefixes(relDir)) {
    if (checked?.has(rel)) continue;
    let entry;
    try {
      entry = await lstat(absolute(root, rel));
    } catch (error) {
      if (MISSING.has(errnoOf(error) ?? '')) return false;
      throw error;
    }
    if (entry.isSymbolicLink()) refuse(rel, LINK);
    if (!entry.isDirectory()) return false;
    checked?.add(rel);
  }
  return true;
}

// O_NOFOLLOW: a link as the last part fails (ELOOP) instead of being opened; O_NONBLOCK: opening a
// FIFO returns at once instead of waiting for a writer. Both exist on Linux and macOS; where
// O_NOFOLLOW does not (Windows), the file is looked at with lstat first.
const NO_FOLLOW = constants.O_NOFOLLOW as number | undefined;
const READ_FLAGS = constants.O_RDONLY | (NO_FOLLOW ?? 0) | ((constants.O_NONBLOCK as number | undefined) ?? 0);
/** What open() says for a link under O_NOFOLLOW: ELOOP (Linux, macOS), EMLINK (FreeBSD). */
const LINK_ERRORS = new Set(['ELOOP', 'EMLINK']);

async function readCapped(handle: FileHandle, size: number, maxBytes: number, rel: string): Promise<Buffer> {
  const bytes = await readUpTo(handle, size, maxBytes);
  if (!bytes) fail('damaged', `${rel} grew past ${maxBytes} bytes while being read, more than it may hold, so it was not read.`, rel);
  return bytes;
}

export interface ReadOptions {
  /** The cap for this file (default MAX_SMALL_FILE_BYTES). */
  maxBytes?: number;
  checked?: CheckedFolders;
}

/**
 * The file's bytes, or null when it is not there (which is never read as "deleted"). Refused
 * (fault `damaged`, naming the path): a symbolic link at any level below the root, anything but
 * a regular file (a FIFO is never waited on), a file over `maxBytes`.
 */
export function readOptional(root: string, rel: string, options: ReadOptions = {}): Promise<Buffer | null> {
  const maxBytes = options.maxBytes ?? MAX_SMALL_FILE_BYTES;
  return guard('read', rel, async () => {
    if (!(await foldersExist(root, parentOf(rel), options.checked))) return null;
    const path = absolute(root, rel);
    let handle;
    try {
      if (NO_FOLLOW === undefined && (await lstat(path)).isSymbolicLink()) refuse(rel, LINK);
      handle = await open(path, READ_FLAGS);
    } catch (error) {
      const code = errnoOf(error) ?? '';
      if (MISSING.has(code)) return null;
      if (LINK_ERRORS.has(code)) refuse(rel, LINK);
      throw error;
    }
    try {
      const entry = await handle.stat();
      if (!entry.isFile()) refuse(rel, what(entry));
      if (entry.size > maxBytes) fail('damaged', `${rel} is ${entry.size} bytes, more than the ${maxBytes} it may hold, so it was not read.`, rel);
      return await readCapped(handle, entry.size, maxBytes, rel);
    } finally {
      await handle.close();
    }
  });
}

export interface Entry {
  name: string;
  /** As the folder lists it, never followed: a link is a 'link' whatever it points at. */
  kind: EntryKind;
  /** The same in words ('a named pipe (FIFO)'), for a refusal. */
  is: string;
}

/** A folder's entries, sorted by name; a missing folder is simply empty, a linked one is refused. */
export function listEntries(root: string, rel: string, checked?: CheckedFolders): Promise<Entry[]> {
  return guard('read', rel, async () => {
    if (!(await foldersExist(root, rel, checked))) return [];
    try {
      const entries = await readdir(absolute(root, rel), { withFileTypes: true });
      return entries.map((entry) => ({ name: entry.name, kind: kindOf(entry), is: what(entry) })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      if (MISSING.has(errnoOf(error) ?? '')) return [];
      throw error;
    }
  });
}

export async function isDirectory(path: string): Promise<boolean | null> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if (MISSING.has(errnoOf(error) ?? '')) return null;
    throw error;
  }
}

/**
 * Make `relDir` from the root down, one folder at a time, never through a link: `mkdir -p`
 * would follow a planted link and write outside the target. A file in the way fails as EEXIST.
 */
async function makeFolders(root: string, relDir: string, checked?: CheckedFolders): Promise<void> {
  for (const rel of prefixes(relDir)) {
    if (checked?.has(rel)) continue;
    const path = absolute(root, rel);
    let entry = await lstat(path).catch((error: unknown) => (MISSING.has(errnoOf(error) ?? '') ? null : Promise.reject(error)));
    if (!entry) {
      try {
        await mkdir(path);
        checked?.add(rel);
        continue;
      } catch (error) {
        if (errnoOf(error) !== 'EEXIST') throw error;
        entry = await lstat(path); // made at the same moment by another writer
      }
    }
    if (entry.isSymbolicLink()) refuse(rel, LINK, 'write');
    if (!entry.isDirectory()) throw Object.assign(new Error(`${rel} is in the way`), { code: 'EEXIST' });
    checked?.add(rel);
  }
}

/** `<path>.tmp`, created exclusively (never following a planted symlink), flushed to disk. */
async function writeTemp(path: string, bytes: Buffer): Promise<string> {
  const tmp = `${path}.tmp`;
  let handle;
  try {
    handle = await open(tmp, 'wx');
  } catch (error) {
    if (errnoOf(error) !== 'EEXIST') throw error;
    // Left by a crash of this device (only it writes this folder): start over.
    await rm(tmp, { force: true });
    handle = await open(tmp, 'wx');
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return tmp;
}

/** Hard links are missing on FAT/exFAT sticks and some SMB shares. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Put a new immutable file in place without ever clobbering one that is there: `link` fails if
 * the name exists (atomic even on shares); where links are unsupported, check then rename, which
 * is safe because only this device writes its own folder. An existing file is compared with
 * `same`: identical → 'present' (a retried round), different → 'different' (left untouched).
 * An existing link or special file under that name is refused, never compared through.
 */
export function writeNew(
  root: string,
  rel: string,
  bytes: Buffer,
  same: (existing: Buffer) => boolean,
  checked?: CheckedFolders,
): Promise<'written' | 'present' | 'different'> {
  const path = absolute(root, rel);
  return guard('write', rel, async () => {
    await makeFolders(root, parentOf(rel), checked);
    const tmp = await writeTemp(path, bytes);
    try {
      try {
        await link(tmp, path);
      } catch (error) {
        const code = errnoOf(error) ?? '';
        if (code !== 'EEXIST' && !NO_LINKS.has(code)) throw error;
        const existing = await readOptional(root, rel, { maxBytes: MAX_SEGMENT_FILE_BYTES, ...(checked ? { checked } : {}) });
        if (existing) return same(existing) ? 'present' : 'different';
        await rename(tmp, path);
      }
    } finally {
      await rm(tmp, { force: true });
    }
    await syncDirectory(dirname(path));
    return 'written';
  });
}

/** Replace a file this device owns (its devices/<id>.json): temp, flush, rename over (a link there is replaced, not followed). */
export function writeReplace(root: string, rel: string, bytes: Buffer): Promise<void> {
  const path = absolute(root, rel);
  return guard('write', rel, async () => {
    await makeFolders(root, parentOf(rel));
    const tmp = await writeTemp(path, bytes);
    try {
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    await syncDirectory(dirname(path));
  });
}
