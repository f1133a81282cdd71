import { git, gitOk, type Identity } from './run.ts';

export interface StatusEntry {
  /** The two status letters as `git status --porcelain=v1` prints them ('??' untracked, ' M', 'A ', 'UU' …). */
  xy: string;
  path: string;
}

/** The clone's state from one `git status`: the branch, whether it has a commit, what is changed. */
export interface Snapshot {
  /** The checked-out branch, or null when HEAD is detached. */
  branch: string | null;
  /** No commit yet (a fresh clone of an empty remote). */
  unborn: boolean;
  entries: StatusEntry[];
}

/** The app's clone: its folder, the branch the archive lives on, and who commits. */
export class Repo {
  identity: Identity = { name: 'War Room', email: 'warroom@warroom.invalid' };

  constructor(
    readonly dir: string,
    readonly url: string,
    readonly branch: string,
  ) {}

  get remoteRef(): string {
    return `refs/remotes/origin/${this.branch}`;
  }

  run(args: readonly string[], input?: string, env?: Record<string, string>): Promise<string> {
    return git(this.dir, args, this.identity, input, env);
  }

  ok(args: readonly string[]): Promise<boolean> {
    return gitOk(this.dir, args, this.identity);
  }

  async hasRef(ref: string): Promise<boolean> {
    return this.ok(['rev-parse', '-q', '--verify', `${ref}^{commit}`]);
  }

  /** No commit yet (a fresh clone of an empty remote). */
  async unborn(): Promise<boolean> {
    return !(await this.hasRef('HEAD'));
  }

  private knownGitDir: string | null = null;

  /** The clone's top folder and git dir in one call (the git dir is remembered). */
  async locate(): Promise<{ top: string; gitDir: string }> {
    const [top = '', gitDir = ''] = (await this.run(['rev-parse', '--show-toplevel', '--absolute-git-dir'])).split('\n');
    this.knownGitDir = gitDir;
    return { top, gitDir };
  }

  /** A git dir found by an earlier round (the clone was checked to be unchanged since). */
  knowGitDir(gitDir: string): void {
    this.knownGitDir = gitDir;
  }

  async gitDir(): Promise<string> {
    return this.knownGitDir ?? (await this.locate()).gitDir;
  }

  /** Which of these refs exist, in one call. */
  async existingRefs(refs: readonly string[]): Promise<Set<string>> {
    const out = await this.run(['for-each-ref', '--format=%(refname)', ...refs]);
    return new Set(out.split('\n').filter(Boolean));
  }

  /**
   * Branch, first commit and every changed path (each untracked file on its own) in one
   * `git status --porcelain=v2 --branch` call; the letters are given as v1 prints them.
   */
  async snapshot(): Promise<Snapshot> {
    const parts = (await this.run(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all'])).split('\0');
    const snapshot: Snapshot = { branch: null, unborn: false, entries: [] };
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      if (part.startsWith('# branch.head ')) {
        const head = part.slice('# branch.head '.length);
        snapshot.branch = head === '(detached)' ? null : head;
      } else if (part === '# branch.oid (initial)') {
        snapshot.unborn = true;
      } else if (part.startsWith('? ')) {
        snapshot.entries.push({ xy: '??', path: part.slice(2) });
      } else if (/^[12u] /.test(part)) {
        // Fields before the path: 8 for an ordinary change, 9 for a rename/copy, 10 for a conflict.
        const fields = part[0] === '1' ? 8 : part[0] === '2' ? 9 : 10;
        const path = part.split(' ').slice(fields).join(' ');
        snapshot.entries.push({ xy: part.slice(2, 4).replaceAll('.', ' '), path });
        if (part[0] === '2') i++; // a rename is followed by its old name
      }
    }
    return snapshot;
  }

  async status(): Promise<StatusEntry[]> {
    return (await this.snapshot()).entries;
  }

  /** Stage and commit exactly these paths (other staged changes, if any, stay out). */
  async commitPaths(paths: readonly string[], message: string): Promise<boolean> {
    if (paths.length === 0) return false;
    await this.run(['add', '--pathspec-from-file=-', '--pathspec-file-nul'], `${paths.join('\0')}\0`);
    // --no-verify: a user's global pre-commit hook (a linter) has no business with archive files.
    const args = ['commit', '-q', '--no-verify', '--only', '-m', message, '--pathspec-from-file=-', '--pathspec-file-nul'];
    try {
      await this.run(args, `${paths.join('\0')}\0`);
      return true;
    } catch (error) {
      // The files were already committed as they are (a retried round): nothing to do.
      if (await this.ok(['diff', '--cached', '--quiet', '--', ...paths])) return false;
      throw error;
    }
  }

  /** How many commits HEAD has that the remote's branch lacks, and the other way round. */
  async aheadBehind(): Promise<{ ahead: number; behind: number }> {
    const [ahead = '', behind = ''] = (await this.run(['rev-list', '--left-right', '--count', `HEAD...${this.remoteRef}`])).trim().split(/\s+/);
    return { ahead: Number(ahead), behind: Number(behind) };
  }
}
