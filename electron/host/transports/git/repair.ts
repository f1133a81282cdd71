import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENCRYPTION_PATH, FORMAT_PATH, deviceInfoPath, opsFolderPath } from '../../../../shared/sync/layout.ts';
import { fail } from '../faults.ts';
import type { Repo, StatusEntry } from './repo.ts';

/**
 * Put the clone back in a state a round can work from, whatever a crash, a killed git or a
 * curious user left behind — without losing anything: interrupted operations are aborted (their
 * commits stay), this device's new files are committed, anything else is stashed and named.
 * Never reset --hard, never clean.
 */
export async function repair(repo: Repo, device: string | null, notice: (message: string) => void): Promise<{ unborn: boolean }> {
  const gitDir = await repo.gitDir();
  await ignoreTemporaryFiles(gitDir);
  await abortInterrupted(repo, gitDir, notice);
  // One `git status` answers the common case: on the branch, nothing changed.
  let snapshot = await repo.snapshot();
  if (snapshot.branch !== repo.branch) {
    const was = snapshot.branch ?? 'a detached HEAD';
    await setAside(repo, snapshot.entries, notice, `the clone was on ${was} instead of ${repo.branch}`);
    await checkOutBranch(repo, snapshot.branch);
    notice(`The clone was on ${was}; back on ${repo.branch}.`);
    snapshot = await repo.snapshot();
  }
  if (snapshot.entries.length === 0) return { unborn: snapshot.unborn };
  const own = snapshot.entries.filter((entry) => isOwnNewFile(entry, device)).map((entry) => entry.path);
  if (await repo.commitPaths(own, `warroom: ${device ?? 'set-up'} files left uncommitted by an interrupted round`)) {
    notice(`Committed ${own.length} file(s) an interrupted sync round had written but not committed.`);
  }
  await setAside(repo, await repo.status(), notice, 'they are not files this device writes');
  return { unborn: await repo.unborn() };
}

/**
 * Before an exchange, which follows its round's listing (which ran `repair`): only what the
 * files show is checked again — an interrupted operation and the branch HEAD names — and a full
 * repair runs if either is off. Local changes made since stay out of the exchange's commit
 * (committed by path) and are stashed before any rebase; saves a `git status` per exchange.
 */
export async function recheck(repo: Repo, device: string | null, notice: (message: string) => void): Promise<void> {
  const gitDir = await repo.gitDir();
  await ignoreTemporaryFiles(gitDir);
  const head = await readFile(join(gitDir, 'HEAD'), 'utf8').catch(() => '');
  const interrupted = INTERRUPTED.some(([marker]) => existsSync(join(gitDir, marker)));
  if (interrupted || head !== `ref: refs/heads/${repo.branch}\n`) await repair(repo, device, notice);
}

/** Writers' *.tmp files never belong in a commit or in `git status` (local to this clone). */
async function ignoreTemporaryFiles(gitDir: string): Promise<void> {
  const exclude = join(gitDir, 'info', 'exclude');
  const text = await readFile(exclude, 'utf8').catch(() => '');
  if (text.split(/\r?\n/).includes('*.tmp')) return;
  await mkdir(join(gitDir, 'info'), { recursive: true });
  await appendFile(exclude, `${text === '' || text.endsWith('\n') ? '' : '\n'}# War Room writers' temporary files\n*.tmp\n`);
}

const INTERRUPTED: [marker: string, abort: string[], what: string][] = [
  ['rebase-merge', ['rebase', '--abort'], 'rebase'],
  ['rebase-apply/applying', ['am', '--abort'], 'patch application'],
  ['rebase-apply', ['rebase', '--abort'], 'rebase'],
  ['MERGE_HEAD', ['merge', '--abort'], 'merge'],
  ['CHERRY_PICK_HEAD', ['cherry-pick', '--abort'], 'cherry-pick'],
  ['REVERT_HEAD', ['revert', '--abort'], 'revert'],
];

async function abortInterrupted(repo: Repo, gitDir: string, notice: (message: string) => void): Promise<void> {
  for (const [marker, abort, what] of INTERRUPTED) {
    if (!existsSync(join(gitDir, marker))) continue;
    await repo.run(abort);
    notice(`An interrupted git ${what} in the clone was undone (git ${abort.join(' ')}); its commits are kept.`);
    return;
  }
}

/**
 * A crashed exchange leaves this device's new segments and its device file uncommitted: commit
 * those. A change to an existing segment, or a deletion, is never committed — it is set aside.
 */
function isOwnNewFile({ xy, path }: { xy: string; path: string }, device: string | null): boolean {
  const added = xy === '??' || (xy[0] === 'A' && xy[1] !== 'D');
  if (path === FORMAT_PATH || path === ENCRYPTION_PATH) return added;
  if (device === null) return false;
  if (path === deviceInfoPath(device)) return !xy.includes('D');
  return added && path.startsWith(`${opsFolderPath(device)}/`);
}

/** Stash every remaining change, untracked files included: kept in `git stash list`, not lost. */
async function setAside(repo: Repo, dirty: readonly StatusEntry[], notice: (message: string) => void, why: string): Promise<void> {
  if (dirty.length === 0) return;
  if (await repo.unborn()) {
    fail('git', `The clone at ${repo.dir} has local changes and no commit yet, so they cannot be set aside safely: ${dirty[0]?.path}. Move them out of the folder.`, dirty[0]?.path);
  }
  const label = `warroom: set aside ${new Date().toISOString()}`;
  await repo.run(['stash', 'push', '--include-untracked', '-m', label]);
  const names = dirty.slice(0, 5).map((entry) => entry.path).join(', ');
  notice(
    `Set aside ${dirty.length} local change(s) in the clone at ${repo.dir} (${why}): ${names}${dirty.length > 5 ? ', …' : ''}. ` +
      `Nothing was deleted: they are in \`git stash list\` as "${label}".`,
  );
}

/** The archive branch: local, else tracking the remote's, else (empty remote) a new one. */
export async function checkOutBranch(repo: Repo, from: string | null): Promise<void> {
  if (await repo.hasRef(`refs/heads/${repo.branch}`)) {
    await repo.run(['checkout', '-q', repo.branch, '--']);
  } else if (await repo.hasRef(repo.remoteRef)) {
    await repo.run(['checkout', '-q', '-b', repo.branch, '--track', `origin/${repo.branch}`]);
  } else if (await repo.unborn()) {
    await repo.run(['symbolic-ref', 'HEAD', `refs/heads/${repo.branch}`]);
    // What `git push -u` would record: a user's `git pull` / `git status` in the clone still work.
    await repo.run(['config', `branch.${repo.branch}.remote`, 'origin']);
    await repo.run(['config', `branch.${repo.branch}.merge`, `refs/heads/${repo.branch}`]);
  } else {
    fail('git', `The clone at ${repo.dir} is on ${from ?? 'a detached HEAD'}, and neither it nor the remote has the branch ${repo.branch}. Choose an empty folder for the clone.`);
  }
}
