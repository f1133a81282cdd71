import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../shared/bridge/contract.ts';
import { BRIDGE_CHANNEL } from '../../shared/bridge/channel.ts';
import { COMMAND_CHANNEL, isMenuCommand, type MenuCommand } from '../../shared/bridge/commands.ts';

// The renderer gets these two functions and nothing else: no ipcRenderer, no Node (docs/architecture.md#the-bridge).
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
};

contextBridge.exposeInMainWorld('warroom', bridge);
