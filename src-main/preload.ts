/**
 * Runs in the sandboxed renderer before the page: exposes exactly the IPC methods of the contract
 * as `window.drs`, plus a listener for menu commands. Bundled to CommonJS (sandboxed preloads
 * cannot be ES modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMAND_CHANNEL, IPC_CHANNEL_PREFIX, IPC_METHODS } from './ipc/methods.js';

const api: Record<string, unknown> = {};
for (const method of IPC_METHODS) api[method] = (request: unknown) => ipcRenderer.invoke(`${IPC_CHANNEL_PREFIX}${method}`, request);
api.onCommand = (listener: (command: unknown) => void) => {
  const wrapped = (_event: IpcRendererEvent, command: unknown) => listener(command);
  ipcRenderer.on(COMMAND_CHANNEL, wrapped);
  return () => ipcRenderer.removeListener(COMMAND_CHANNEL, wrapped);
};
contextBridge.exposeInMainWorld('drs', api);
