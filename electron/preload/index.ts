import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../shared/bridge/contract.ts';
import { BRIDGE_CHANNEL } from '../../shared/bridge/channel.ts';
import { COMMAND_CHANNEL, isMenuCommand, type MenuCommand } from '../../shared/bridge/commands.ts';
import { isTargetId, SYNC_CHANGED_CHANNEL } from '../../shared/bridge/syncEvents.ts';

// The renderer gets these three functions and nothing else: no ipcRenderer, no Node (docs/architecture.md#the-bridge).
const bridge: Bridge = {
  invoke: (method, args) => ipcRenderer.invoke(BRIDGE_CHANNEL, method, args),
  onCommand: (listener: (command: MenuCommand) => void) => {
    // Only the known command names reach the page, never the IPC event itself.
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
  },
  onSyncChanged: (listener: (target: string) => void) => {
    // Only a target id's shape reaches the page, never the IPC event itself.
    const handler = (_event: IpcRendererEvent, target: unknown) => {
      if (isTargetId(target)) listener(target);
    };
    ipcRenderer.on(SYNC_CHANGED_CHANNEL, handler);
    return () => ipcRenderer.removeListener(SYNC_CHANGED_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('warroom', bridge);
