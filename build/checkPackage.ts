import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, getRawHeader, type DirectoryRecord } from '@electron/asar';
import { auditFuses, auditPackage, FUSE_SENTINEL, readFuseWire } from './packageAudit.ts';

/**
 * After `npm run build`: packs the app with electron-builder exactly as build/electron-builder.yml
 * says, for Linux as an unpacked folder (`--dir`), and checks the app.asar it writes
 * (build/packageAudit.ts): the bundles are there, their imports resolve inside the archive, and
 * no source map, test, TypeScript source, source folder or node_modules ships.
 *
 * It also reads back the Electron fuses electron-builder flipped in the binary
 * (`electronFuses` in the config): each must be as build/packageAudit.ts's REQUIRED_FUSES says.
 *
 * Offline: the real Electron cannot be downloaded here, so electron-builder gets a stand-in
 * distribution (`electronDist`) — a folder holding one file named `electron`, which is all a
 * Linux `--dir` build copies and renames (to `warroom`); nothing else of Electron is read. The
 * stand-in holds only a fuse wire, each fuse as a stock Electron binary ships it.
 * `electronVersion` is given so it never looks it up, and `npmRebuild: false` skips the
 * native-dependency rebuild (there are none). A `--dir` build needs no fpm, AppImage tool or
 * code signing, so electron-builder downloads nothing.
 *
 * So that the exclusions are really exercised, the project is staged in a temp folder: the real
 * package.json, out/ and build/resources, plus planted decoys (a source map, tests, TypeScript
 * files, source folders, the benchmark page) and node_modules linked to the real one, so that
 * electron-builder sees the production dependencies it would otherwise pack.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();

if (!existsSync(join(root, 'out/main/index.js'))) {
  console.error('package check: out/ is not built; run `npm run build` first');
  process.exit(1);
}

/** Files that must never reach the archive, each caught by a rule in build/packageAudit.ts. */
const DECOYS = [
  'out/main/index.js.map',
  'out/renderer/assets/decoy.js.map',
  'out/main/decoy.test.js',
  'out/renderer/assets/decoy.spec.mjs',
  'out/main/decoy.ts',
  'out/bench/index.html',
  'renderer/decoy.tsx',
  'renderer/public/decoy.svg',
  'shared/decoy.json',
  'electron/main/decoy.js',
  'test/fixtures/decoy.json',
  'README.md',
];

/**
 * A fuse wire as a stock Electron binary ships it (version 1, the eight fuses @electron/fuses
 * knows): RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off,
 * only-asar off, browser V8 snapshot off, file:// privileges on.
 */
const STOCK_FUSE_WIRE = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, 8]), Buffer.from('10110001', 'latin1')]);

const temp = mkdtempSync(join(tmpdir(), 'warroom-package-'));
const stage = join(temp, 'project');
const electronDist = join(temp, 'electron-stub');
const output = join(temp, 'dist');
let keepTemp = false;

try {
  mkdirSync(stage);
  for (const path of ['package.json', 'package-lock.json', 'out', 'build/resources']) {
    cpSync(join(root, path), join(stage, path), { recursive: true });
  }
  for (const decoy of DECOYS) {
    mkdirSync(dirname(join(stage, decoy)), { recursive: true });
    writeFileSync(join(stage, decoy), '// decoy planted by build/checkPackage.ts: must not ship\n');
  }
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'junction');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), STOCK_FUSE_WIRE);

  const electronVersion = (
    JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
  ).version;
  const builder = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--projectDir', stage,
      '--config', join(root, 'build/electron-builder.yml'),
      '--linux', '--dir', '--x64',
      '--publish', 'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
      '-c.npmRebuild=false',
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_BUILDER_CACHE: join(temp, 'cache') },
    },
  );
  const archive = join(output, 'linux-unpacked/resources/app.asar');
  const binary = join(output, 'linux-unpacked/warroom');
  if (builder.status !== 0 || !existsSync(archive)) {
    const log = `${builder.stdout}${builder.stderr}`.split('\n').filter((line) => !line.includes('duplicate dependency'));
    console.error(`package check: electron-builder failed (exit ${builder.status})\n${log.join('\n')}`);
    keepTemp = true;
    process.exitCode = 1;
  } else {
    const files = listArchive(archive);
    const problems = [
      ...auditPackage({
        files,
        read: (path) => extractFile(archive, path).toString('utf8'),
        decoys: DECOYS,
      }),
      ...auditFuses(existsSync(binary) ? readFuseWire(readFileSync(binary)) : null),
    ];
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (problems.length > 0) {
      console.error(`package check failed (${archive}):\n  ${problems.join('\n  ')}`);
      keepTemp = true;
      process.exitCode = 1;
    } else {
      const bundles = files.filter((p) => /^out\/renderer\/assets\/[^/]+\.js$/.test(p)).length;
      const size = (statSync(archive).size / 1024 / 1024).toFixed(1);
      console.log(
        `package: app.asar holds ${files.length} files (${size} MB) — main, preload, page, ${bundles} renderer ` +
          `bundle(s), package.json; every import resolves; no maps, tests, sources or node_modules ` +
          `(${DECOYS.length} decoys left out); every Electron fuse set — ${seconds} s`,
      );
    }
  }
} finally {
  if (keepTemp) console.error(`package check: kept ${temp} for a look`);
  else rmSync(temp, { recursive: true, force: true });
}

/** Every file in the archive, as 'out/main/index.js' (directories left out). */
function listArchive(path: string): string[] {
  const files: string[] = [];
  const walk = (dir: DirectoryRecord, prefix: string) => {
    for (const [name, entry] of Object.entries(dir.files)) {
      if ('files' in entry) walk(entry, `${prefix}${name}/`);
      else files.push(`${prefix}${name}`);
    }
  };
  walk(getRawHeader(path).header, '');
  return files.sort();
}
