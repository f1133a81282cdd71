import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { DeviceInfo } from '../../../shared/sync/layout.ts';
import type { TargetConfig } from '../../../shared/sync/wire.ts';

/** A temp folder removed when the current test ends (made writable first: some tests chmod). */
export async function scratch(prefix = 'warroom-sync-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(async () => {
    await execQuiet('chmod', ['-R', 'u+rwX', dir]);
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

function execQuiet(file: string, args: string[]): Promise<void> {
  return new Promise((resolve) => execFile(file, args, () => resolve()));
}

/** Plain git for arranging scenes (not the code under test): fixed identity, no global config needed. */
export function sh(cwd: string, args: string[]): Promise<string> {
  const all = ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args];
  return new Promise((resolve, reject) =>
    execFile('git', all, { cwd, env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) =>
      error ? reject(new Error(`git ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    ),
  );
}

export const DEVICES = ['a1b2c3d4e5f60718', 'b2c3d4e5f6071829', 'c3d4e5f607182930'] as const;
const NAMES = ['Ana’s laptop', 'Ben', 'Chloé'];

export function device(index: number): DeviceInfo {
  return { device: DEVICES[index] as string, name: NAMES[index] as string, createdAt: '2026-11-23T08:00:00.000Z', app: '0.1.0' };
}

/** Segment text: host code never parses it, so any UTF-8 lines will do (with non-ASCII on purpose). */
export function text(deviceIndex: number, first: number, last: number): string {
  let out = '';
  for (let seq = first; seq <= last; seq++) out += `${JSON.stringify({ device: DEVICES[deviceIndex], seq, note: 'résumé ✓ 🔥' })}\n`;
  return out;
}

export const PASSPHRASE = 'correct horse battery staple';

/**
 * One kind of target as the contract suite sees it: a config per device (git: one clone each),
 * plus ways to look at and tamper with what is really on the target, behind the app's back.
 */
export interface Env {
  kind: 'folder' | 'git';
  encrypted: boolean;
  target(deviceIndex: number): TargetConfig;
  /** The target's copy of a file (git: on the remote's branch), or null. */
  read(rel: string): Promise<Buffer | null>;
  /** Put files on the target as another tool or person would (git: commit + push from a scratch clone). */
  put(files: Record<string, string | Buffer>): Promise<void>;
  /** git: the bare remote. */
  remote?: string;
}

export async function folderEnv(encrypted = false): Promise<Env> {
  const root = await scratch();
  const path = join(root, 'share');
  await mkdir(path);
  return {
    kind: 'folder',
    encrypted,
    target: () => ({ kind: 'folder', path, ...(encrypted ? { encryption: { passphrase: PASSPHRASE } } : {}) }),
    read: (rel) => readFile(join(path, rel)).catch(() => null),
    async put(files) {
      for (const [rel, bytes] of Object.entries(files)) {
        await mkdir(dirname(join(path, rel)), { recursive: true });
        await writeFile(join(path, rel), bytes);
      }
    },
  };
}

export async function bareRemote(root: string): Promise<string> {
  const remote = join(root, 'remote.git');
  await sh(root, ['init', '-q', '--bare', '--initial-branch=main', remote]);
  return remote;
}

export async function gitEnv(encrypted = false): Promise<Env> {
  const root = await scratch();
  const remote = await bareRemote(root);
  const url = `file://${remote}`;
  let helpers = 0;
  return {
    kind: 'git',
    encrypted,
    remote,
    target: (index) => ({
      kind: 'git',
      url,
      branch: 'main',
      cloneDir: join(root, 'clones', String(index)),
      ...(encrypted ? { encryption: { passphrase: PASSPHRASE } } : {}),
    }),
    async read(rel) {
      return new Promise((resolve) =>
        execFile('git', ['show', `main:${rel}`], { cwd: remote, encoding: 'buffer' }, (error, stdout) => resolve(error ? null : stdout)),
      );
    },
    async put(files) {
      const dir = join(root, `helper-${helpers++}`);
      await sh(root, ['clone', '-q', url, dir]);
      for (const [rel, bytes] of Object.entries(files)) {
        await mkdir(dirname(join(dir, rel)), { recursive: true });
        await writeFile(join(dir, rel), bytes);
      }
      await sh(dir, ['add', '-A']);
      await sh(dir, ['commit', '-q', '-m', 'put by hand']);
      await sh(dir, ['push', '-q', 'origin', 'HEAD:main']);
    },
  };
}
