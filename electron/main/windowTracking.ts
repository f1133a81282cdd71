import type { BrowserWindow } from 'electron';
import type { WindowState, WindowStateSaver } from '../host/windowState.ts';

/**
 * Keeps the window's normal bounds and maximized flag saved (host/windowState.ts): debounced while
 * it is resized or moved, at once when it closes. `onState` sees every capture, so a window
 * reopened in the same session (macOS dock click) opens where this one was.
 */
export function rememberWindowState(window: BrowserWindow, saver: WindowStateSaver, onState: (state: WindowState) => void): void {
  // getNormalBounds: the restored bounds even while maximized, so un-maximizing after a restart returns there.
  const capture = (): WindowState => ({ ...window.getNormalBounds(), isMaximized: window.isMaximized() });
  const later = () => {
    const state = capture();
    onState(state);
    saver.schedule(state);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => {
    const state = capture();
    onState(state);
    void saver.saveNow(state);
  });
}
