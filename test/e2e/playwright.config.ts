import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
/** Debian's Chromium where present (this project's machines); Playwright's own browser elsewhere. */
const systemChromium = process.env['WARROOM_CHROMIUM'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
/** WARROOM_E2E_PORT lets two checkouts run their suites side by side without sharing a server. */
const port = Number(process.env['WARROOM_E2E_PORT'] ?? 4173);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list'], ['json', { outputFile: `${rootDir}test-results/e2e.json` }]],
  outputDir: `${rootDir}test-results/e2e`,
  timeout: 60_000,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--headless=new',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The e2e suite runs the production renderer bundle, with its strict CSP.
  webServer: {
    command: `npx vite build --config build/vite.renderer.config.ts --logLevel warn && npx vite preview --config build/vite.renderer.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: rootDir,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 120_000,
  },
});
