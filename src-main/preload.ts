/**
 * Runs in the sandboxed renderer before the page: exposes exactly the IPC methods of the contract
 * as `window.drs`, plus a listener for menu commands. Bundled to CommonJS (sandboxed preloads
 * cannot be ES modules).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { COMMAND_CHANNEL, DROP_CHANNEL, IPC_CHANNEL_PREFIX, IPC_METHODS } from './ipc/methods.js';

const listeners = new Set<(command: unknown) => void>();
// A command sent before the page listens (a file named on the command line at start, while the page
// still loads its formats) waits for the first listener instead of being lost.
const early: unknown[] = [];
const MAX_EARLY = 20;
ipcRenderer.on(COMMAND_CHANNEL, (_event: IpcRendererEvent, command: unknown) => {
  if (listeners.size > 0) listeners.forEach((listener) => listener(command));
  else if (early.push(command) > MAX_EARLY) early.shift();
});

const api: Record<string, unknown> = {};
for (const method of IPC_METHODS) api[method] = (request: unknown) => ipcRenderer.invoke(`${IPC_CHANNEL_PREFIX}${method}`, request);
api.onCommand = (listener: (command: unknown) => void) => {
  listeners.add(listener);
  for (const command of early.splice(0)) listener(command);
  return () => void listeners.delete(listener);
};
contextBridge.exposeInMainWorld('drs', api);

// Files dropped on the window. The page cannot name paths: only here, in the isolated world, are a
// real drop's files turned into paths (webUtils gives '' for a File the page built), and main is
// told them directly. Capturing on window sees the drop before any page handler can stop it.
const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
window.addEventListener('dragover', (event) => {
  if (carriesFiles(event)) event.preventDefault();
}, true);
window.addEventListener('drop', (event) => {
  if (!event.isTrusted || !carriesFiles(event)) return;
  event.preventDefault();
  const paths = [...(event.dataTransfer?.files ?? [])].map((file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
  if (paths.length > 0) ipcRenderer.send(DROP_CHANNEL, paths);
}, true);
