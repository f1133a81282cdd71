import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

/**
 * What a packaged app.asar must and must not hold — the pure half of build/checkPackage.ts.
 * Paths are relative to the archive root, with '/' separators ('out/main/index.js').
 */

/** Files Electron and the app load: package.json's main, the preload, the page. */
export const REQUIRED_FILES = ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

interface Rule {
  reason: string;
  test: (path: string) => boolean;
}

/** Never shipped. A file that breaks several rules is reported under the first. */
export const FORBIDDEN: readonly Rule[] = [
  { reason: 'source map', test: (p) => p.endsWith('.map') },
  { reason: 'test file', test: (p) => /\.(test|spec)\.[^/]+$/.test(p) },
  { reason: 'TypeScript source', test: (p) => /\.(ts|tsx|mts|cts)$/.test(p) },
  { reason: 'node_modules', test: (p) => p.split('/').includes('node_modules') },
  { reason: 'benchmark page (out/bench)', test: (p) => p.startsWith('out/bench/') },
  {
    reason: 'source or test folder',
    test: (p) => ['src', 'test', 'renderer', 'shared', 'electron', 'build'].includes(p.split('/')[0] ?? ''),
  },
  { reason: 'outside out/ (only package.json and out/ ship)', test: (p) => p !== 'package.json' && !p.startsWith('out/') },
];

const BUILTINS = new Set(builtinModules);

/** The module specifiers a script imports or requires (comments and strings are not imports). */
export function importsOf(source: string): string[] {
  return [...new Set(ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName))];
}

/** Relative URLs a page loads (`src=` and `href=`), without query or fragment. */
export function pageReferences(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)]
    .map((m) => (m[1] ?? '').replace(/[?#].*$/, ''))
    .filter((url) => url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//'));
}

/**
 * Why `spec`, imported by `file`, cannot load from the archive — or null when it can.
 * Nothing from node_modules ships, so outside the renderer only relative files, Node built-ins
 * and 'electron' may be imported; the renderer (a browser page) imports relative files only.
 */
function importProblem(file: string, spec: string, has: (path: string) => boolean): string | null {
  if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')) {
    const target = spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(file), spec);
    return has(target) ? null : `imports ${spec}, which is not in the archive`;
  }
  if (file.startsWith('out/renderer/')) return `imports '${spec}': the page can load only its own files`;
  if (spec === 'electron' || spec.startsWith('node:') || BUILTINS.has(spec)) return null;
  return `imports the package '${spec}', but no node_modules ship: bundle it (build/electron.vite.config.ts)`;
}

export interface AuditInput {
  /** Every file in the archive (directories left out). */
  files: readonly string[];
  /** A file's text, for the ones whose imports are followed. */
  read: (path: string) => string;
  /** Paths planted in the staged project that must have been left out. */
  decoys?: readonly string[];
}

/** Everything wrong with the archive, one line each; empty when it is fine. */
export function auditPackage({ files, read, decoys = [] }: AuditInput): string[] {
  const problems: string[] = [];
  const present = new Set(files);
  const has = (path: string) => present.has(path);

  for (const path of REQUIRED_FILES) if (!has(path)) problems.push(`missing ${path}`);
  if (!files.some((p) => /^out\/renderer\/assets\/[^/]+\.js$/.test(p))) {
    problems.push('missing a renderer bundle (out/renderer/assets/*.js)');
  }

  const broken = new Map<string, string[]>();
  for (const path of files) {
    const rule = FORBIDDEN.find((r) => r.test(path));
    if (rule) broken.set(rule.reason, [...(broken.get(rule.reason) ?? []), path]);
  }
  for (const [reason, hits] of broken) {
    const more = hits.length > 8 ? ` and ${hits.length - 8} more` : '';
    problems.push(`${reason}: ${hits.slice(0, 8).join(', ')}${more}`);
  }
  // A decoy no rule above caught (its own line, so a weakened rule cannot hide it).
  for (const decoy of decoys) {
    if (has(decoy) && !FORBIDDEN.some((r) => r.test(decoy))) problems.push(`planted decoy shipped: ${decoy}`);
  }

  if (has('package.json')) {
    const main = (JSON.parse(read('package.json')) as { main?: unknown }).main;
    if (typeof main !== 'string' || !has(posix.normalize(main))) {
      problems.push(`package.json "main" (${String(main)}) is not in the archive`);
    }
  }
  for (const file of files) {
    if (!file.startsWith('out/') || file.startsWith('out/bench/')) continue;
    if (/\.(js|cjs|mjs)$/.test(file)) {
      for (const spec of importsOf(read(file))) {
        const problem = importProblem(file, spec, has);
        if (problem) problems.push(`${file} ${problem}`);
      }
    } else if (file.endsWith('.html')) {
      for (const url of pageReferences(read(file))) {
        const target = url.startsWith('/') ? `out/renderer${url}` : posix.join(posix.dirname(file), url);
        if (!has(target)) problems.push(`${file} loads ${url}, which is not in the archive`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------- Electron fuses

/**
 * Electron's fuse wire, as @electron/fuses (which electron-builder calls) finds it in the binary:
 * this sentinel, a version byte (1), a length byte, then one byte per fuse: '0' off, '1' on,
 * 'r' removed.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Each fuse War Room sets in build/electron-builder.yml (`electronFuses`), by its place on the wire. */
export const REQUIRED_FUSES: readonly { index: number; name: string; on: boolean }[] = [
  { index: 0, name: 'RunAsNode', on: false },
  { index: 1, name: 'EnableCookieEncryption', on: true },
  { index: 2, name: 'EnableNodeOptionsEnvironmentVariable', on: false },
  { index: 3, name: 'EnableNodeCliInspectArguments', on: false },
  { index: 4, name: 'EnableEmbeddedAsarIntegrityValidation', on: true },
  { index: 5, name: 'OnlyLoadAppFromAsar', on: true },
  { index: 7, name: 'GrantFileProtocolExtraPrivileges', on: false },
];

/** The fuse bytes of an Electron binary ('0', '1', 'r' each); null when it has no version-1 wire. */
export function readFuseWire(binary: Uint8Array): string | null {
  const at = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength).indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at === -1) return null;
  const wire = at + FUSE_SENTINEL.length;
  if (binary[wire] !== 1 || wire + 1 >= binary.length) return null;
  const length = binary[wire + 1]!;
  if (wire + 2 + length > binary.length) return null;
  return String.fromCharCode(...binary.subarray(wire + 2, wire + 2 + length));
}

/** Every fuse not set as War Room needs it, one line each; empty when all are. */
export function auditFuses(wire: string | null): string[] {
  if (wire === null) return ['no Electron fuse wire in the packaged binary'];
  return REQUIRED_FUSES.flatMap(({ index, name, on }) => {
    const state = wire[index];
    if (state === (on ? '1' : '0')) return [];
    const found = state === undefined ? 'missing from the wire' : state === 'r' ? 'removed' : state === '1' ? 'on' : state === '0' ? 'off' : `'${state}'`;
    return [`fuse ${name} must be ${on ? 'on' : 'off'}, but is ${found}`];
  });
}
