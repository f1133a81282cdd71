import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ioFault } from '../../../../../electron/host/transports/faults.ts';
import { firstUsefulLine, gitFault, isRejectedPush, redact } from '../../../../../electron/host/transports/git/faults.ts';
import { GitError } from '../../../../../electron/host/transports/git/run.ts';
import { exchange, listTarget, setUpTarget } from '../../../../../electron/host/transports/index.ts';
import { FORMAT_PATH, deviceInfoPath } from '../../../../../shared/sync/layout.ts';
import type { Outcome } from '../../../../../shared/sync/ports.ts';
import type { TargetConfig } from '../../../../../shared/sync/wire.ts';
import { DEVICES, bareRemote, device, folderEnv, scratch, sh, text } from '../../../support/hostSync.ts';

function faultOf(outcome: Outcome<unknown>) {
  if (outcome.ok) throw new Error('expected a fault');
  return outcome.fault;
}

/** Every file under a folder with its bytes: "nothing was deleted or changed" in one comparison. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(root, path)] = (await readFile(path)).toString('base64');
    }
  };
  await walk(root);
  return out;
}

const exchangeArgs = (target: TargetConfig) =>
  [target, { device: device(0), write: [{ first: 1, last: 2, text: text(0, 1, 2) }], read: [] }] as const;

describe('folder target faults', () => {
  it('a missing folder is unreachable, for every call, and is not created', async () => {
    const root = await scratch();
    const target: TargetConfig = { kind: 'folder', path: join(root, 'unplugged-drive') };
    for (const outcome of [await setUpTarget(target), await listTarget(target), await exchange(...exchangeArgs(target))]) {
      expect(faultOf(outcome)).toMatchObject({ code: 'unreachable', message: expect.stringMatching(/not there — is the drive or share mounted\?/) });
    }
    expect(await readdir(root)).toEqual([]);
  });

  it('a folder without format.json is unreachable — never read as "everything deleted" — and nothing is written', async () => {
    const env = await folderEnv();
    const target = env.target(0);
    const path = target.kind === 'folder' ? target.path : '';
    await writeFile(join(path, 'someone-elses-file.txt'), 'keep me');
    for (const outcome of [await listTarget(target), await exchange(...exchangeArgs(target))]) {
      expect(faultOf(outcome)).toEqual({
        code: 'unreachable',
        file: FORMAT_PATH,
        message: expect.stringMatching(/holds no War Room archive .* is the drive mounted, and was the target set up\?/),
      });
    }
    expect(await readdir(path)).toEqual(['someone-elses-file.txt']);
  });

  it('a newer archive format or a damaged format.json stops the round before anything is written', async () => {
    const env = await folderEnv();
    const target = env.target(0);
    await env.put({ [FORMAT_PATH]: '{"format":"warroom-sync","version":2}' });
    expect(faultOf(await exchange(...exchangeArgs(target)))).toMatchObject({ code: 'newer-format', file: FORMAT_PATH, message: expect.stringMatching(/v2.*Update the app/) });
    expect(faultOf(await setUpTarget(target))).toMatchObject({ code: 'newer-format' });
    await env.put({ [FORMAT_PATH]: 'not json' });
    expect(faultOf(await listTarget(target))).toMatchObject({ code: 'damaged', file: FORMAT_PATH, message: expect.stringMatching(/damaged/) });
    expect(await env.read(deviceInfoPath(DEVICES[0]))).toBeNull();
  });

  /**
   * Real permissions, also under root: root ignores mode bits, so there the call runs in a child
   * process as uid/gid 65534 ("nobody"), for whom the 0555 folders really are read-only.
   */
  it('a read-only folder is read-only, names the file, and loses nothing', async (ctx) => {
    const env = await folderEnv();
    const target = env.target(0);
    const path = target.kind === 'folder' ? target.path : '';
    expect((await setUpTarget(target)).ok).toBe(true);
    await env.put({ [`warroom/v1/ops/${DEVICES[1]}/000000000001-000000000001.jsonl`]: text(1, 1, 1) });
    const before = await snapshot(path);
    await readOnly(join(path, '..'), path);
    const outcome = await asUnprivileged('exchange', [...exchangeArgs(target)]);
    if (outcome === 'cannot-switch-user') return ctx.skip();
    expect(faultOf(outcome)).toEqual({
      code: 'read-only',
      file: deviceInfoPath(DEVICES[0]),
      message: `The target is read-only for this laptop: ${deviceInfoPath(DEVICES[0])} could not be written (permission denied).`,
    });
    expect(await snapshot(path)).toEqual(before);
  });
});

async function readOnly(root: string, path: string): Promise<void> {
  await chmod(root, 0o755); // mkdtemp makes 0700: let "nobody" in, read-only below
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(dir, entry.name));
      else await chmod(join(dir, entry.name), 0o444);
    }
    await chmod(dir, 0o555);
  };
  await walk(path);
}

const REPO = fileURLToPath(new URL('../../../../..', import.meta.url));
const AS_USER = fileURLToPath(new URL('../../../support/transportAsUser.ts', import.meta.url));

function asUnprivileged(call: 'exchange' | 'setUpTarget', args: unknown[]): Promise<Outcome<unknown> | 'cannot-switch-user'> {
  const root = process.getuid?.() === 0;
  if (!root) {
    return call === 'exchange'
      ? exchange(...(args as Parameters<typeof exchange>))
      : setUpTarget(...(args as Parameters<typeof setUpTarget>));
  }
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', AS_USER, JSON.stringify({ call, args })],
      { cwd: REPO, uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } },
      (error, stdout, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'EPERM') return resolve('cannot-switch-user');
        if (error) return reject(new Error(`child failed: ${stderr}`));
        resolve(JSON.parse(stdout) as Outcome<unknown>);
      },
    ),
  );
}

describe('errno → fault (disk-full and friends cannot be staged for real: synthetic errors)', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: /abs/path`), { code });
  const file = 'warroom/v1/ops/a1b2c3d4e5f60718/000000000001-000000000002.jsonl';

  it.each([
    ['ENOSPC', 'write', 'disk-full', /The target is full: .* \(no space left on the drive\)/],
    ['EDQUOT', 'write', 'disk-full', /disk quota exceeded/],
    ['EROFS', 'write', 'read-only', /mounted read-only/],
    ['EACCES', 'write', 'read-only', /permission denied/],
    ['EPERM', 'write', 'read-only', /permission denied/],
    ['ENOENT', 'write', 'unreachable', /is the drive or share mounted/],
    ['ENOTDIR', 'read', 'unreachable', /is the drive or share mounted/],
    ['ESTALE', 'read', 'unreachable', /is the drive or share mounted/],
    ['EIO', 'write', 'write-failed', /could not be written \(EIO\)/],
    ['EACCES', 'read', 'unreachable', /could not be read \(EACCES\)/],
  ] as const)('%s on %s → %s', (code, action, expected, message) => {
    const fault = ioFault(errno(code), action, file);
    expect(fault).toEqual({ code: expected, message: expect.stringMatching(message), file });
    expect(fault.message).not.toContain('/abs/path');
  });
});

describe('git stderr → fault', () => {
  const failed = (stderr: string) => new GitError(['fetch'], stderr, 128, false, false);

  it.each([
    ["fatal: could not read Username for 'https://example.com': terminal prompts disabled", 'auth'],
    ['remote: HTTP Basic: Access denied\nfatal: Authentication failed for \'https://example.com/x.git/\'', 'auth'],
    ['git@example.com: Permission denied (publickey).\nfatal: Could not read from remote repository.', 'auth'],
    ["fatal: unable to access 'https://example.com/x.git/': The requested URL returned error: 403", 'auth'],
    ["fatal: unable to access 'https://nowhere.invalid/x.git/': Could not resolve host: nowhere.invalid", 'unreachable'],
    ['ssh: connect to host example.com port 22: Connection refused\nfatal: Could not read from remote repository.', 'unreachable'],
    ["fatal: '/gone/x.git' does not appear to be a git repository", 'unreachable'],
    ['hint: something\nerror: object file .git/objects/ab/cd is empty\nfatal: loose object is corrupt', 'git'],
  ] as const)('%s → %s', (stderr, code) => {
    expect(gitFault(failed(stderr), 'fetching from the Git remote').code).toBe(code);
  });

  it('names what failed in plain words, skipping hints, and never shows a password', () => {
    expect(firstUsefulLine('hint: try this\nwarning: meh\nerror: the real reason\n')).toBe('the real reason');
    expect(redact('https://ana:s3cret@example.com/x.git and git@example.com:x.git')).toBe('https://ana:***@example.com/x.git and git@example.com:x.git');
    const fault = gitFault(failed("fatal: unable to access 'https://ana:s3cret@example.com/x.git/': Could not resolve host: example.com"), 'fetching');
    expect(fault.message).not.toContain('s3cret');
    expect(gitFault(new GitError(['clone'], '', null, false, true), 'cloning')).toMatchObject({ code: 'git', message: expect.stringMatching(/git is not installed/) });
    expect(gitFault(new GitError(['fetch'], '', null, true, false), 'fetching')).toMatchObject({ code: 'unreachable' });
  });

  it('tells a refused push (retry) from other push failures', () => {
    expect(isRejectedPush(failed(' ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs'))).toBe(true);
    expect(isRejectedPush(failed(' ! [remote rejected] HEAD -> main (pre-receive hook declined)'))).toBe(true);
    expect(isRejectedPush(failed("fatal: unable to access 'x': Could not resolve host: x"))).toBe(false);
  });
});

describe('git target faults', () => {
  let server: Server;
  let port: number;
  let closedPort: number;
  beforeAll(async () => {
    // A remote that wants a password: git may not prompt, so it must come back as `auth`.
    server = createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="warroom-test"' });
      res.end('sign in');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    process.env['NO_PROXY'] = ['127.0.0.1', process.env['NO_PROXY']].filter(Boolean).join(',');
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const gitTarget = (url: string, cloneDir: string): TargetConfig => ({ kind: 'git', url, branch: 'main', cloneDir });

  it('a remote asking for credentials → auth, without prompting; the clone folder is left as it was', async () => {
    const root = await scratch();
    await mkdir(join(root, 'clone'));
    const fault = faultOf(await setUpTarget(gitTarget(`http://127.0.0.1:${port}/team/incidents.git`, join(root, 'clone'))));
    expect(fault).toMatchObject({ code: 'auth', message: expect.stringMatching(/could not sign in while cloning .*check that your SSH key or saved credentials/) });
    expect((await stat(join(root, 'clone'))).isDirectory()).toBe(true);
  });

  it('a host that does not answer → unreachable', async () => {
    const root = await scratch();
    const fault = faultOf(await setUpTarget(gitTarget(`http://127.0.0.1:${closedPort}/x.git`, join(root, 'clone'))));
    expect(fault).toMatchObject({ code: 'unreachable', message: expect.stringMatching(/could not be reached while cloning .* are you offline\?/) });
  });

  it('listing before set-up → not-set-up; a folder that is not our clone is never taken over', async () => {
    const root = await scratch();
    const remote = await bareRemote(root);
    expect(faultOf(await listTarget(gitTarget(`file://${remote}`, join(root, 'none'))))).toMatchObject({ code: 'not-set-up' });

    await mkdir(join(root, 'documents'));
    await writeFile(join(root, 'documents', 'thesis.md'), 'precious');
    const notGit = faultOf(await setUpTarget(gitTarget(`file://${remote}`, join(root, 'documents'))));
    expect(notGit).toMatchObject({ code: 'git', message: expect.stringMatching(/is not empty and is not a git clone\. Choose an empty folder/) });
    expect(await snapshot(join(root, 'documents'))).toEqual({ 'thesis.md': Buffer.from('precious').toString('base64') });

    await sh(root, ['clone', '-q', `file://${remote}`, join(root, 'project')]);
    const wrongOrigin = faultOf(await setUpTarget(gitTarget(`file://${join(root, 'elsewhere.git')}`, join(root, 'project'))));
    expect(wrongOrigin).toMatchObject({ code: 'git', message: expect.stringMatching(/is a clone of file:\/\/.*remote\.git, not of file:\/\/.*elsewhere\.git/) });
  });

  it('a push the remote keeps refusing → push-rejected after the retries; the commit is kept and lands later', async () => {
    const root = await scratch();
    const remote = await bareRemote(root);
    const target = gitTarget(`file://${remote}`, join(root, 'clone'));
    expect((await setUpTarget(target)).ok).toBe(true);
    const hook = join(remote, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "closed for maintenance" >&2\nexit 1\n');
    await chmod(hook, 0o755);

    const fault = faultOf(await exchange(...exchangeArgs(target), { backoffMs: 5 }));
    expect(fault).toMatchObject({ code: 'push-rejected', message: expect.stringMatching(/refused this laptop's changes 6 times \(pre-receive hook declined; the remote said: closed for maintenance\)\. Nothing was lost/) });
    expect(await sh(join(root, 'clone'), ['log', '-1', '--format=%s'])).toContain(`warroom: ${DEVICES[0]} ops 1-2`);

    await writeFile(hook, '#!/bin/sh\nexit 0\n');
    const retried = await exchange(target, { device: device(0), write: [], read: [] });
    expect(retried.ok).toBe(true);
    expect(await sh(remote, ['log', '-1', '--format=%s', 'main'])).toContain(`warroom: ${DEVICES[0]} ops 1-2`);
  });
});
