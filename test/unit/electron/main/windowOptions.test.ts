import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../../electron/main/windowOptions.ts';

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

  it('opens at the default size, centred, without remembered bounds', () => {
    expect(options).toMatchObject({ width: 1280, height: 840 });
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
  });

  it('opens where it was, given remembered bounds, with the same preferences', () => {
    const placed = buildWindowOptions({ preloadPath: '/app/out/preload/index.cjs', bounds: { x: -1500, y: 40, width: 1000, height: 700 } });
    expect(placed).toMatchObject({ x: -1500, y: 40, width: 1000, height: 700, minWidth: 720, minHeight: 480, show: false });
    expect(placed.webPreferences).toEqual(prefs);
    const sizeOnly = buildWindowOptions({ preloadPath: '/p.cjs', bounds: { width: 900, height: 600 } });
    expect(sizeOnly).toMatchObject({ width: 900, height: 600 });
    expect(sizeOnly).not.toHaveProperty('x');
  });

  it('uses the preload it is given', () => {
    expect(buildWindowOptions({ preloadPath: '/x/p.cjs' }).webPreferences?.preload).toBe('/x/p.cjs');
  });
});
