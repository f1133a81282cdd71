import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectDevPageWorks } from './support/devPage.ts';

/**
 * `npm run dev` as the README documents it: electron-vite builds main and preload, serves the
 * renderer with hot reload, then launches Electron on the package. Electron's binary cannot be
 * downloaded here, so ELECTRON_EXEC_PATH (electron-vite's own override) names a stand-in that
 * records how it was launched; everything up to that launch is the real command, and the page it
 * would load is then driven in Chromium.
 */
const rootDir = fileURLToPath(new URL('../..', import.meta.url));
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
    env: { ...process.env, ELECTRON_EXEC_PATH: standIn, WARROOM_DEV_PROBE: probe },
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
  expect(launch.rendererUrl).toMatch(/^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/);

  // The page Electron would load.
  await expectDevPageWorks(page, launch.rendererUrl!, 'Devi Desktop');
});
