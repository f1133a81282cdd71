import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ENCRYPTION_PATH, FORMAT_PATH, deviceInfoPath, opsFolderPath } from '../../../../shared/sync/layout.ts';
import { FaultError, fail, fault } from '../faults.ts';
import { gitFault } from './faults.ts';
import type { Repo } from './repo.ts';

/** One change of a commit against its first parent, as `git log --raw` reports it. */
interface Change {
  /** A added, M modified, D deleted, T type changed (renames are reported as D + A). */
  status: string;
  /** The new mode and blob (zeros for a deletion). */
  mode: string;
  blob: string;
  path: string;
}

interface LocalCommit {
  sha: string;
  parents: number;
  changes: Change[];
}

/**
 * Only commits confined to this device's own files ever leave the clone (docs/sync-format.md#git-targets):
 * before every rebase and every push, the commits the remote lacks are checked, and if any of
 * them changes anything else — another device's file, an existing segment, a deletion, a
 * symlink, a merge — the whole local line is set aside on a ref (never lost), the branch is put
 * back on the remote's, and this device's own new files from those commits are committed again.
 * Returns the commit to push (null: nothing to push) and whether the local line was set aside.
 */
export async function confine(repo: Repo, device: string | null, notice: (message: string) => void): Promise<{ push: string | null; setAside: boolean }> {
  const commits = await localCommits(repo);
  const head = commits.at(-1)?.sha;
  if (head === undefined) return { push: null, setAside: false };
  const onRemote = commits.some((commit) => commit.changes.some((change) => isSetUpFile(change.path))) ? await remoteOwnFiles(repo, device) : new Set<string>();
  const foreign = commits.flatMap((commit) => (commit.parents > 1 ? [`a merge (${commit.sha.slice(0, 12)})`] : commit.changes.filter((change) => !isOwn(change, device, onRemote)).map((change) => change.path)));
  if (foreign.length === 0) return { push: head, setAside: false };
  return { push: await setAside(repo, commits, device, [...new Set(foreign)], notice), setAside: true };
}

/** Commits on the branch the remote does not have, oldest first, each with its changes. */
async function localCommits(repo: Repo): Promise<LocalCommit[]> {
  // --root: a first commit lists its files; the flags keep a user's log settings out of the output.
  const log = ['log', '--reverse', '--root', '--no-renames', '--raw', '--no-abbrev', '-z', '--no-color', '--no-show-signature', '--format=%x01%H %P'];
  let out: string;
  try {
    out = await repo.run([...log, `${repo.remoteRef}..HEAD`]);
  } catch (error) {
    // The remote has no such branch yet, or this clone has no commit: ask precisely.
    const refs = await repo.existingRefs([`refs/heads/${repo.branch}`, repo.remoteRef]);
    if (!refs.has(`refs/heads/${repo.branch}`)) return [];
    if (refs.has(repo.remoteRef)) throw error;
    out = await repo.run([...log, 'HEAD']);
  }
  return parseLog(out);
}

/** `%x01<sha> <parents>` then `:<old mode> <new mode> <old blob> <new blob> <status>` and the path, all NUL-separated. */
function parseLog(out: string): LocalCommit[] {
  const commits: LocalCommit[] = [];
  const tokens = out.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const token = (tokens[i] ?? '').replace(/^\n/, '');
    if (token.startsWith('\x01')) {
      const [sha = '', ...parents] = token.slice(1).trim().split(' ');
      commits.push({ sha, parents: parents.filter(Boolean).length, changes: [] });
    } else if (token.startsWith(':')) {
      const [, mode = '', , blob = '', status = ''] = token.slice(1).split(' ');
      commits.at(-1)?.changes.push({ status: status.slice(0, 1), mode, blob, path: tokens[++i] ?? '' });
    }
  }
  return commits;
}

const isSetUpFile = (path: string) => path === FORMAT_PATH || path === ENCRYPTION_PATH;

/**
 * This device's own: a new regular file under its ops folder, its device file added or
 * changed, and format.json / encryption.json added while the remote has none (set-up).
 */
function isOwn(change: Change, device: string | null, onRemote: ReadonlySet<string>): boolean {
  if (change.mode !== '100644' && change.mode !== '100755') return false;
  if (isSetUpFile(change.path)) return change.status === 'A' && !onRemote.has(change.path);
  if (device === null) return false;
  if (change.path === deviceInfoPath(device)) return change.status === 'A' || change.status === 'M';
  return change.status === 'A' && change.path.startsWith(`${opsFolderPath(device)}/`);
}

/** The remote branch's set-up files and this device's files there (a new file must not replace one). */
async function remoteOwnFiles(repo: Repo, device: string | null): Promise<Set<string>> {
  if (!(await repo.existingRefs([repo.remoteRef])).has(repo.remoteRef)) return new Set();
  const paths = [FORMAT_PATH, ENCRYPTION_PATH, ...(device === null ? [] : [opsFolderPath(device), deviceInfoPath(device)])];
  const out = await repo.run(['ls-tree', '-r', '--name-only', '-z', repo.remoteRef, '--', ...paths]);
  return new Set(out.split('\0').filter(Boolean));
}

/** Keep the local line on a ref, move the branch to the remote's, re-commit the own new files. */
async function setAside(repo: Repo, commits: readonly LocalCommit[], device: string | null, foreign: readonly string[], notice: (message: string) => void): Promise<string | null> {
  const head = commits.at(-1)?.sha ?? '';
  const ref = `refs/warroom/set-aside/${new Date().toISOString().replace(/[:.]/g, '-')}-${head.slice(0, 12)}`;
  // HEAD as it is now, so a commit made in the clone since the check is kept too.
  await repo.run(['update-ref', ref, 'HEAD']);
  const onRemote = await remoteOwnFiles(repo, device);
  const base = (await repo.existingRefs([repo.remoteRef])).has(repo.remoteRef) ? repo.remoteRef : null;
  const kept = keptFiles(commits, device, onRemote);
  let next: string;
  if (kept.size > 0) {
    next = await commitOnto(repo, base, kept, `warroom: ${device ?? 'set-up'} own files re-committed from set-aside commits`);
  } else if (base !== null) {
    next = base;
  } else {
    fail('git', `The clone at ${repo.dir} has commits that change files this device does not own, and the remote has no commit yet to go back to; they are kept at ${ref}. Move the clone aside and set the target up again.`);
  }
  try {
    // --keep moves the branch and the files that differ, and refuses if one of them has local changes.
    await repo.run(['reset', '-q', '--keep', next]);
  } catch (error) {
    throw new FaultError(
      fault('git', `Local commits in the clone at ${repo.dir} change files this device does not own (${foreign[0]}); they were not pushed and are kept at ${ref}, but the clone could not be moved off them (${gitFault(error, 'resetting').message}).`, foreign[0]),
    );
  }
  const names = foreign.slice(0, 5).join(', ');
  notice(
    `Set aside ${commits.length} local commit(s) in the clone at ${repo.dir}, not pushed, because they change files this device does not own (${names}${foreign.length > 5 ? ', …' : ''}). ` +
      `Nothing was deleted: they are kept at ${ref} (\`git log ${ref}\`)${kept.size > 0 ? `; this device's own new files in them (${kept.size}) were committed again` : ''}.`,
  );
  return base !== null && next === base ? null : next;
}

/** Own files to re-commit: each new segment as first added, the latest device file, set-up files. */
function keptFiles(commits: readonly LocalCommit[], device: string | null, onRemote: ReadonlySet<string>): Map<string, Change> {
  const kept = new Map<string, Change>();
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (!isOwn(change, device, onRemote)) continue;
      const deviceFile = device !== null && change.path === deviceInfoPath(device);
      if (deviceFile || (!kept.has(change.path) && !onRemote.has(change.path))) kept.set(change.path, change);
    }
  }
  return kept;
}

/** A commit of `base`'s tree plus `files`, built in a scratch index (the clone's index is not touched). */
async function commitOnto(repo: Repo, base: string | null, files: ReadonlyMap<string, Change>, message: string): Promise<string> {
  const index = join(await repo.gitDir(), 'warroom-set-aside.index');
  const env = { GIT_INDEX_FILE: index };
  try {
    await repo.run(base === null ? ['read-tree', '--empty'] : ['read-tree', base], undefined, env);
    const entries = [...files.values()].map((change) => `${change.mode} ${change.blob}\t${change.path}\0`).join('');
    await repo.run(['update-index', '--add', '-z', '--index-info'], entries, env);
    const tree = (await repo.run(['write-tree'], undefined, env)).trim();
    return (await repo.run(['commit-tree', tree, ...(base === null ? [] : ['-p', base]), '-m', message])).trim();
  } finally {
    await rm(index, { force: true });
  }
}
