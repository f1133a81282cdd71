/**
 * The one Content-Security-Policy the renderer ships with (docs/architecture.md#layers, Electron checklist).
 * No remote origins, no inline or eval'd script. React sets styles through the CSSOM,
 * which CSP does not govern, so style-src needs no 'unsafe-inline'.
 */
export const PRODUCTION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

/** Vite's dev server injects an inline React-refresh preamble and talks over a websocket. */
export const DEV_CSP = PRODUCTION_CSP.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*");
