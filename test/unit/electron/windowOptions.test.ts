import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../electron/main/windowOptions.ts';

describe('buildWindowOptions', () => {
  const options = buildWindowOptions({ preloadPath: '/app/out/preload/index.cjs' });
  const prefs = options.webPreferences ?? {};

  it('sets every security-relevant web preference explicitly', () => {
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', true],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('stays hidden until ready-to-show, with a title, background and minimum size', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('War Room');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.minWidth).toBeGreaterThanOrEqual(640);
    expect(options.minHeight).toBeGreaterThanOrEqual(400);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('uses the preload it is given', () => {
    expect(buildWindowOptions({ preloadPath: '/x/p.cjs' }).webPreferences?.preload).toBe('/x/p.cjs');
  });
});
