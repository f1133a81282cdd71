/**
 * The repository stands alone: no tracked file points a reader at something outside it. The
 * design, the sync format and the response plans War Room serves are documented in docs/
 * (architecture.md, sync-format.md, response-plans.md); a comment, a string or a document that
 * sends a reader to `../shared/DESIGN.md`, `FORMAT.md` or a plan file ("seed 001",
 * `seeds/001_….txt`) names something a clone of this repository does not have.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const SELF = relative(repoRoot, fileURLToPath(import.meta.url)).split(sep).join('/');

/** Names of files that live outside the repository, whatever the path in front of them. */
const OUTSIDE: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /DESIGN\.md/g, what: 'the starting design (use docs/architecture.md)' },
  { pattern: /FORMAT\.md/g, what: 'the starting format (use docs/sync-format.md)' },
  { pattern: /\bseeds? 00\d/gi, what: 'a plan file (use docs/response-plans.md, Plan A–E)' },
  { pattern: /seeds\//gi, what: 'the plan files (use docs/response-plans.md)' },
];

/** `../shared/…` (any number of `../`): outside the repository when it climbs above the root. */
const SHARED_PATH = /((?:\.\.\/)+)shared\//g;

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').filter((path) => path !== '' && path !== SELF);
}

/** Text files only: a NUL in the first 8000 bytes marks a binary (icons and the like). */
function readText(path: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(repoRoot, path));
  } catch {
    return null; // deleted in the working tree but still in the index
  }
  if (bytes.subarray(0, 8000).includes(0)) return null;
  return bytes.toString('utf8');
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

function outsideReferences(path: string, text: string): string[] {
  const found: string[] = [];
  for (const { pattern, what } of OUTSIDE) {
    for (const match of text.matchAll(pattern)) found.push(`${path}:${lineOf(text, match.index)}: "${match[0]}" names ${what}`);
  }
  for (const match of text.matchAll(SHARED_PATH)) {
    const target = resolve(repoRoot, dirname(path), match[1]!, 'shared');
    const inside = relative(repoRoot, target);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      found.push(`${path}:${lineOf(text, match.index)}: "${match[0]}" climbs out of the repository`);
    }
  }
  return found;
}

describe('the repository stands alone', () => {
  it('finds what it is meant to find', () => {
    expect(outsideReferences('README.md', 'see [x](../shared/FORMAT.md)')).toHaveLength(2);
    expect(outsideReferences('shared/a.ts', '// DESIGN.md §1\n// seed 000 §8.2, Seeds 001–004')).toHaveLength(3);
    expect(outsideReferences('shared/a.ts', "// (shared/seeds/000_*.txt)")).toHaveLength(1);
    expect(outsideReferences('README.md', 'the ../shared/ folder')).toHaveLength(1);
    // An import that stays inside the repository is fine, and so is a random seed.
    expect(outsideReferences('electron/cli/verify.ts', "import { x } from '../../shared/ops/chain.ts';")).toEqual([]);
    expect(outsideReferences('test/unit/integration/sync.simulator.test.ts', 'it(`seed ${seed}: ${why}`); // seeds 1–1000')).toEqual([]);
  });

  it('no tracked file references a path outside the repository', () => {
    const files = trackedFiles();
    expect(files).toContain('README.md');
    const found = files.flatMap((path) => {
      const text = readText(path);
      return text === null ? [] : outsideReferences(path, text);
    });
    expect(found, `${found.length} reference(s) to files outside the repository:\n${found.join('\n')}`).toEqual([]);
  });
});
