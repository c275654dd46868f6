import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNEL, DROP_CHANNEL, IPC_METHODS } from '../../src-main/ipc/methods.js';

/** What the preload did with Electron's renderer API. */
const electron = vi.hoisted(() => ({
  exposed: {} as Record<string, unknown>,
  sent: [] as unknown[][],
  realPaths: new Map<unknown, string>(),
  onChannel: new Map<string, (event: unknown, message: unknown) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (electron.exposed[name] = api) },
  ipcRenderer: { invoke: async () => undefined, on: (channel: string, h: (event: unknown, message: unknown) => void) => electron.onChannel.set(channel, h), send: (...args: unknown[]) => electron.sent.push(args) },
  // Electron gives '' for a File the page constructed: only files from a real drop have a path.
  webUtils: { getPathForFile: (file: unknown) => electron.realPaths.get(file) ?? '' },
}));

type Listener = (event: unknown) => void;
const listeners = new Map<string, Listener>();

function dropEvent(files: object[], isTrusted = true) {
  const event = { isTrusted, defaultPrevented: false, dataTransfer: { types: ['Files'], files }, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

describe('the preload', () => {
  beforeAll(async () => {
    vi.stubGlobal('window', { addEventListener: (type: string, listener: Listener, capture: boolean) => capture && listeners.set(type, listener) });
    await import('../../src-main/preload.js');
  });
  afterAll(() => vi.unstubAllGlobals());

  it('exposes exactly the contract methods and onCommand as window.drs', () => {
    expect(Object.keys(electron.exposed.drs as object).sort()).toEqual([...IPC_METHODS, 'onCommand'].sort());
  });

  it('keeps a command sent before the page listens (a file from the command line) for its first listener', () => {
    const fromMain = electron.onChannel.get(COMMAND_CHANNEL)!;
    fromMain({}, { type: 'openFile', path: '/home/u/r.drs' });
    const drs = electron.exposed.drs as { onCommand: (listener: (c: unknown) => void) => () => void };
    const received: unknown[] = [];
    const stop = drs.onCommand((c) => received.push(c));
    fromMain({}, { type: 'menu', command: 'save' });
    stop();
    fromMain({}, { type: 'menu', command: 'open' });
    expect(received).toEqual([
      { type: 'openFile', path: '/home/u/r.drs' },
      { type: 'menu', command: 'save' },
    ]);
  });

  it('sends main the real paths of a user’s drop, and nothing for files the page made or a synthetic drop', () => {
    const dropped = { name: 'r.drs' };
    electron.realPaths.set(dropped, '/home/u/r.drs');
    const dragover = dropEvent([]);
    listeners.get('dragover')!(dragover);
    expect(dragover.defaultPrevented).toBe(true);
    listeners.get('drop')!(dropEvent([{ name: 'made-up.drs' }]));
    listeners.get('drop')!(dropEvent([dropped], false));
    expect(electron.sent).toEqual([]);
    const real = dropEvent([{ name: 'made-up.drs' }, dropped]);
    listeners.get('drop')!(real);
    expect(real.defaultPrevented).toBe(true);
    expect(electron.sent).toEqual([[DROP_CHANNEL, ['/home/u/r.drs']]]);
  });
});
