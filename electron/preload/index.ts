import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../../shared/bridge/contract.ts';
import { BRIDGE_CHANNEL } from '../../shared/bridge/channel.ts';

// The renderer gets this one function and nothing else: no ipcRenderer, no Node (DESIGN.md §4).
const bridge: Bridge = {
  invoke: (method, args) => ipcRenderer.invoke(BRIDGE_CHANNEL, method, args),
};

contextBridge.exposeInMainWorld('warroom', bridge);
