import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { collectPageErrors, declareByKeyboard, openAs } from './support/app.ts';

/**
 * `npm run web` as the README tells a newcomer to start it: Vite's dev server, with React's
 * StrictMode and the development CSP. The rest of the suite runs the production bundle, so this
 * is the one place that would see the dev server's styles blocked or a dialog closed by
 * StrictMode's double mount.
 */
const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env['WARROOM_E2E_PORT'] ?? 4173) + 1000;
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
test.use({ baseURL: url });

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
  const errors = collectPageErrors(page);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await openAs(page, 'Devi Newcomer');

  // Styled: the stylesheet Vite injects is applied (the dark theme's background, not the browser's white).
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
  expect(background).not.toBe('rgb(255, 255, 255)');

  await declareByKeyboard(page, 'Dev server smoke', 'P2 · Medium', 'Application');
  const box = page.getByRole('textbox', { name: 'New timeline entry' });
  await box.fill('Checked the dev server');
  await box.press('Enter');
  await expect(page.getByRole('list', { name: 'Timeline entries' }).getByText('Checked the dev server')).toBeVisible();

  // A dialog opened stays open: StrictMode mounts it twice, and the first mount's cleanup must not close the second.
  await page.getByRole('button', { name: 'Post status update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status update' });
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(500);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  expect(violations).toEqual([]);
  expect(errors.filter((e) => !e.includes('[vite]'))).toEqual([]);
});
