import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentTypeFor,
  cspFromHtml,
  FALLBACK_CSP,
  loadCsp,
  resolveAppPath,
  serveAppRequest,
} from '../../../../electron/host/appProtocol.ts';

const CSP = "default-src 'none'; script-src 'self'";
const INDEX = `<!doctype html><html><head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
</head><body></body></html>`;

let base: string;
let root: string;
beforeAll(async () => {
  // root sits next to a secret, so a traversal that works would find something to read.
  base = await mkdtemp(join(tmpdir(), 'warroom-proto-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), INDEX);
  await writeFile(join(root, 'assets', 'main-abc123.js'), 'console.log("hi")');
  await writeFile(join(root, 'assets', 'style.css'), 'body{}');
  await writeFile(join(root, 'assets', 'space name.svg'), '<svg/>');
  await writeFile(join(base, 'secret.txt'), 'TOP SECRET');
  await writeFile(join(base, 'renderer-evil.txt'), 'TOP SECRET');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps URL paths to files under the root', () => {
    expect(resolveAppPath(root, '/assets/main-abc123.js')).toEqual({
      ok: true,
      path: join(root, 'assets', 'main-abc123.js'),
    });
    expect(resolveAppPath(root, '/assets/space%20name.svg')).toEqual({
      ok: true,
      path: join(root, 'assets', 'space name.svg'),
    });
  });

  it('defaults to index.html', () => {
    expect(resolveAppPath(root, '/')).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppPath(root, '')).toEqual({ ok: true, path: join(root, 'index.html') });
  });

  it.each([
    ['a dot-dot segment', '/../secret.txt'],
    ['a nested dot-dot segment', '/assets/../../secret.txt'],
    ['an encoded dot-dot', '/%2e%2e/secret.txt'],
    ['an upper-case encoded dot-dot', '/%2E%2E/secret.txt'],
    ['a half-encoded dot-dot', '/.%2e/secret.txt'],
    ['an encoded slash', '/..%2fsecret.txt'],
    ['an encoded slash inside a name', '/assets%2f..%2f..%2fsecret.txt'],
    ['an encoded backslash', '/..%5csecret.txt'],
    ['a raw backslash', '/..\\secret.txt'],
    ['an encoded absolute path', '/%2Fetc%2Fpasswd'],
    ['a Windows drive path', '/C:/Windows/win.ini'],
    ['an encoded Windows drive path', '/C%3A%5CWindows%5Cwin.ini'],
    ['a null byte', '/index.html%00.png'],
    ['a raw null byte', '/index.html\0.png'],
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['a single dot segment', '/./index.html'],
    ['a sibling-prefix escape', '/../renderer-evil.txt'],
  ])('refuses %s', (_label, urlPath) => {
    expect(resolveAppPath(root, urlPath).ok).toBe(false);
  });

  it('keeps a leading double slash inside the root', () => {
    const resolved = resolveAppPath(root, '//etc/passwd');
    expect(resolved).toEqual({ ok: true, path: join(root, 'etc', 'passwd') });
  });
});

describe('serveAppRequest', () => {
  it('serves index.html for the entry URL and the bare origin, with the CSP header', async () => {
    for (const url of [APP_ENTRY_URL, 'app://warroom/', 'app://warroom']) {
      const res = await serveAppRequest(root, { url }, CSP);
      expect(res.status).toBe(200);
      expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8');
      expect(res.headers['Content-Security-Policy']).toBe(CSP);
      expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
      expect(res.body?.toString('utf8')).toBe(INDEX);
    }
  });

  it('serves assets with a content type by extension, ignoring query and hash', async () => {
    const js = await serveAppRequest(root, { url: 'app://warroom/assets/main-abc123.js?v=1#x' }, CSP);
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(js.body?.toString('utf8')).toBe('console.log("hi")');

    const css = await serveAppRequest(root, { url: 'app://warroom/assets/style.css' }, CSP);
    expect(css.headers['Content-Type']).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for missing files, directories and other hosts', async () => {
    expect((await serveAppRequest(root, { url: 'app://warroom/nope.js' }, CSP)).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://warroom/assets' }, CSP)).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'app://other/index.html' }, CSP)).status).toBe(404);
    expect((await serveAppRequest(root, { url: 'https://warroom/index.html' }, CSP)).status).toBe(404);
  });

  it.each([
    'app://warroom/../secret.txt',
    'app://warroom/%2e%2e/secret.txt',
    'app://warroom/assets/%2e%2e/%2e%2e/secret.txt',
    'app://warroom/..%2fsecret.txt',
    'app://warroom/..%5csecret.txt',
    'app://warroom/%2F..%2Fsecret.txt',
    'app://warroom/index.html%00',
  ])('never serves a file outside the root: %s', async (url) => {
    const res = await serveAppRequest(root, { url }, CSP);
    expect(res.status).not.toBe(200);
    expect(res.body?.toString('utf8') ?? '').not.toContain('TOP SECRET');
  });

  it('never serves an absolute path, encoded or not', async () => {
    const secret = join(base, 'secret.txt');
    const urls = [`app://warroom/${encodeURIComponent(secret)}`, `app://warroom/${secret}`, `app://warroom//${secret}`];
    for (const url of urls) {
      const res = await serveAppRequest(root, { url }, CSP);
      expect(res.status, url).not.toBe(200);
      expect(res.body?.toString('utf8') ?? '').not.toContain('TOP SECRET');
    }
  });

  it('is read-only', async () => {
    const res = await serveAppRequest(root, { url: APP_ENTRY_URL, method: 'POST' }, CSP);
    expect(res.status).toBe(405);
    const head = await serveAppRequest(root, { url: APP_ENTRY_URL, method: 'HEAD' }, CSP);
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('answers 400 to an unparsable URL', async () => {
    expect((await serveAppRequest(root, { url: 'not a url' }, CSP)).status).toBe(400);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.unknown', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('CSP from the built page', () => {
  it('reads the policy from the meta tag, whatever the attribute order and case', () => {
    expect(cspFromHtml(INDEX)).toBe(CSP);
    expect(cspFromHtml(`<META CONTENT="${CSP}" HTTP-EQUIV="content-security-policy" />`)).toBe(CSP);
  });

  it('finds nothing when the page has no policy or an unfilled placeholder is empty', () => {
    expect(cspFromHtml('<html><head><meta charset="utf-8"></head></html>')).toBeUndefined();
    expect(cspFromHtml('<meta http-equiv="Content-Security-Policy" content="">')).toBeUndefined();
    expect(cspFromHtml('<meta name="description" content="default-src *">')).toBeUndefined();
  });

  it('loads the policy from index.html, failing closed when it is missing', async () => {
    expect(await loadCsp(root)).toBe(CSP);
    expect(await loadCsp(join(base, 'no-such-dir'))).toBe(FALLBACK_CSP);
  });
});
