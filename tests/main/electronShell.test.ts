import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Electron from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../src-main/app/menu.js';
import { APP_INDEX_URL, CONTENT_SECURITY_POLICY, reportPathFromArgv } from '../../src-main/app/security.js';
import { startApp } from '../../src-main/app/startApp.js';
import { COMMAND_CHANNEL, DROP_CHANNEL, IPC_METHODS } from '../../src-main/ipc/methods.js';
import { ROOT, SAMPLE_FILES, TEMPLATES_DIR } from '../helpers.js';

type Handler = (...args: unknown[]) => unknown;

/** Just enough of Electron's API, recording what the app does with it. */
function fakeElectron(messageBoxResponse: { value: number }) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => true,
    quit: () => undefined,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => mkdtempSync(join(tmpdir(), `drs-fake-${name}-`)),
    getVersion: () => '0.1.0',
  });
  class FakeWebContents extends EventEmitter {
    mainFrame = { url: APP_INDEX_URL };
    sent: unknown[][] = [];
    windowOpenHandler: Handler | undefined;
    setWindowOpenHandler(handler: Handler) {
      this.windowOpenHandler = handler;
    }
    isLoading() {
      return false;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    loadedUrl = '';
    title = '';
    closed = false;
    focused = 0;
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      super();
      FakeBrowserWindow.instances.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.focused++;
    }
    setTitle(title: string) {
      this.title = title;
    }
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.closed = true;
    }
  }
  const recorded = {
    privileged: [] as unknown[],
    protocolHandler: undefined as undefined | ((request: { url: string }) => Promise<Response>),
    permissionRequest: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    headers: undefined as Handler | undefined,
    ipc: new Map<string, Handler>(),
    listeners: new Map<string, Handler>(),
    menu: undefined as unknown,
    messageBoxes: 0,
    openDialogs: 0,
  };
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: (list: unknown[]) => recorded.privileged.push(...list), handle: (_scheme: string, handler: never) => (recorded.protocolHandler = handler) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => (recorded.permissionRequest = h),
        setPermissionCheckHandler: (h: Handler) => (recorded.permissionCheck = h),
        webRequest: { onHeadersReceived: (h: Handler) => (recorded.headers = h) },
      },
    },
    ipcMain: { handle: (channel: string, h: Handler) => recorded.ipc.set(channel, h), on: (channel: string, h: Handler) => recorded.listeners.set(channel, h) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (recorded.menu = m) },
    dialog: {
      showMessageBox: async () => (recorded.messageBoxes++, { response: messageBoxResponse.value }),
      showOpenDialog: async () => (recorded.openDialogs++, { canceled: true, filePaths: [] }),
    },
  };
  return { electron: electron as unknown as typeof Electron, recorded, FakeBrowserWindow };
}

async function started(response = 2) {
  const answer = { value: response };
  const fake = fakeElectron(answer);
  startApp(fake.electron, { rendererDir: join(ROOT, 'dist/renderer'), preload: '/app/preload.cjs' });
  await new Promise((r) => setTimeout(r, 10));
  const window = fake.FakeBrowserWindow.instances[0]!;
  return { ...fake, window, answer };
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('the Electron shell (with a fake electron)', () => {
  it('opens and shows its window while a format file is broken (the page reports it), without throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-formats-'));
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'gov-2019.json'), '{"id": "gov-2019"}');
    process.env.DRS_TEMPLATES_DIR = dir;
    try {
      const { window } = await started();
      expect(window.loadedUrl).toBe('app://bundle/index.html');
      expect(() => window.emit('ready-to-show')).not.toThrow();
      await tick();
    } finally {
      delete process.env.DRS_TEMPLATES_DIR;
    }
  });

  it('opens one window, isolated and sandboxed, without Node, showing only the bundled renderer', async () => {
    const { window, recorded } = await started();
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: '/app/preload.cjs' });
    expect(window.loadedUrl).toBe('app://bundle/index.html');
    expect(recorded.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('blocks navigation away from the app and every new window', async () => {
    const { window } = await started();
    for (const [url, blocked] of [
      ['https://evil.example/', true],
      ['file:///etc/passwd', true],
      ['app://other/index.html', true],
      ['app://bundle/index.html#x', false],
    ] as const) {
      let prevented = false;
      window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      expect(prevented, url).toBe(blocked);
    }
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and sends the strict CSP', async () => {
    const { recorded } = await started();
    let granted: boolean | undefined;
    recorded.permissionRequest?.({}, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(recorded.permissionCheck?.()).toBe(false);
    let headers: Record<string, string[]> = {};
    recorded.headers?.({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('serves the renderer with the CSP header, refuses paths outside it and answers 400 to malformed escapes', async () => {
    const { recorded } = await started();
    const index = await recorded.protocolHandler!({ url: 'app://bundle/index.html' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<div id="root">');
    expect((await recorded.protocolHandler!({ url: 'app://bundle/%2e%2e%2f%2e%2e%2fpackage.json' })).status).toBe(403);
    expect((await recorded.protocolHandler!({ url: 'app://bundle/missing.js' })).status).toBe(404);
    for (const malformed of ['app://bundle/%E0%A4%A', 'app://bundle/%', 'app://bundle/a%ZZ.js']) expect((await recorded.protocolHandler!({ url: malformed })).status, malformed).toBe(400);
  });

  it('registers every IPC method and answers only the app’s own main frame', async () => {
    const { recorded, window } = await started();
    expect([...recorded.ipc.keys()].sort()).toEqual(IPC_METHODS.map((m) => `drs:${m}`).sort());
    const call = recorded.ipc.get('drs:getSettings')!;
    expect(await call({ senderFrame: window.webContents.mainFrame }, {})).toMatchObject({ ok: true });
    expect(await call({ senderFrame: { url: APP_INDEX_URL } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await call({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('asks before closing with unsaved changes: cancel keeps it open, don’t save closes, save asks the page to save first', async () => {
    const { recorded, window, answer } = await started(2);
    const setState = recorded.ipc.get('drs:setDocumentState')!;
    await setState({ senderFrame: window.webContents.mainFrame }, { title: '青川县公安局2025年报告', dirty: true });
    expect(window.title).toBe('● 青川县公安局2025年报告 — 公开年报工作台');
    window.close();
    await tick();
    expect(recorded.messageBoxes).toBe(1);
    expect(window.closed).toBe(false);
    answer.value = 0;
    window.close();
    await tick();
    expect(window.webContents.sent).toContainEqual([COMMAND_CHANNEL, { type: 'menu', command: 'saveAndClose' }]);
    expect(window.closed).toBe(false);
    answer.value = 1;
    window.close();
    await tick();
    expect(window.closed).toBe(true);
  });

  it('closes without asking when everything is saved', async () => {
    const { recorded, window } = await started();
    window.close();
    expect(recorded.messageBoxes).toBe(0);
    expect(window.closed).toBe(true);
  });

  it('a second launch focuses the window and opens its file', async () => {
    const { electron, window } = await started();
    (electron.app as unknown as EventEmitter).emit('second-instance', {}, ['/usr/bin/app', '--flag', '/home/u/报告.drs']);
    expect(window.focused).toBe(1);
    expect(window.webContents.sent).toContainEqual([COMMAND_CHANNEL, { type: 'openFile', path: '/home/u/报告.drs' }]);
    let prevented = false;
    (electron.app as unknown as EventEmitter).emit('open-file', { preventDefault: () => (prevented = true) }, '/Users/u/b.drs');
    expect(prevented).toBe(true);
    expect(window.webContents.sent).toContainEqual([COMMAND_CHANNEL, { type: 'openFile', path: '/Users/u/b.drs' }]);
  });
});

describe('files the user hands over outside the page (with a fake electron)', () => {
  const reportFile = () => {
    const file = join(mkdtempSync(join(tmpdir(), 'drs-shell-open-')), '报告.drs');
    writeFileSync(file, readFileSync(SAMPLE_FILES['gov-2021']!));
    return file;
  };

  it('a file named by the OS opens without a dialog; a path the page names goes through the dialog', async () => {
    const { electron, window, recorded } = await started();
    const file = reportFile();
    (electron.app as unknown as EventEmitter).emit('open-file', { preventDefault: () => undefined }, file);
    const open = recorded.ipc.get('drs:openReport')!;
    const main = { senderFrame: window.webContents.mainFrame };
    expect(await open(main, { path: file })).toMatchObject({ ok: true, value: { status: 'opened', path: file } });
    expect(await open(main, { path: reportFile() })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(recorded.openDialogs).toBe(1);
  });

  it('a drop reported by the preload is checked, granted and turned into an openFile command', async () => {
    const { window, recorded } = await started();
    const drop = recorded.listeners.get(DROP_CHANNEL)!;
    const file = reportFile();
    const main = { senderFrame: window.webContents.mainFrame };
    drop({ senderFrame: { url: APP_INDEX_URL } }, [file]);
    drop(main, { path: file });
    drop(main, [file, 42]);
    expect(window.webContents.sent.filter(([, c]) => (c as { type: string }).type === 'openFile')).toEqual([]);
    drop(main, [file]);
    expect(window.webContents.sent).toContainEqual([COMMAND_CHANNEL, { type: 'openFile', path: file }]);
    expect(await recorded.ipc.get('drs:openReport')!(main, { path: file })).toMatchObject({ ok: true, value: { status: 'opened' } });
    expect(recorded.openDialogs).toBe(0);
  });
});

describe('the native menu', () => {
  const commands: unknown[] = [];
  const menu = buildMenuTemplate('zh-CN', [{ path: '/r/报告.drs', lastSavedAt: '2026-01-20T00:00:00Z' }], (c) => commands.push(c));
  const items = menu.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
  const byLabel = (label: string) => items.find((i) => i.label === label);

  it('has 文件 / 编辑 / 视图 / 帮助 with the usual accelerators', () => {
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(byLabel('新建')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel('打开…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('保存')?.accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel('另存为…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    for (const [label, role] of [['剪切', 'cut'], ['复制', 'copy'], ['粘贴', 'paste'], ['全选', 'selectAll'], ['放大', 'zoomIn'], ['缩小', 'zoomOut']]) {
      expect(byLabel(label!)?.role, label).toBe(role);
    }
    expect(byLabel('导出 Word…')).toBeDefined();
    expect(byLabel('导出 PDF…')?.accelerator).toBe('CmdOrCtrl+Shift+E');
  });

  it('leaves undo, redo, find, replace and print to the page: one report history, Ctrl+P prints (not export)', () => {
    for (const [label, key, name] of [['撤销', 'CmdOrCtrl+Z', 'undo'], ['重做', 'CmdOrCtrl+Y', 'redo'], ['查找…', 'CmdOrCtrl+F', 'find'], ['替换…', 'CmdOrCtrl+H', 'replace'], ['打印…', 'CmdOrCtrl+P', 'print']] as const) {
      const item = byLabel(label);
      expect(item?.accelerator, label).toBe(key);
      expect(item?.registerAccelerator, label).toBe(false);
      expect(item?.role, label).toBeUndefined();
      commands.length = 0;
      (item?.click as () => void)();
      expect(commands, label).toEqual([{ type: 'menu', command: name }]);
    }
    expect(items.filter((i) => i.accelerator === 'CmdOrCtrl+P').map((i) => i.label)).toEqual(['打印…']);
  });

  it('sends commands to the page, and recent files open their path', () => {
    commands.length = 0;
    (byLabel('保存')?.click as () => void)();
    const recent = byLabel('最近打开')?.submenu as { label: string; click: () => void }[];
    recent[0]!.click();
    expect(commands).toEqual([
      { type: 'menu', command: 'save' },
      { type: 'openFile', path: '/r/报告.drs' },
    ]);
  });

  it('speaks English when the user chooses it', () => {
    expect(buildMenuTemplate('en', [], () => undefined).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('finds the .drs in a command line', () => {
    expect(reportPathFromArgv(['app.exe', '--inspect', 'C:\\报告\\a.DRS'])).toBe('C:\\报告\\a.DRS');
    expect(reportPathFromArgv(['app.exe', '.'])).toBeUndefined();
  });
});
