/**
 * Tests a newcomer can find (docs/architecture.md#tests): test/unit/ mirrors the source tree.
 * The unit test of `<path>/<name>.ts(x)` is `test/unit/<path>/<name>.test.ts`, with an optional
 * `.<suffix>` when one module has several test files (`segment.test.ts`, `segment.fuzz.test.ts`).
 * Suites that run the stack across layers live in test/unit/integration/, checks on the
 * repository itself in test/unit/repository/, and every helper that is not a test in
 * test/unit/support/.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const unitRoot = join(repoRoot, 'test', 'unit');

/** Folders of test/unit/ that hold suites about no single source file. */
const OWN_FOLDERS = ['integration/', 'repository/'];
/** The folder of test/unit/ that holds helpers, and nothing but helpers. */
const SUPPORT = 'support/';

const TEST = /\.test\.tsx?$/;

/** Every file under test/unit/, as a path relative to it with `/` separators. */
function unitFiles(dir = unitRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? unitFiles(path) : [relative(unitRoot, path).split(sep).join('/')];
  });
}

/**
 * The source files a test at `path` (relative to test/unit/) may mirror: `<stem>.ts(x)`, and, when
 * the name carries a `.<suffix>`, `<stem without it>.ts(x)`.
 */
export function mirroredSources(path: string): string[] {
  const stem = path.replace(TEST, '');
  const stems = [stem];
  const suffixed = /^((?:.*\/)?[^/.]+)\.[^/.]+$/.exec(stem);
  if (suffixed?.[1]) stems.push(suffixed[1]);
  return stems.flatMap((s) => [`${s}.ts`, `${s}.tsx`]);
}

/** Why the file at `path` (relative to test/unit/) breaks the layout, or undefined when it follows it. */
export function misplaced(path: string, sourceExists: (repoPath: string) => boolean): string | undefined {
  if (!TEST.test(path)) {
    return path.startsWith(SUPPORT) ? undefined : `${path} is not a test: helpers live in test/unit/${SUPPORT}`;
  }
  if (path.startsWith(SUPPORT)) return `${path} is a test in test/unit/${SUPPORT}, which holds only helpers`;
  if (OWN_FOLDERS.some((folder) => path.startsWith(folder))) return undefined;
  const candidates = mirroredSources(path);
  if (candidates.some(sourceExists)) return undefined;
  return `${path} mirrors no source file (looked for ${candidates.join(', ')}); move it to the path of the module it tests, or to test/unit/integration/ if it runs the stack across layers`;
}

describe('the unit test layout', () => {
  it('every file under test/unit/ is a test at a mirrored path, a cross-layer or repository suite, or a helper in support/', () => {
    const files = unitFiles();
    expect(files.filter((path) => TEST.test(path)).length).toBeGreaterThan(50);
    const problems = files.flatMap((path) => misplaced(path, (source) => existsSync(join(repoRoot, source))) ?? []);
    expect(problems).toEqual([]);
  });

  it('the rule itself: mirrored paths, optional suffixes, the two own folders and support/', () => {
    const sources = new Set(['shared/sync/segment.ts', 'renderer/db/DatabaseProvider.tsx', 'electron/cli/verify.ts']);
    const exists = (path: string) => sources.has(path);
    expect(misplaced('shared/sync/segment.test.ts', exists)).toBeUndefined();
    expect(misplaced('shared/sync/segment.fuzz.test.ts', exists)).toBeUndefined();
    expect(misplaced('renderer/db/DatabaseProvider.test.ts', exists)).toBeUndefined();
    expect(misplaced('electron/cli/verify.test.tsx', exists)).toBeUndefined();
    expect(misplaced('integration/syncStack.contract.test.ts', exists)).toBeUndefined();
    expect(misplaced('repository/layering.test.ts', exists)).toBeUndefined();
    expect(misplaced('support/chains.ts', exists)).toBeUndefined();
    expect(misplaced('sync/segment.test.ts', exists)).toMatch(/mirrors no source file/);
    expect(misplaced('shared/sync/segment.a.b.test.ts', exists)).toMatch(/mirrors no source file/);
    expect(misplaced('shared/segment.test.ts', exists)).toMatch(/mirrors no source file/);
    expect(misplaced('shared/sync/chains.ts', exists)).toMatch(/helpers live in/);
    expect(misplaced('support/chains.test.ts', exists)).toMatch(/holds only helpers/);
  });
});
