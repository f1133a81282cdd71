import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The e2e suite needs a Chromium: Debian's /usr/bin/chromium where present (as on this
 * project's machines, which cannot download browsers), else Playwright's own, fetched once.
 */
const explicit = process.env['WARROOM_CHROMIUM'];
if (explicit) {
  if (!existsSync(explicit)) throw new Error(`WARROOM_CHROMIUM=${explicit} does not exist`);
} else if (!existsSync('/usr/bin/chromium') && !existsSync(chromium.executablePath())) {
  console.log('No /usr/bin/chromium: installing Playwright\'s Chromium (npx playwright install chromium)…');
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}
