import { readdir } from 'node:fs/promises';
import type { Outcome } from '../../shared/sync/ports.ts';
import type { TargetConfig } from '../../shared/sync/wire.ts';
import type { FolderGrants } from './folderGrants.ts';
import { errnoOf, fail, outcomeOf } from './transports/faults.ts';
import { hasFormat } from './transports/archive.ts';
import { readOptional } from './transports/files.ts';

/**
 * Which folders the page may make the host write in. A compromised page could otherwise name any
 * folder: a clone into ~/.config/autostart runs a file at login, a "clone" pointed at the user's
 * own project stashes their work and pushes. So a folder is taken only when the person chose it
 * in the app's own folder dialog during this run (`FolderGrants`), or when it already carries War
 * Room's own marker, which is also how a target set up in an earlier run keeps working:
 *
 * - a shared folder: `warroom/format.json` (a regular file, reached without a link);
 * - a clone: a `.git` folder whose config has a `[warroom]` section, which War Room writes
 *   (`warroom.clone` when it clones, `warroom.device` at the first exchange). A clone folder
 *   must moreover be new (absent or empty) unless it is War Room's own clone.
 */
export type GatedCall = 'set-up' | 'use';

/** Git config is a few hundred bytes; a bigger one is not a clone War Room made. */
const MAX_GIT_CONFIG_BYTES = 64 * 1024;

const CHOOSE = 'Choose the folder with “Choose…” in the Sync dialog; nothing in it was changed.';

/** War Room's clone: a real `.git` folder (never through a link) whose config has a [warroom] section. */
export async function isWarRoomClone(dir: string): Promise<boolean> {
  const config = await readOptional(dir, '.git/config', { maxBytes: MAX_GIT_CONFIG_BYTES });
  if (config === null) return false;
  // Git section names are case-insensitive; War Room writes `[warroom]`. Line by line, no regex.
  return config
    .toString('utf8')
    .split('\n')
    .some((line) => line.trim().toLowerCase() === '[warroom]');
}

/** What is at `dir`: nothing, an empty folder, or something (a folder with entries, a file). */
async function contentOf(dir: string): Promise<'missing' | 'empty' | 'something'> {
  try {
    return (await readdir(dir)).length === 0 ? 'empty' : 'something';
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return 'missing';
    if (errnoOf(error) === 'ENOTDIR') return 'something';
    throw error;
  }
}

async function admitClone(dir: string, grants: FolderGrants): Promise<void> {
  if (await isWarRoomClone(dir)) return;
  if ((await contentOf(dir)) === 'something') {
    fail('git', `${dir} is not empty and is not a clone War Room made, so War Room will not use it as its clone. Choose an empty folder for the clone; nothing in it was changed.`);
  }
  if (!grants.has(dir)) fail('git', `${dir} was not chosen in War Room’s folder dialog. ${CHOOSE}`);
}

async function admitFolder(path: string, grants: FolderGrants): Promise<void> {
  if (grants.has(path) || (await hasFormat(path))) return;
  // A missing folder passes: the transport says it is not there (an unmounted share) and writes nothing.
  if ((await contentOf(path)) === 'missing') return;
  fail('not-set-up', `${path} was not chosen in War Room’s folder dialog and holds no War Room archive (warroom/format.json). ${CHOOSE}`);
}

/**
 * Whether the target's folder may be used for this call. A shared folder is checked at set-up
 * only: listing and exchanging first open `warroom/format.json`, the marker itself, and write
 * nothing without it. A clone is checked on every call, since each one may stash, commit and push.
 */
export function admitTarget(target: TargetConfig, call: GatedCall, grants: FolderGrants): Promise<Outcome<void>> {
  return outcomeOf(async () => {
    if (target.kind === 'git') await admitClone(target.cloneDir, grants);
    else if (call === 'set-up') await admitFolder(target.path, grants);
  });
}
