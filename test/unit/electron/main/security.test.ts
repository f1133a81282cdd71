import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async (_url: string) => undefined);
vi.mock('electron', () => ({ shell: { openExternal } }));

const { hardenWebContents } = await import('../../../../electron/main/security.ts');

type Listener = (event: { url: string; isMainFrame?: boolean; preventDefault(): void }, ...rest: unknown[]) => void;

/**
 * The wiring between Electron's events and the policy: a stand-in webContents and session record
 * what hardenWebContents registers, and each denied action is played through it.
 */
function harden() {
  const listeners = new Map<string, Listener>();
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
  let permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  let permissionCheck: ((contents: unknown, permission: string) => boolean) | undefined;
  let beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
  const session = {
    setPermissionRequestHandler: (handler: typeof permissionRequest) => (permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof permissionCheck) => (permissionCheck = handler),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: (_filter: unknown, handler: typeof beforeRequest) => (beforeRequest = handler) },
  };
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof windowOpen) => (windowOpen = handler),
    session,
  };
  hardenWebContents(contents as never, {});
  const fire = (name: string, url: string, isMainFrame = true) => {
    const event = { url, isMainFrame, preventDefault: vi.fn() };
    listeners.get(name)!(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return {
    navigate: (url: string) => fire('will-navigate', url),
    frameNavigate: (url: string, main: boolean) => fire('will-frame-navigate', url, main),
    redirect: (url: string) => fire('will-redirect', url),
    attachWebview: () => fire('will-attach-webview', 'about:blank'),
    open: (url: string) => windowOpen!({ url }).action,
    request: (permission: string) => new Promise<boolean>((resolve) => permissionRequest!(contents, permission, resolve)),
    check: (permission: string) => permissionCheck!(contents, permission),
    fetch: (url: string) => new Promise<boolean>((resolve) => beforeRequest!({ url }, (response) => resolve(response.cancel))),
  };
}

beforeEach(() => openExternal.mockClear());

describe('hardenWebContents: every denied action, through the handlers Electron would call', () => {
  it('navigation stays in the app; a web link goes to the browser, anything else nowhere', () => {
    const h = harden();
    expect(h.navigate('app://warroom/index.html#/metrics')).toBe(false);
    expect(h.navigate('https://status.example.com/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://status.example.com/');
    openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://evil/index.html']) expect(h.navigate(url)).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
    expect(h.redirect('https://attacker.example/')).toBe(true);
    expect(h.frameNavigate('https://attacker.example/', false)).toBe(true);
  });

  it('no new window ever opens; only http(s) and mailto reach the OS', () => {
    const h = harden();
    for (const url of ['https://example.com/', 'mailto:oncall@example.com', 'file:///C:/Windows/System32/calc.exe', 'ms-msdt:/id PCWDiagnostic', 'app://warroom/index.html']) {
      expect(h.open(url)).toBe('deny');
    }
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.com/', 'mailto:oncall@example.com']);
  });

  it('permission requests and checks are refused; webviews are never attached', async () => {
    const h = harden();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal']) {
      expect(await h.request(permission)).toBe(false);
      expect(h.check(permission)).toBe(false);
    }
    expect(h.attachWebview()).toBe(true);
  });

  it('no web request leaves the machine', async () => {
    const h = harden();
    expect(await h.fetch('https://tracker.example/pixel.gif')).toBe(true);
    expect(await h.fetch('ws://localhost:5173/')).toBe(true);
  });
});
