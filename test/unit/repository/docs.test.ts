/**
 * The documentation as a reader meets it: README.md and docs/*.md pass markdownlint with the
 * repository's .markdownlint-cli2.jsonc, every relative link points at a file that exists inside
 * the repository (and at a heading that exists, when it names one), and every
 * `docs/<file>.md#anchor` a tracked file cites names a real heading.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as markdownlintCli2 } from 'markdownlint-cli2';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const DOCS = ['README.md', ...readdirSync(join(repoRoot, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

describe('documentation', () => {
  it('README.md and docs/*.md pass markdownlint with the repository config', async () => {
    const findings: string[] = [];
    const code = await markdownlintCli2({
      directory: repoRoot,
      argv: DOCS,
      logMessage: () => {},
      logError: (message: string) => findings.push(message),
    });
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('every relative link points at a file (and heading) inside the repository', () => {
    const broken: string[] = [];
    for (const doc of DOCS) {
      const text = read(doc).replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, '');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = match[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:
        const [path = '', fragment] = link.split('#');
        const target = path === '' ? doc : relative(repoRoot, resolve(repoRoot, dirname(doc), path));
        if (target.startsWith('..') || !existsSync(join(repoRoot, target))) {
          broken.push(`${doc}: ${link} is not a file in the repository`);
        } else if (fragment !== undefined && target.endsWith('.md') && !anchorsOf(read(target)).has(fragment)) {
          broken.push(`${doc}: ${link} names no heading of ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every docs/<file>.md#anchor cited in the code names a heading', () => {
    const files = execFileSync('git', ['ls-files', '-z', '--', 'shared', 'renderer', 'electron', 'build', 'test'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\0')
      .filter((path) => /\.(ts|tsx|js|mjs|cjs|json|jsonc)$/.test(path) && existsSync(join(repoRoot, path)));
    const anchors = new Map<string, Set<string>>();
    const broken: string[] = [];
    for (const path of files) {
      for (const match of read(path).matchAll(/docs\/([\w-]+\.md)(?:#([\w-]+))?/g)) {
        const doc = `docs/${match[1]}`;
        if (!existsSync(join(repoRoot, doc))) {
          broken.push(`${path}: ${match[0]}: no such document`);
          continue;
        }
        if (match[2] === undefined) continue;
        if (!anchors.has(doc)) anchors.set(doc, anchorsOf(read(doc)));
        if (!anchors.get(doc)!.has(match[2])) broken.push(`${path}: ${match[0]}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });
});
