import { link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncDirectory } from '../syncDirectory.ts';
import { errnoOf, guard } from './faults.ts';

/**
 * File steps on a target root (the shared folder, or a clone's working tree). Paths are relative
 * to the root with `/`, as in docs/sync-format.md; every failure becomes a fault naming that relative path.
 */

export function absolute(root: string, rel: string): string {
  return join(root, ...rel.split('/'));
}

const MISSING = new Set(['ENOENT', 'ENOTDIR']);

/** The file's bytes, or null when it is not there (which is never read as "deleted"). */
export function readOptional(root: string, rel: string): Promise<Buffer | null> {
  return guard('read', rel, async () => {
    try {
      return await readFile(absolute(root, rel));
    } catch (error) {
      if (MISSING.has(errnoOf(error) ?? '')) return null;
      throw error;
    }
  });
}

/** Names in a folder, sorted; a missing folder is simply empty. */
export function listNames(root: string, rel: string): Promise<string[]> {
  return guard('read', rel, async () => {
    try {
      return (await readdir(absolute(root, rel))).sort();
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
 */
export function writeNew(
  root: string,
  rel: string,
  bytes: Buffer,
  same: (existing: Buffer) => boolean,
): Promise<'written' | 'present' | 'different'> {
  const path = absolute(root, rel);
  return guard('write', rel, async () => {
    await mkdir(dirname(path), { recursive: true });
    const tmp = await writeTemp(path, bytes);
    try {
      try {
        await link(tmp, path);
      } catch (error) {
        const code = errnoOf(error) ?? '';
        if (code !== 'EEXIST' && !NO_LINKS.has(code)) throw error;
        const existing = await readFile(path).catch((e: unknown) => (MISSING.has(errnoOf(e) ?? '') ? null : Promise.reject(e)));
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

/** Replace a file this device owns (its devices/<id>.json): temp, flush, rename over. */
export function writeReplace(root: string, rel: string, bytes: Buffer): Promise<void> {
  const path = absolute(root, rel);
  return guard('write', rel, async () => {
    await mkdir(dirname(path), { recursive: true });
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
