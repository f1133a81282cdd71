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

/**
 * Only for Vite's dev server (`npm run web`, `npm run dev`): it injects an inline React-refresh
 * preamble, adds every stylesheet as a `<style>` element (so the styles need 'unsafe-inline', or
 * the app shows unstyled), and talks over a websocket. Never in a build: the bundle's CSS is a file.
 */
export const DEV_CSP = PRODUCTION_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*");
