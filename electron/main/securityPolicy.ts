import { isPlainMailto } from '../../shared/util/links.ts';
import { APP_HOST, APP_SCHEME } from '../host/appProtocol.ts';

/**
 * Pure decisions behind the hardening in security.ts and ipc.ts, kept free of Electron so
 * they are unit-tested. Every function fails closed: an unparsable URL is never trusted.
 */

export interface TrustedOrigins {
  /** The electron-vite dev server, only when running unpackaged under `npm run dev`. */
  devServerUrl?: string | undefined;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Same origin as the app: `app://warroom/…`, or the dev server's origin in development. */
export function isAppUrl(url: string, trusted: TrustedOrigins = {}): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  const dev = trusted.devServerUrl === undefined ? undefined : parse(trusted.devServerUrl);
  return dev !== undefined && dev.origin !== 'null' && parsed.origin === dev.origin;
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * What may be handed to the OS via shell.openExternal. Other schemes (file:, smb:, custom
 * handlers) can launch programs or leak credentials; `user@host` URLs disguise their target.
 * A mailto: may set only to, cc, subject and body: `attach=` (and the like) would have the mail
 * client attach a local file to a message the user may send without looking.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed || !EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname !== '' && isPlainMailto(url);
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/** Top-level navigation stays inside the app; a link to the web opens in the user's browser. */
export function decideNavigation(url: string, trusted: TrustedOrigins = {}): NavigationDecision {
  if (isAppUrl(url, trusted)) return 'allow';
  return isSafeExternalUrl(url) ? 'open-external' : 'deny';
}

/** window.open and target=_blank never create an Electron window. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternal: boolean } {
  return { action: 'deny', openExternal: isSafeExternalUrl(url) };
}

/**
 * The renderer needs no browser permission (camera, notifications, clipboard-read, …).
 * Grant one here, by name, only with a reason written beside it.
 */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

const DEV_SERVER_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Web requests (http, https, ws, wss) the renderer may make: none, except to the dev server
 * and its hot-reload socket in development. The app's own files come over app://.
 */
export function isAllowedWebRequest(url: string, trusted: TrustedOrigins = {}): boolean {
  const parsed = parse(url);
  const dev = trusted.devServerUrl === undefined ? undefined : parse(trusted.devServerUrl);
  if (!parsed || !dev || dev.host === '') return false;
  return DEV_SERVER_PROTOCOLS.has(parsed.protocol) && parsed.host === dev.host;
}

/** Only the app's own page may call the bridge — never a frame or page from elsewhere. */
export function isTrustedSender(frameUrl: string | undefined, trusted: TrustedOrigins = {}): boolean {
  return frameUrl !== undefined && frameUrl !== '' && isAppUrl(frameUrl, trusted);
}
