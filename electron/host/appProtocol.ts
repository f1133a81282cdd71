import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

/** The renderer's origin in production: `app://warroom/` (docs/architecture.md#the-bridge). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'warroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Used when the built page carries no CSP meta tag: fail closed rather than serve unguarded. */
export const FALLBACK_CSP = "default-src 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedAppPath = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Maps a URL path (still percent-encoded) to a file under `root`. Each segment is decoded on
 * its own, so an encoded separator or dot-dot cannot combine into a path that climbs out.
 */
export function resolveAppPath(root: string, urlPath: string): ResolvedAppPath {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..') return { ok: false, reason: 'dot segment' };
    if (/[/\\\0:]/.test(segment)) return { ok: false, reason: 'forbidden character in path' };
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  const base = resolve(root);
  const path = join(base, ...segments);
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    return { ok: false, reason: 'outside the app root' };
  }
  return { ok: true, path };
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

export interface AppRequest {
  url: string;
  method?: string;
}

/** Serves one `app://warroom/…` request from the built renderer folder; read-only. */
export async function serveAppRequest(root: string, request: AppRequest, csp: string): Promise<AppResponse> {
  const baseHeaders = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
  const notFound: AppResponse = { status: 404, headers: baseHeaders, body: null };

  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: baseHeaders, body: null };

  let parsed: URL;
  try {
    parsed = new URL(request.url);
  } catch {
    return { status: 400, headers: baseHeaders, body: null };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return notFound;

  const resolved = resolveAppPath(root, parsed.pathname);
  if (!resolved.ok) return { status: 403, headers: baseHeaders, body: null };

  try {
    const info = await stat(resolved.path);
    if (!info.isFile()) return notFound;
    const body = method === 'HEAD' ? null : await readFile(resolved.path);
    return {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': contentTypeFor(resolved.path) },
      body,
    };
  } catch {
    return notFound;
  }
}

/**
 * The renderer build writes its policy into index.html (build/csp.ts); main repeats it as a
 * response header so that it also governs workers, and reads it here instead of keeping a copy.
 */
export function cspFromHtml(html: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const policy = (content?.[1] ?? content?.[2])?.trim();
    if (policy) return policy;
  }
  return undefined;
}

export async function loadCsp(root: string): Promise<string> {
  try {
    return cspFromHtml(await readFile(join(root, 'index.html'), 'utf8')) ?? FALLBACK_CSP;
  } catch {
    return FALLBACK_CSP;
  }
}
