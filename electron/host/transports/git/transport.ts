import { readdir, realpath } from 'node:fs/promises';
import type { z } from 'zod';
import type { DeviceInfo } from '../../../../shared/sync/layout.ts';
import type { GitTarget } from '../../../../shared/sync/wire.ts';
import { FaultError, errnoOf, fail, fault, guard } from '../faults.ts';
import type { SyncOptions, Transport } from '../transport.ts';
import { gitFault, isRejectedPush, pushRefusal, redact, step } from './faults.ts';
import { checkOutBranch, repair } from './repair.ts';
import { Repo } from './repo.ts';
import { git, GitError } from './run.ts';

/**
 * A Git remote through a clone the app manages: the archive is read and written in the working
 * tree like a folder; around that, repair + fetch + rebase before reading, and add + commit +
 * push (rebasing and retrying when someone pushed first, never forcing) after writing.
 * Devices only ever add their own files, so a rebase cannot conflict and history stays linear.
 */
export function gitTransport(target: z.infer<typeof GitTarget>, options: SyncOptions): Transport {
  const repo = new Repo(target.cloneDir, target.url, target.branch);
  const notice = options.notice ?? ((message: string) => console.warn(`[sync] ${message}`));
  const where = `the Git remote ${redact(target.url)}`;

  return {
    root: target.cloneDir,
    attach: (mode, device) =>
      step(`opening the clone of ${where}`, async () => {
        const state = await cloneState(target.cloneDir);
        if (state === 'missing' || state === 'empty') {
          if (mode === 'use') fail('not-set-up', `This laptop has no clone of ${where} at ${target.cloneDir} yet: set the target up first.`);
          await step(`cloning ${where}`, () => git(undefined, ['clone', '-q', '--no-tags', '--', target.url, target.cloneDir], repo.identity));
          // Persisted so git commands a user runs in the clone don't rewrite segment bytes either.
          await repo.run(['config', 'core.autocrlf', 'false']);
          const branch = await repo.currentBranch();
          if (branch !== repo.branch) await checkOutBranch(repo, branch);
          await repair(repo, await identify(repo, device, ''), notice);
        } else {
          const config = await verifyClone(repo);
          await repair(repo, await identify(repo, device, config.device), notice);
        }
      }),
    refresh: () => step(`updating from ${where}`, () => fetchAndRebase(repo, where)),
    publish: (paths, message) =>
      step(`publishing to ${where}`, async () => {
        await repo.commitPaths(paths, message);
        await push(repo, where, options);
      }),
  };
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

/** A folder the user pointed at must be our clone of this remote: never take over anything else. */
async function verifyClone(repo: Repo): Promise<ClonedConfig> {
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

/** Fetch the archive branch and replay local commits on top; an empty remote is fine. */
async function fetchAndRebase(repo: Repo, where: string): Promise<void> {
  try {
    await repo.run(['fetch', '-q', '--no-tags', 'origin', `+refs/heads/${repo.branch}:${repo.remoteRef}`]);
  } catch (error) {
    // A remote with no such branch yet (nothing pushed): nothing to rebase onto.
    if (error instanceof GitError && /couldn't find remote ref/i.test(error.stderr)) return;
    throw new FaultError(gitFault(error, `fetching from ${where}`));
  }
  const refs = await repo.existingRefs([repo.remoteRef, `refs/heads/${repo.branch}`]);
  if (!refs.has(repo.remoteRef)) return;
  if (!refs.has(`refs/heads/${repo.branch}`)) {
    await step('updating the clone', () => repo.run(['merge', '-q', '--ff-only', `origin/${repo.branch}`]));
    return;
  }
  try {
    await repo.run(['rebase', '-q', `origin/${repo.branch}`]);
  } catch (error) {
    const conflicted = (await repo.status().catch(() => [])).find((entry) => entry.xy.includes('U') || entry.xy === 'AA' || entry.xy === 'DD');
    await repo.run(['rebase', '--abort']).catch(() => undefined);
    const said = gitFault(error, `rebasing onto origin/${repo.branch}`);
    throw new FaultError(
      fault(
        'git',
        `Rebasing this laptop's commits onto ${where} stopped${conflicted ? ` on a conflict in ${conflicted.path}` : ''}: a file another device owns was changed in this clone. ` +
          `The rebase was undone and the local commits are kept; ${said.message}`,
        conflicted?.path,
      ),
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Push; when someone pushed first, fetch + rebase and try again with growing, jittered pauses. */
async function push(repo: Repo, where: string, options: SyncOptions): Promise<void> {
  const attempts = options.pushAttempts ?? 6;
  const backoff = options.backoffMs ?? 200;
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (!(await step('checking what to push', () => repo.ahead()))) return;
    try {
      await repo.run(['push', '-q', '-u', 'origin', `HEAD:refs/heads/${repo.branch}`]);
      return;
    } catch (error) {
      if (!isRejectedPush(error)) throw new FaultError(gitFault(error, `pushing to ${where}`));
      last = error;
    }
    if (attempt === attempts) break;
    await sleep(backoff * 2 ** (attempt - 1) * (0.5 + Math.random()));
    await fetchAndRebase(repo, where);
  }
  const said = last instanceof GitError ? pushRefusal(last.stderr) : '';
  fail(
    'push-rejected',
    `${where} refused this laptop's changes ${attempts === 1 ? 'once' : `${attempts} times`} (${said}). Nothing was lost: they are committed in the clone and will be pushed on a later round.`,
  );
}
