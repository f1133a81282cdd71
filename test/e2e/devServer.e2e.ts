import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { expectDevPageWorks } from './support/devPage.ts';

/**
 * `npm run web` as the README tells a newcomer to start it: Vite's dev server, with React's
 * StrictMode and the development CSP. The rest of the suite runs the production bundle, so this
 * is the one place that would see the dev server's styles blocked or a dialog closed by
 * StrictMode's double mount.
 */
const rootDir = fileURLToPath(new URL('../..', import.meta.url));
// Off the dev server's own 5173 (a developer's `npm run web`), and off desktopCommands.e2e.ts's port.
const port = Number(process.env['WARROOM_E2E_PORT'] ?? 4173) + 1001;
const url = `http://127.0.0.1:${port}/`;
let server: ChildProcess | null = null;
let output = '';

async function waitForServer(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`npm run web exited (${server?.exitCode}):\n${output}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm run web did not answer on ${url} within 60 s:\n${output}`);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // `--` hands the port to Vite, as a user on a busy machine would; everything else is the script as documented.
  server = spawn('npm', ['run', 'web', '--', '--port', String(port), '--host', '127.0.0.1'], { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForServer(Date.now() + 60_000);
});

test.afterAll(() => {
  // The whole process group: npm, its shell and Vite.
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

test('npm run web: styled, dialogs stay open under StrictMode, an entry is recorded', async ({ page }) => {
  test.setTimeout(90_000);
  await expectDevPageWorks(page, url, 'Devi Newcomer');
});
