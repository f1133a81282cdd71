import { BrowserWindow, ipcMain } from 'electron';
import { BRIDGE_CHANNEL } from '../../shared/bridge/contract.ts';
import type { Dispatcher } from '../host/dispatch.ts';
import { createBridgeHandler } from './bridgeHandler.ts';
import type { TrustedOrigins } from './securityPolicy.ts';

export interface CallContext {
  /** The window that made the call, so dialogs open modal to it. */
  window: BrowserWindow | null;
  /** The calling page's webContents id, for calls allowed only right after a user action there. */
  page: number;
}

/** The only IPC entry point: one channel, every call checked and validated (docs/architecture.md#the-bridge). */
export function registerBridge(dispatcher: Dispatcher<CallContext>, trusted: TrustedOrigins): void {
  const handle = createBridgeHandler(dispatcher, trusted);
  ipcMain.handle(BRIDGE_CHANNEL, (event, method: unknown, args: unknown) =>
    handle(event.senderFrame?.url, method, args, {
      window: BrowserWindow.fromWebContents(event.sender),
      page: event.sender.id,
    }),
  );
}
