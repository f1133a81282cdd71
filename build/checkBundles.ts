import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * After `npm run build`: the bundles Electron loads exist, the sandboxed preload is one CommonJS
 * file that requires nothing but 'electron', and the shipped page carries the strict CSP.
 */
const out = fileURLToPath(new URL('../out/', import.meta.url));
const failures: string[] = [];
const read = (path: string) => (existsSync(out + path) ? readFileSync(out + path, 'utf8') : (failures.push(`missing out/${path}`), ''));

read('main/index.js');
read('cli/warroom.js');
const preload = read('preload/index.cjs');
const requires = [...preload.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
if (preload && (requires.length === 0 || requires.some((name) => name !== 'electron'))) {
  failures.push(`preload must require only 'electron', found: ${requires.join(', ') || 'nothing'}`);
}
if (/^\s*import\s/m.test(preload)) failures.push('preload contains an ES import: a sandboxed preload cannot load it');
const html = read('renderer/index.html');
if (html && !html.includes(`script-src 'self';`)) failures.push('renderer/index.html lacks the strict CSP');
if (html.includes('%WARROOM_CSP%')) failures.push('renderer/index.html still has the CSP placeholder');

if (failures.length > 0) {
  console.error(`bundle check failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('bundles: main, cli, preload (CommonJS, electron only) and renderer (strict CSP) are in out/');
