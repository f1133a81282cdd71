import { describe, expect, it } from 'vitest';
import { auditFuses, auditPackage, FUSE_SENTINEL, importsOf, pageReferences, readFuseWire } from '../../../build/packageAudit.ts';

/** A good archive: what electron-builder packs from out/ today. */
const GOOD: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'warroom', main: 'out/main/index.js' }),
  'out/main/index.js': 'import { app } from "electron";\nimport { join } from "node:path";\nimport { a } from "../chunks/archive-1.js";\n',
  'out/cli/warroom.js': 'import { a } from "../chunks/archive-1.js";\nimport process from "node:process";\n',
  'out/chunks/archive-1.js': 'import { createHash } from "node:crypto";\nexport const a = 1;\n',
  'out/preload/index.cjs': 'const { contextBridge } = require("electron");\n',
  'out/renderer/index.html': '<script type="module" src="./assets/index-a.js"></script><link rel="stylesheet" href="./assets/index-a.css"><link rel="icon" href="./icon.svg">',
  'out/renderer/assets/index-a.js': '/** @import { X } from "zod" */ const t = "import x from \'react\'"; export {};\n',
  'out/renderer/assets/index-a.css': 'body{}',
  'out/renderer/icon.svg': '<svg/>',
};

function audit(files: Record<string, string>, decoys?: string[]): string[] {
  return auditPackage({ files: Object.keys(files), read: (path) => files[path] ?? '', decoys });
}

describe('auditPackage', () => {
  it('passes the archive the app needs', () => {
    expect(audit(GOOD)).toEqual([]);
  });

  it.each(['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'])(
    'names a missing %s',
    (path) => {
      const { [path]: _gone, ...rest } = GOOD;
      expect(audit(rest)).toContain(`missing ${path}`);
    },
  );

  it('needs a renderer bundle', () => {
    const { 'out/renderer/assets/index-a.js': _gone, ...rest } = GOOD;
    expect(audit(rest)).toContain('missing a renderer bundle (out/renderer/assets/*.js)');
  });

  it.each([
    ['out/main/index.js.map', 'source map'],
    ['out/renderer/assets/index-a.js.map', 'source map'],
    ['out/main/decoy.test.js', 'test file'],
    ['out/renderer/assets/x.spec.mjs', 'test file'],
    ['out/main/decoy.ts', 'TypeScript source'],
    ['out/main/types.d.ts', 'TypeScript source'],
    ['node_modules/zod/index.js', 'node_modules'],
    ['out/main/node_modules/x/index.js', 'node_modules'],
    ['out/bench/index.html', 'benchmark page (out/bench)'],
    ['renderer/main.tsx', 'TypeScript source'],
    ['renderer/public/icon.svg', 'source or test folder'],
    ['shared/format.json', 'source or test folder'],
    ['test/fixtures/a.json', 'source or test folder'],
    ['electron/main/index.js', 'source or test folder'],
    ['README.md', 'outside out/ (only package.json and out/ ship)'],
  ])('refuses %s (%s)', (path, reason) => {
    const problems = audit({ ...GOOD, [path]: '' });
    expect(problems).toEqual([`${reason}: ${path}`]);
  });

  it('lists a flood of forbidden files in one line, with a count', () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`node_modules/p${i}/index.js`, '']));
    const problems = audit({ ...GOOD, ...many });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^node_modules: .* and 12 more$/);
  });

  it('checks that package.json main is in the archive', () => {
    const files = { ...GOOD, 'package.json': JSON.stringify({ main: 'out/main/missing.js' }) };
    expect(audit(files)).toContain('package.json "main" (out/main/missing.js) is not in the archive');
  });

  it('follows relative imports, so a left-out chunk is caught', () => {
    const { 'out/chunks/archive-1.js': _gone, ...rest } = GOOD;
    expect(audit(rest)).toEqual([
      'out/main/index.js imports ../chunks/archive-1.js, which is not in the archive',
      'out/cli/warroom.js imports ../chunks/archive-1.js, which is not in the archive',
    ]);
  });

  it('refuses a package import in main, since no node_modules ship', () => {
    const files = { ...GOOD, 'out/main/index.js': 'import { z } from "zod";\nconst x = await import("dexie");\n' };
    const problems = audit(files);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^out\/main\/index\.js imports the package 'zod', but no node_modules ship/);
    expect(problems[1]).toMatch(/'dexie'/);
  });

  it('refuses a bare or Node import in the page', () => {
    const files = { ...GOOD, 'out/renderer/assets/index-a.js': 'import fs from "node:fs";\n' };
    expect(audit(files)).toEqual([
      "out/renderer/assets/index-a.js imports 'node:fs': the page can load only its own files",
    ]);
  });

  it('checks that what the page loads is in the archive', () => {
    const { 'out/renderer/assets/index-a.css': _gone, ...rest } = GOOD;
    expect(audit(rest)).toEqual(['out/renderer/index.html loads ./assets/index-a.css, which is not in the archive']);
  });

  it('reports a planted decoy that no rule catches', () => {
    expect(audit({ ...GOOD, 'out/main/decoy.js': '' }, ['out/main/decoy.js'])).toEqual([
      'planted decoy shipped: out/main/decoy.js',
    ]);
  });
});

describe('importsOf', () => {
  it('reads static, dynamic and require imports but not comments or strings', () => {
    const source = [
      '// import x from "in-a-comment"',
      '/** @import { T } from "jsdoc" */',
      'const s = "import y from \'in-a-string\'";',
      'import a from "./a.js";',
      'export { b } from "../b.js";',
      'const c = await import("./c.js");',
      'const d = require("electron");',
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(['../b.js', './a.js', './c.js', 'electron']);
  });
});

describe('pageReferences', () => {
  it('keeps the page’s own files and drops remote, data and fragment URLs', () => {
    const html =
      '<script src="./assets/a.js?v=1"></script><link href="/assets/b.css"><a href="https://x.test/">x</a>' +
      '<img src="data:image/png;base64,AA"><a href="#top">top</a><link href="//cdn.test/c.css">';
    expect(pageReferences(html)).toEqual(['./assets/a.js', '/assets/b.css']);
  });
});

describe('Electron fuses', () => {
  const binary = (wire: string, version = 1) =>
    new Uint8Array(Buffer.concat([Buffer.from('ELF…code…'), Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([version, wire.length]), Buffer.from(wire, 'latin1'), Buffer.from('…more code')]));

  it('reads the wire after the sentinel', () => {
    expect(readFuseWire(binary('01001101'))).toBe('01001101');
    expect(readFuseWire(binary('0100110r1'))).toBe('0100110r1');
  });

  it('finds no wire without the sentinel, with another version or cut short', () => {
    expect(readFuseWire(new Uint8Array(Buffer.from('no fuses here')))).toBeNull();
    expect(readFuseWire(binary('01001101', 2))).toBeNull();
    const cut = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, 8]), Buffer.from('010')]);
    expect(readFuseWire(new Uint8Array(cut))).toBeNull();
  });

  it('passes the fuses War Room sets', () => {
    expect(auditFuses('01001100')).toEqual([]);
    // The browser V8 snapshot fuse is left as it is, and fuses past the eighth are not War Room's.
    expect(auditFuses('010011101')).toEqual([]);
  });

  it('names every fuse a stock Electron leaves open', () => {
    expect(auditFuses('10110001')).toEqual([
      'fuse RunAsNode must be off, but is on',
      'fuse EnableCookieEncryption must be on, but is off',
      'fuse EnableNodeOptionsEnvironmentVariable must be off, but is on',
      'fuse EnableNodeCliInspectArguments must be off, but is on',
      'fuse EnableEmbeddedAsarIntegrityValidation must be on, but is off',
      'fuse OnlyLoadAppFromAsar must be on, but is off',
      'fuse GrantFileProtocolExtraPrivileges must be off, but is on',
    ]);
  });

  it('refuses a removed or missing fuse, and a binary without a wire', () => {
    expect(auditFuses('r1001100')).toEqual(['fuse RunAsNode must be off, but is removed']);
    expect(auditFuses('010011')).toEqual(['fuse GrantFileProtocolExtraPrivileges must be off, but is missing from the wire']);
    expect(auditFuses(null)).toEqual(['no Electron fuse wire in the packaged binary']);
  });
});
