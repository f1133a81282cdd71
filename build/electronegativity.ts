import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeEntry, describeFinding, judge, parseAllowList, type Finding } from './electronegativityAllow.ts';

/**
 * After `npm run build`: Doyensec's Electronegativity over what ships — out/ (main, preload,
 * renderer page and bundles, shared chunks, CLI; not the benchmark page) with package.json, the
 * same files build/checkPackage.ts finds in app.asar. The built files, not the sources: only
 * there do the global checks see the whole app at once (the CSP in the built page, the
 * navigation and permission handlers in main), and bundled third-party code is scanned too.
 *
 * Electronegativity reports and exits 0; this script fails on every finding, of any severity,
 * that build/electronegativity-allow.json does not explain, on every allow-list entry that
 * explains nothing, and on any file it could not parse (a file it cannot parse is not checked).
 *
 * Offline: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is left out — it downloads Electron's release
 * list from GitHub and its answer changes by the day. And before scanning, Electronegativity asks
 * S3 for updated translations (1 s timeout, retried: 3 s offline) and then uses the English it
 * ships; offlineTranslations() gives it that English straight away.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const allowListPath = join(root, 'build/electronegativity-allow.json');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
  sample?: string;
}
interface RunResult {
  issues: RawIssue[];
  errors: { file: string; message: string; tolerable: boolean }[];
  globalChecks: number;
  atomicChecks: number;
}
type Run = (options: { input: string; isRelative: boolean; excludeFromScan: string[] }) => Promise<RunResult>;

const started = performance.now();
const entries = parseAllowList(JSON.parse(readFileSync(allowListPath, 'utf8')));
const require = createRequire(import.meta.url);
offlineTranslations();
const run = require('@doyensec/electronegativity') as Run;

const scanDir = mkdtempSync(join(tmpdir(), 'warroom-electronegativity-'));
let result: RunResult;
const chatter: string[] = [];
const log = console.log;
try {
  cpSync(join(root, 'package.json'), join(scanDir, 'package.json'));
  const outDir = join(root, 'out');
  cpSync(outDir, join(scanDir, 'out'), {
    recursive: true,
    filter: (path) => !path.startsWith(join(outDir, 'bench')),
  });
  // Its progress and translation notices go to console.log; shown only when the check fails.
  console.log = (...args: unknown[]) => void chatter.push(args.map(String).join(' '));
  result = await run({
    input: scanDir,
    isRelative: true,
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
  });
} finally {
  console.log = log;
  rmSync(scanDir, { recursive: true, force: true });
}

const findings: Finding[] = result.issues.map((issue) => ({
  check: issue.id,
  file: issue.file.split(sep).join('/'),
  line: issue.location.line,
  column: issue.location.column,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  description: issue.description,
  sample: issue.sample ?? '',
}));
const verdict = judge(findings, entries);
const unparsed = result.errors.filter((e) => !e.tolerable);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (verdict.unexplained.length > 0 || verdict.unused.length > 0 || unparsed.length > 0) {
  const lines = [
    ...verdict.unexplained.map((f) => `unexplained finding: ${describeFinding(f)}`),
    ...verdict.unused.map((e) => `allow-list entry matches no finding (remove it): ${describeEntry(e)}`),
    ...unparsed.map((e) => `could not parse ${e.file}: ${e.message}`),
  ];
  console.error(`electronegativity failed:\n  ${lines.join('\n  ')}`);
  if (verdict.unexplained.length > 0) {
    console.error(
      '  Fix the code, or add an entry to build/electronegativity-allow.json naming the check, the file, ' +
        'the flagged code and the reason it is safe.',
    );
  }
  if (chatter.length > 0) console.error(`  (electronegativity said: ${chatter.join(' | ')})`);
  process.exit(1);
}
const checks = result.globalChecks + result.atomicChecks;
console.log(
  `electronegativity: ${checks} checks over out/ and package.json; ${findings.length} finding(s), ` +
    `each explained by build/electronegativity-allow.json — ${seconds} s`,
);

/**
 * Electronegativity's runner awaits its locales/i18n module, which configures the `i18n` package
 * with the bundled locales and then tries the download. This loads that module first and swaps
 * its export for the same configuration without the download (the runner then gets it from the
 * require cache). Relies on 1.10.3's layout, hence the exact version in package.json; should the
 * layout change, the runner simply does the download again.
 */
function offlineTranslations(): void {
  try {
    const modulePath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
    require(modulePath);
    const cached = require.cache[modulePath];
    const i18n = createRequire(modulePath)('i18n') as {
      configure: (options: Record<string, unknown>) => void;
      setLocale: (locale: string) => void;
    };
    if (!cached) return;
    cached.exports = async () => {
      i18n.configure({
        locales: ['en-US'],
        defaultLocale: 'en-US',
        directory: dirname(modulePath),
        updateFiles: false,
        objectNotation: true,
        retryInDefaultLocale: true,
        register: globalThis,
      });
      i18n.setLocale('en-US');
    };
  } catch {
    // A different layout: the runner's own i18n runs, download attempt included.
  }
}
