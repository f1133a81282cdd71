import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectDevPageWorks } from './support/devPage.ts';
import { putDevice, putFormat, putSegment } from '../unit/support/archiveFolder.ts';
import { signedChainOf } from '../unit/support/chains.ts';

/**
 * The commands that use the desktop bundles in out/, as the README documents them, one after the
 * other in this file (`npm run dev` rebuilds out/main, out/cli and out/preload; no other e2e file
 * reads them).
 *
 * `npm run warroom`: the CLI that `npm run build` bundled, on a folder archive.
 *
 * `npm run dev`: electron-vite builds main and preload, serves the
 * renderer with hot reload, then launches Electron on the package. Electron's binary cannot be
 * downloaded here, so ELECTRON_EXEC_PATH (electron-vite's own override) names a stand-in that
 * records how it was launched; everything up to that launch is the real command, and the page it
 * would load is then driven in Chromium.
 */
const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const devPort = Number(process.env['WARROOM_E2E_PORT'] ?? 4173) + 1002;
let server: ChildProcess | null = null;
let output = '';
let scratch = '';

interface Launch {
  argv: string[];
  cwd: string;
  rendererUrl: string | undefined;
}

const STAND_IN = `#!/usr/bin/env node
// Stands in for Electron: writes how it was launched, then stays up as Electron would.
require('node:fs').writeFileSync(process.env.WARROOM_DEV_PROBE, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), rendererUrl: process.env.ELECTRON_RENDERER_URL }));
setInterval(() => {}, 1000);
`;

async function launched(probe: string, deadline: number): Promise<Launch> {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`npm run dev exited (${server?.exitCode}):\n${output}`);
    if (existsSync(probe)) return JSON.parse(readFileSync(probe, 'utf8')) as Launch;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm run dev did not launch Electron within 120 s:\n${output}`);
}

test.describe.configure({ mode: 'serial' });

test.afterAll(() => {
  // The whole process group: npm, electron-vite and the stand-in.
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('npm run warroom -- verify: the bundled CLI checks a signed folder archive (0), and refuses a folder that is none (2)', async () => {
  test.setTimeout(60_000);
  const archive = mkdtempSync(join(tmpdir(), 'warroom-e2e-cli-'));
  try {
    const device = '0123456789abcdef';
    await putFormat(archive);
    await putDevice(archive, device);
    await putSegment(archive, device, 1, 3, signedChainOf(device, 3));
    const warroom = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'warroom', '--', ...args], { cwd: rootDir, encoding: 'utf8', timeout: 30_000 });
    const valid = warroom('verify', archive);
    expect(valid.status, valid.stderr).toBe(0);
    expect(valid.stdout).toBe('3 ops verified from 1 device(s) in 1 segment(s); 0 pending (newer app); 0 problem(s)\n');
    const none = warroom('verify', scratchFor(archive));
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^warroom: .*not a War Room archive/);
  } finally {
    rmSync(archive, { recursive: true, force: true });
  }
});

/** An empty folder beside `dir`: not an archive. */
function scratchFor(dir: string): string {
  return mkdtempSync(join(dir, 'empty-'));
}

test('npm run dev: main and preload built, Electron launched on the package with the dev server, whose page works', async ({ page }) => {
  test.setTimeout(180_000);
  scratch = mkdtempSync(join(tmpdir(), 'warroom-e2e-dev-'));
  const standIn = join(scratch, 'electron');
  writeFileSync(standIn, STAND_IN);
  chmodSync(standIn, 0o755);
  const probe = join(scratch, 'launch.json');
  const started = Date.now();
  server = spawn('npm', ['run', 'dev'], {
    cwd: rootDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    // Its own dev-server port: devServer.e2e.ts may be running `npm run web` beside it, and a developer 5173.
    env: { ...process.env, ELECTRON_EXEC_PATH: standIn, WARROOM_DEV_PROBE: probe, WARROOM_DEV_PORT: String(devPort) },
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const launch = await launched(probe, Date.now() + 120_000);

  // Electron is started on this package, whose main entry the command has just built.
  expect(launch.argv[0]).toBe('.');
  expect(launch.cwd).toBe(rootDir.replace(/\/$/, ''));
  const main = (JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { main: string }).main;
  for (const built of [main, 'out/preload/index.cjs']) {
    expect(statSync(join(rootDir, built)).mtimeMs, built).toBeGreaterThan(started - 1000);
  }
  expect(launch.rendererUrl).toMatch(new RegExp(`^http://(localhost|127\\.0\\.0\\.1|\\[::1\\]):${devPort}$`));

  // The page Electron would load.
  await expectDevPageWorks(page, launch.rendererUrl!, 'Devi Desktop');
});
