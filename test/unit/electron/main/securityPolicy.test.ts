import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  decideWindowOpen,
  isAllowedWebRequest,
  isAppUrl,
  isPermissionGranted,
  isSafeExternalUrl,
  isTrustedSender,
} from '../../../../electron/main/securityPolicy.ts';

const dev = { devServerUrl: 'http://localhost:5173' };

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com/',
    'https://status.example.com/incidents/42?x=1#y',
    'http://intranet.local:8080/runbook',
    'mailto:oncall@example.com',
    'mailto:oncall@example.com?subject=Incident%2042',
    'mailto:oncall@example.com?To=b@example.com&CC=c@example.com&Subject=Hi&BODY=Line%0Aline',
    'mailto:oncall@example.com?subject=Hi&',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['smb:', 'smb://attacker.example/share'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['another custom scheme', 'slack://open'],
    ['the app scheme', 'app://warroom/index.html'],
    ['ftp:', 'ftp://example.com/file'],
    ['a relative URL', '/incidents/42'],
    ['an empty string', ''],
    ['malformed', 'https://'],
    ['malformed with spaces', 'ht tp://example.com'],
    ['not a URL', 'example.com'],
    ['credentials that disguise the host', 'https://bank.example.com@attacker.example/'],
    ['an empty mailto', 'mailto:'],
    ['a mailto that attaches a file', 'mailto:oncall@example.com?attach=/home/me/.ssh/id_ed25519'],
    ['a mailto that attaches, in capitals', 'mailto:oncall@example.com?subject=Hi&ATTACH=C:%5Cboot.ini'],
    ['a mailto that attaches, percent-encoded', 'mailto:oncall@example.com?%61ttach=/etc/passwd'],
    ['a mailto with a hidden recipient', 'mailto:oncall@example.com?bcc=spy@example.com'],
    ['a mailto with another field', 'mailto:oncall@example.com?file=/etc/passwd'],
    ['a mailto field after a semicolon', 'mailto:oncall@example.com?subject=Hi;attach=/etc/passwd'],
    ['a mailto field after a fragment', 'mailto:oncall@example.com#?attach=/etc/passwd'],
    ['a mailto with a malformed field name', 'mailto:oncall@example.com?%E0%A4%A=1'],
  ])('refuses %s', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl('app://warroom/index.html')).toBe(true);
    expect(isAppUrl('app://warroom/')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://warroom.evil/index.html')).toBe(false);
    expect(isAppUrl('app://warroom:1234/index.html')).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });

  it('accepts the dev server origin only when one is configured', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
  });

  it('never trusts an opaque-origin dev server setting', () => {
    expect(isAppUrl('data:text/html,hi', { devServerUrl: 'data:text/html,hi' })).toBe(false);
    expect(isAppUrl('http://localhost:5173/', { devServerUrl: 'not a url' })).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('allows navigation inside the app', () => {
    expect(decideNavigation('app://warroom/index.html#/incidents')).toBe('allow');
    expect(decideNavigation('http://localhost:5173/', dev)).toBe('allow');
  });

  it('sends web links to the browser instead of navigating the window', () => {
    expect(decideNavigation('https://example.com/')).toBe('open-external');
    expect(decideNavigation('mailto:oncall@example.com')).toBe('open-external');
    // Without a dev server configured, localhost is just another web page.
    expect(decideNavigation('http://localhost:5173/')).toBe('open-external');
  });

  it('denies everything else', () => {
    expect(decideNavigation('file:///etc/passwd')).toBe('deny');
    expect(decideNavigation('javascript:alert(1)')).toBe('deny');
    expect(decideNavigation('app://other/')).toBe('deny');
    expect(decideNavigation('nonsense')).toBe('deny');
  });
});

describe('decideWindowOpen', () => {
  it('never opens an Electron window', () => {
    for (const url of ['https://example.com/', 'app://warroom/index.html', 'file:///etc/passwd', 'about:blank']) {
      expect(decideWindowOpen(url).action).toBe('deny');
    }
  });

  it('hands only safe URLs to the OS', () => {
    expect(decideWindowOpen('https://example.com/').openExternal).toBe(true);
    expect(decideWindowOpen('mailto:a@example.com').openExternal).toBe(true);
    expect(decideWindowOpen('file:///etc/passwd').openExternal).toBe(false);
    expect(decideWindowOpen('app://warroom/index.html').openExternal).toBe(false);
    expect(decideWindowOpen('about:blank').openExternal).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'openExternal',
    'midi',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'unknown',
    '',
  ])('denies %s', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false);
  });
});

describe('isAllowedWebRequest', () => {
  it('blocks every web request in production', () => {
    expect(isAllowedWebRequest('https://example.com/tracker.js')).toBe(false);
    expect(isAllowedWebRequest('http://localhost:5173/')).toBe(false);
    expect(isAllowedWebRequest('ws://localhost:5173/')).toBe(false);
  });

  it('lets the dev server and its hot-reload socket through in development', () => {
    expect(isAllowedWebRequest('http://localhost:5173/@vite/client', dev)).toBe(true);
    expect(isAllowedWebRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedWebRequest('https://example.com/', dev)).toBe(false);
    expect(isAllowedWebRequest('http://localhost:8080/', dev)).toBe(false);
    expect(isAllowedWebRequest('garbage', dev)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the app page', () => {
    expect(isTrustedSender('app://warroom/index.html')).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(true);
  });

  it.each([
    ['no frame', undefined],
    ['an empty URL', ''],
    ['about:blank', 'about:blank'],
    ['a remote page', 'https://attacker.example/'],
    ['another app host', 'app://evil/index.html'],
    ['a file page', 'file:///tmp/evil.html'],
    ['a data page', 'data:text/html,<h1>hi</h1>'],
    ['the dev server when not in development', 'http://localhost:5173/'],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSender(url)).toBe(false);
  });
});
