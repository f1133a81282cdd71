import type { BrowserWindowConstructorOptions } from 'electron';
import { WINDOW_DEFAULTS, type WindowPlacement } from '../host/windowState.ts';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Where the window was last (host/windowState.ts, already placed on a visible display); default size, centred, without. */
  bounds?: Pick<WindowPlacement, 'x' | 'y' | 'width' | 'height'>;
  /** The window's title until the page sets its own; default "War Room". */
  title?: string;
}

/**
 * The one window the app opens. Every webPreferences entry that matters for security is
 * spelled out, even where it equals Electron's default, so a future default change or a
 * careless edit shows up in review and fails the unit test.
 */
export function buildWindowOptions({ preloadPath, bounds, title = 'War Room' }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title,
    width: bounds?.width ?? WINDOW_DEFAULTS.width,
    height: bounds?.height ?? WINDOW_DEFAULTS.height,
    // Both or neither: Electron centres a window given no position.
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: WINDOW_DEFAULTS.minWidth,
    minHeight: WINDOW_DEFAULTS.minHeight,
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
