import { shell, type Session, type WebContents } from 'electron';
import {
  decideNavigation,
  decideWindowOpen,
  isAllowedWebRequest,
  isAppUrl,
  isPermissionGranted,
  isSafeExternalUrl,
  type TrustedOrigins,
} from './securityPolicy.ts';

/** Applied to every webContents the app ever creates (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, trusted: TrustedOrigins): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, trusted);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternal(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url, trusted)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, trusted)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternal) openExternal(url);
    return { action: decision.action };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  hardenSession(contents.session, trusted);
}

const hardenedSessions = new WeakSet<Session>();

/** No permission is ever granted and no request leaves the machine (dev server excepted). */
export function hardenSession(session: Session, trusted: TrustedOrigins): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: !isAllowedWebRequest(details.url, trusted) }),
  );
}

function openExternal(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => console.error('openExternal failed', error));
}
