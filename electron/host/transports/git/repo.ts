import { git, gitOk, type Identity } from './run.ts';

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

  run(args: readonly string[], input?: string): Promise<string> {
    return git(this.dir, args, this.identity, input);
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

  /** The checked-out branch, or null when HEAD is detached. */
  async currentBranch(): Promise<string | null> {
    try {
      return (await this.run(['symbolic-ref', '-q', '--short', 'HEAD'])).trim() || null;
    } catch {
      return null;
    }
  }

  private knownGitDir: string | null = null;

  /** The clone's top folder and git dir in one call (the git dir is remembered). */
  async locate(): Promise<{ top: string; gitDir: string }> {
    const [top = '', gitDir = ''] = (await this.run(['rev-parse', '--show-toplevel', '--absolute-git-dir'])).split('\n');
    this.knownGitDir = gitDir;
    return { top, gitDir };
  }

  async gitDir(): Promise<string> {
    return this.knownGitDir ?? (await this.locate()).gitDir;
  }

  /** Which of these refs exist, in one call. */
  async existingRefs(refs: readonly string[]): Promise<Set<string>> {
    const out = await this.run(['for-each-ref', '--format=%(refname)', ...refs]);
    return new Set(out.split('\n').filter(Boolean));
  }

  /** `git status` as [XY, path] pairs, every untracked file listed on its own. */
  async status(): Promise<{ xy: string; path: string }[]> {
    const out = await this.run(['status', '--porcelain=v1', '-z', '--untracked-files=all']);
    const parts = out.split('\0');
    const entries: { xy: string; path: string }[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      if (part.length < 4) continue;
      const xy = part.slice(0, 2);
      entries.push({ xy, path: part.slice(3) });
      if (xy[0] === 'R' || xy[0] === 'C') i++; // a rename is followed by its old name
    }
    return entries;
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

  /** Commits on this branch the remote does not have yet. */
  async ahead(): Promise<boolean> {
    const refs = await this.existingRefs([`refs/heads/${this.branch}`, this.remoteRef]);
    if (!refs.has(`refs/heads/${this.branch}`)) return false;
    if (!refs.has(this.remoteRef)) return true;
    return Number((await this.run(['rev-list', '--count', `${this.remoteRef}..HEAD`])).trim()) > 0;
  }
}
