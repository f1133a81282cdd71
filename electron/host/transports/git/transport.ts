import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { DeviceInfo } from '../../../../shared/sync/layout.ts';
import type { GitTarget } from '../../../../shared/sync/wire.ts';
import { FaultError, errnoOf, fail, fault, guard } from '../faults.ts';
import type { SyncOptions, Transport } from '../transport.ts';
import { confine } from './confine.ts';
import { gitFault, isRejectedPush, pushRefusal, redact, step } from './faults.ts';
import { checkOutBranch, recheck, repair } from './repair.ts';
import { Repo } from './repo.ts';
import { git, GitError } from './run.ts';

/**
 * A Git remote through a clone the app manages: the archive is read and written in the working
 * tree like a folder; around that, repair + fetch + rebase before reading, and add + commit +
 * push (rebasing and retrying when someone pushed first, never forcing) after writing. Only
 * commits confined to this device's own files are pushed (confine.ts), so a rebase cannot
 * conflict with another device's work and history stays linear.
 */
export function gitTransport(target: z.infer<typeof GitTarget>, options: SyncOptions): Transport {
  const repo = new Repo(target.cloneDir, target.url, target.branch);
  const notice = options.notice ?? ((message: string) => console.warn(`[sync] ${message}`));
  const where = `the Git remote ${redact(target.url)}`;
  const clone: Clone = { repo, where, notice, device: null, unborn: false };

  return {
    root: target.cloneDir,
    attach: (mode, device) =>
      step(`opening the clone of ${where}`, async () => {
        const state = await cloneState(target.cloneDir);
        if (state === 'missing' || state === 'empty') {
          if (mode === 'use') fail('not-set-up', `This laptop has no clone of ${where} at ${target.cloneDir} yet: set the target up first.`);
          // `warroom.clone` marks the folder as War Room's own clone (targetGate.ts), from before its first file.
          await step(`cloning ${where}`, () => git(undefined, ['clone', '-q', '--no-tags', '--config', 'warroom.clone=true', '--', target.url, target.cloneDir], repo.identity));
          // Persisted so git commands a user runs in the clone don't rewrite segment bytes either.
          await repo.run(['config', 'core.autocrlf', 'false']);
          const { branch } = await repo.snapshot();
          if (branch !== repo.branch) await checkOutBranch(repo, branch);
          clone.device = await identify(repo, device, '');
        } else {
          clone.device = await identify(repo, device, (await verifyClone(repo)).device);
        }
        await remember(repo, clone.device);
        // With a device this is an exchange, right after its round's listing repaired the clone.
        if (device !== undefined && state === 'present') await recheck(repo, clone.device, notice);
        else clone.unborn = (await repair(repo, clone.device, notice)).unborn;
      }),
    refresh: () => step(`updating from ${where}`, () => fetchAndRebase(clone)),
    publish: (paths, message) =>
      step(`publishing to ${where}`, async () => {
        await repo.commitPaths(paths, message);
        await push(clone, options);
      }),
  };
}

/** What one call learns about the clone and hands from step to step. */
interface Clone {
  repo: Repo;
  where: string;
  notice: (message: string) => void;
  device: string | null;
  /** No commit yet when the call started (after repair). */
  unborn: boolean;
}

async function cloneState(dir: string): Promise<'missing' | 'empty' | 'present'> {
  return guard('read', undefined, async () => {
    try {
      return (await readdir(dir)).length === 0 ? 'empty' : 'present';
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return 'missing';
      if (errnoOf(error) === 'ENOTDIR') fail('git', `${dir} is a file; choose a folder for the clone.`);
      throw error;
    }
  });
}

/**
 * Clones already checked by this process, so a round does not ask git again whether the folder
 * is our clone: valid while the clone's `.git` folder and its config file are the same files,
 * unchanged (a new origin, device or folder changes one of them; git rewrites config by rename).
 */
const checked = new Map<string, { url: string; stamp: string; device: string }>();

async function stampOf(dir: string): Promise<string | null> {
  try {
    const dotGit = await lstat(join(dir, '.git'));
    if (!dotGit.isDirectory()) return null;
    const config = await stat(join(dir, '.git', 'config'));
    return [dotGit.dev, dotGit.ino, config.ino, config.size, config.mtimeMs, config.ctimeMs].join(':');
  } catch {
    return null;
  }
}

async function remember(repo: Repo, device: string | null): Promise<void> {
  const stamp = await stampOf(repo.dir);
  if (stamp === null) checked.delete(repo.dir);
  else checked.set(repo.dir, { url: repo.url, stamp, device: device ?? '' });
}

/** A folder the user pointed at must be our clone of this remote: never take over anything else. */
async function verifyClone(repo: Repo): Promise<ClonedConfig> {
  const known = checked.get(repo.dir);
  if (known && known.url === repo.url && known.stamp === (await stampOf(repo.dir))) {
    // `.git` is a folder in the clone, so that is its git dir.
    repo.knowGitDir(join(repo.dir, '.git'));
    return { origin: repo.url, device: known.device };
  }
  checked.delete(repo.dir);
  const notOurs = (why: string): never =>
    fail('git', `${repo.dir} ${why}. Choose an empty folder for the clone (or the clone made for this remote); nothing in it was changed.`);
  let top: string;
  try {
    top = (await repo.locate()).top;
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.stderr)) notOurs('is not empty and is not a git clone');
    throw new FaultError(gitFault(error, 'opening the clone'));
  }
  if ((await realpath(top)) !== (await realpath(repo.dir))) notOurs(`is inside another git repository (${top})`);
  const config = await readClonedConfig(repo);
  if (config.origin !== repo.url) {
    notOurs(config.origin === '' ? 'is a git repository without an origin remote' : `is a clone of ${redact(config.origin)}, not of ${redact(repo.url)}`);
  }
  return config;
}

interface ClonedConfig {
  origin: string;
  device: string;
}

/** The clone's origin URL and the device it belongs to, in one git call. */
async function readClonedConfig(repo: Repo): Promise<ClonedConfig> {
  const out = await repo.run(['config', '--get-regexp', '^(remote\\.origin\\.url|warroom\\.device)$']).catch(() => '');
  const config: ClonedConfig = { origin: '', device: '' };
  for (const line of out.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) continue;
    if (line.startsWith('remote.origin.url ')) config.origin = line.slice(space + 1);
    if (line.startsWith('warroom.device ')) config.device = line.slice(space + 1);
  }
  return config;
}

/**
 * Commits name the laptop. The clone remembers its device (local config `warroom.device`) so a
 * repair before a list, which is not told the device, still knows which files are its own.
 */
async function identify(repo: Repo, device: DeviceInfo | undefined, known: string): Promise<string | null> {
  if (device) {
    repo.identity = { name: device.name, email: `${device.device}@warroom.invalid` };
    if (known !== device.device) await repo.run(['config', 'warroom.device', device.device]);
    return device.device;
  }
  if (!/^[0-9a-f]{16}$/.test(known)) return null;
  repo.identity = { name: `War Room ${known}`, email: `${known}@warroom.invalid` };
  return known;
}

/**
 * Fetch the archive branch and bring the local branch onto it: a fast-forward when only the
 * remote moved; when both did, the local commits are first confined to this device's own files,
 * then replayed on top. An empty remote is fine.
 */
async function fetchAndRebase({ repo, where, notice, device, unborn }: Clone): Promise<void> {
  const refspec = `+refs/heads/${repo.branch}:${repo.remoteRef}`;
  const missingBranch = (error: unknown) => error instanceof GitError && /couldn't find remote ref/i.test(error.stderr);
  // The common cases in one git process: up to date, only the remote moved, only this clone moved.
  let diverged = false;
  try {
    await repo.run(['pull', '-q', '--ff-only', '--no-rebase', '--no-verify-signatures', '--no-tags', 'origin', refspec]);
    return;
  } catch (error) {
    // A remote with no such branch yet (nothing pushed): nothing to rebase onto.
    if (missingBranch(error)) return;
    const said = gitFault(error, `fetching from ${where}`);
    if (said.code !== 'git') throw new FaultError(said); // offline, signed out: no second try
    // git says this only after a fetch that worked; anything else is retried step by step.
    diverged = error instanceof GitError && /Not possible to fast-forward/i.test(error.stderr);
  }
  if (!diverged) {
    try {
      await repo.run(['fetch', '-q', '--no-tags', 'origin', refspec]);
    } catch (error) {
      if (missingBranch(error)) return;
      throw new FaultError(gitFault(error, `fetching from ${where}`));
    }
    let refused: unknown;
    try {
      await repo.run(['merge', '-q', '--ff-only', '--no-verify-signatures', repo.remoteRef]);
      return;
    } catch (error) {
      refused = error;
    }
    if (unborn) throw new FaultError(gitFault(refused, 'updating the clone'));
    const { ahead, behind } = await step(`comparing the clone with ${where}`, () => repo.aheadBehind());
    if (ahead === 0 || behind === 0) throw new FaultError(gitFault(refused, 'updating the clone'));
  }
  // Both moved. Set aside → the branch is now on the remote's, own files re-committed: nothing to replay.
  if ((await step('checking the local commits', () => confine(repo, device, notice))).setAside) return;
  try {
    await repo.run(['rebase', '-q', repo.remoteRef]);
  } catch (error) {
    const conflicted = (await repo.status().catch(() => [])).find((entry) => entry.xy.includes('U') || entry.xy === 'AA' || entry.xy === 'DD');
    await repo.run(['rebase', '--abort']).catch(() => undefined);
    const said = gitFault(error, `rebasing onto origin/${repo.branch}`);
    throw new FaultError(
      fault(
        'git',
        `Rebasing this laptop's commits onto ${where} stopped${conflicted ? ` on a conflict in ${conflicted.path}: the remote already has a different file by that name` : ''}. ` +
          `The rebase was undone and the local commits are kept; ${said.message}`,
        conflicted?.path,
      ),
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Push exactly the commit checked by confine (a commit made in the clone meanwhile waits for the
 * next check); when someone pushed first, fetch + rebase and try again with growing, jittered pauses.
 */
async function push(clone: Clone, options: SyncOptions): Promise<void> {
  const { repo, where, notice, device } = clone;
  const attempts = options.pushAttempts ?? 6;
  const backoff = options.backoffMs ?? 200;
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const head = (await step('checking what to push', () => confine(repo, device, notice))).push;
    if (head === null) return;
    try {
      await repo.run(['push', '-q', 'origin', `${head}:refs/heads/${repo.branch}`]);
      return;
    } catch (error) {
      if (!isRejectedPush(error)) throw new FaultError(gitFault(error, `pushing to ${where}`));
      last = error;
    }
    if (attempt === attempts) break;
    await sleep(backoff * 2 ** (attempt - 1) * (0.5 + Math.random()));
    // A rebase needs a clean clone: whatever changed since the listing is set aside first.
    await repair(repo, device, notice);
    await fetchAndRebase({ ...clone, unborn: false });
  }
  const said = last instanceof GitError ? pushRefusal(last.stderr) : '';
  fail(
    'push-rejected',
    `${where} refused this laptop's changes ${attempts === 1 ? 'once' : `${attempts} times`} (${said}). Nothing was lost: they are committed in the clone and will be pushed on a later round.`,
  );
}
