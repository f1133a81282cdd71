import { displayWindowUrl, type DisplayView } from '../../../shared/bridge/displayWindow.ts';
import { hostBridge } from '../../bridge/hostBridge.ts';

/**
 * Open the display window: a second hardened window in the desktop app, a new tab in the web
 * preview (opened without a handle back to this page). Returns what to tell the user when it could not.
 */
export async function openDisplayWindow(view: DisplayView): Promise<string | null> {
  const bridge = hostBridge();
  if (bridge) {
    const reply = await bridge.invoke('app.openWindow', view);
    if (!reply.ok) return `The window could not be opened: ${reply.error.message}`;
    return reply.value.opened ? null : `The window could not be opened: ${reply.value.reason ?? 'no reason given'}`;
  }
  const opened = window.open(displayWindowUrl(window.location.href, view), '_blank', 'noopener');
  // With noopener the browser returns null even when the tab opened: nothing more to know.
  void opened;
  return null;
}
