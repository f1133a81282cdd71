import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';

/** A failed git command, with what it printed: faults.ts reads the reason from stderr. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | null,
    /** Killed by the timeout (a hung network or ssh). */
    readonly timedOut: boolean,
    /** git itself could not be started (not installed / not on PATH). */
    readonly missing: boolean,
  ) {
    super(`git ${args[0] ?? ''} failed: ${stderr.trim().split('\n').pop() ?? ''}`);
    this.name = 'GitError';
  }
}

export interface Identity {
  name: string;
  /** `<device>@warroom.invalid`: commits say which laptop wrote them, never a real address. */
  email: string;
}

const TIMEOUT_MS = 10 * 60_000;

/**
 * Config for every command: works with no global git config (identity, no signing prompts) and
 * never rewrites bytes (autocrlf would change segment files and break their hashes). Automatic
 * maintenance (gc) is left to the fetch (or pull), once a round: merge, rebase and commit would
 * each start another `git maintenance run --auto` process only to find the same answer.
 */
function configArgs(identity: Identity, command: string | undefined): string[] {
  const config = {
    ...(command === 'fetch' || command === 'pull' || command === 'clone' ? {} : { 'maintenance.auto': 'false' }),
    'user.name': identity.name,
    'user.email': identity.email,
    'commit.gpgsign': 'false',
    'tag.gpgsign': 'false',
    'core.autocrlf': 'false',
    'core.quotepath': 'off',
    'rebase.autoStash': 'false',
    'advice.detachedHead': 'false',
  };
  return Object.entries(config).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
}

/**
 * Never prompt: a prompt would hang a background sync forever. The user's credential helpers
 * and SSH keys still work; a password that would have to be typed becomes an `auth` fault.
 */
export function gitEnv(base: NodeJS.ProcessEnv, userSshCommand: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    LC_ALL: 'C',
    LANGUAGE: 'C',
    GIT_EDITOR: 'true',
    GIT_MERGE_AUTOEDIT: 'no',
  };
  // The user's own ssh command wins; ours only adds BatchMode (no passphrase or host-key prompt).
  if (!userSshCommand && !base['GIT_SSH_COMMAND'] && !base['GIT_SSH']) env['GIT_SSH_COMMAND'] = 'ssh -o BatchMode=yes';
  return env;
}

/** core.sshCommand in the user's config would be overridden by GIT_SSH_COMMAND: look once. */
let userSshCommand: Promise<boolean> | undefined;
function hasUserSshCommand(): Promise<boolean> {
  userSshCommand ??= new Promise((resolve) => {
    execFile('git', ['config', '--get', 'core.sshCommand'], { cwd: tmpdir(), env: { ...process.env, LC_ALL: 'C' }, timeout: 10_000 }, (error, stdout) =>
      resolve(!error && stdout.trim() !== ''),
    );
  });
  return userSshCommand;
}

/**
 * `input` goes to git's stdin (path lists via --pathspec-from-file=-: no command-line length
 * limit); `extraEnv` is added to the environment (e.g. GIT_INDEX_FILE for a scratch index).
 */
export async function git(cwd: string | undefined, args: readonly string[], identity: Identity, input?: string, extraEnv?: Record<string, string>): Promise<string> {
  const all = [...configArgs(identity, args[0]), ...args];
  const env = { ...gitEnv(process.env, await hasUserSshCommand()), ...extraEnv };
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      all,
      { cwd, env, timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as { code?: unknown }).code;
        reject(
          new GitError(args, stderr, typeof code === 'number' ? code : null, error.killed === true && (error as { signal?: unknown }).signal != null, code === 'ENOENT'),
        );
      },
    );
    child.stdin?.on('error', () => {}); // git may exit before reading; its exit code tells why
    child.stdin?.end(input ?? '');
  });
}

/** Run git and report only whether it succeeded (for `--quiet` checks whose exit code is the answer). */
export async function gitOk(cwd: string, args: readonly string[], identity: Identity): Promise<boolean> {
  try {
    await git(cwd, args, identity);
    return true;
  } catch (error) {
    if (error instanceof GitError && error.exitCode !== null && !error.missing && !error.timedOut) return false;
    throw error;
  }
}
