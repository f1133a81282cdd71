import { BrowserWindow } from 'electron';
import { displayWindowUrl, type DisplayView } from '../../shared/bridge/displayWindow.ts';
import { buildWindowOptions } from './windowOptions.ts';

/** More would only be a page flooding the screen; a room has one projector and a monitor or two. */
export const MAX_DISPLAY_WINDOWS = 4;

export interface DisplayWindows {
  open(view: DisplayView): { opened: boolean; reason?: string };
}

/**
 * Second windows for a projector or monitor: the same hardened options and preload as the main
 * window (security.ts hardens every web contents), on the app's own page marked as the display.
 */
export function createDisplayWindows({ preloadPath, entryUrl }: { preloadPath: string; entryUrl: () => string }): DisplayWindows {
  const windows = new Set<BrowserWindow>();
  return {
    open(view) {
      if (windows.size >= MAX_DISPLAY_WINDOWS) return { opened: false, reason: `at most ${MAX_DISPLAY_WINDOWS} display windows can be open at once` };
      // Built like the main window's, in the one form the security audit reads (build/electronegativity-allow.json).
      const window = new BrowserWindow(buildWindowOptions({ preloadPath, title: 'War Room · display' }));
      windows.add(window);
      window.on('closed', () => windows.delete(window));
      window.once('ready-to-show', () => window.show());
      window.loadURL(displayWindowUrl(entryUrl(), view)).catch((error: unknown) => console.error('failed to load the display window', error));
      return { opened: true };
    },
  };
}
