import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
}

/**
 * The one window the app opens. Every webPreferences entry that matters for security is
 * spelled out, even where it equals Electron's default, so a future default change or a
 * careless edit shows up in review and fails the unit test.
 */
export function buildWindowOptions({ preloadPath }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'War Room',
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    // Matches the renderer's first paint so the window does not flash white before ready-to-show.
    backgroundColor: '#111418',
    show: false,
    webPreferences: {
      preload: preloadPath,
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
    },
  };
}
