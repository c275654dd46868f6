import type * as Electron from 'electron';
import { fileURLToPath } from 'node:url';
import { orderedTemplates } from '../../src-core/index.js';
import { Exporter } from '../export/Exporter.js';
import { acceptUserFiles, createIpcHandlers, invokeIpc, type IpcHandlers } from '../ipc/handlers.js';
import type { AppCommand } from '../ipc/contract.js';
import { COMMAND_CHANNEL, DROP_CHANNEL, IPC_CHANNEL_PREFIX, IPC_METHODS } from '../ipc/methods.js';
import type { SenderInfo } from '../ipc/ports.js';
import { DraftStore } from '../services/DraftStore.js';
import { PathGrants } from '../services/PathGrants.js';
import { SettingsStore } from '../services/SettingsStore.js';
import { defaultTemplatesDir, loadTemplateLibrary } from '../services/TemplateLibrary.js';
import { electronDialogs } from './electronDialogs.js';
import { buildMenuTemplate } from './menu.js';
import { serveRendererFile } from './rendererProtocol.js';
import { APP_INDEX_URL, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl, reportPathFromArgv } from './security.js';

type ElectronModule = typeof Electron;

export interface AppPaths {
  rendererDir: string;
  preload: string;
}

export function defaultAppPaths(): AppPaths {
  return {
    rendererDir: fileURLToPath(new URL('../../renderer/', import.meta.url)),
    preload: fileURLToPath(new URL('../../preload/preload.cjs', import.meta.url)),
  };
}

/**
 * Wires Electron to the services: window, custom protocol, IPC, menu, single instance, files
 * opened by the OS, and the question before closing with unsaved changes. `electron` is a
 * parameter so a test can pass a fake and check every setting.
 */
export function startApp(electron: ElectronModule, paths: AppPaths = defaultAppPaths()): void {
  const { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session, shell } = electron;
  // End-to-end tests run the real app on a throw-away data folder.
  if (process.env.DRS_USER_DATA) app.setPath('userData', process.env.DRS_USER_DATA);
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let window: Electron.BrowserWindow | undefined;
  let dirty = false;
  let closing = false;
  const pending: AppCommand[] = [];
  const send = (command: AppCommand): void => {
    if (window && !window.webContents.isLoading()) window.webContents.send(COMMAND_CHANNEL, command);
    else pending.push(command);
  };
  // Paths the user chose; the page may have the main process act only on these.
  const grants = new PathGrants();
  const main: SenderInfo = { isAppMainFrame: true };
  /** A file the user opened outside the window (command line, the OS, the recent menu): granted, then opened by the page. */
  const openForUser = (path: string | undefined) => {
    const command = path === undefined ? undefined : acceptUserFiles(grants, [path], main);
    if (command) send(command);
  };
  const sendMenuCommand = (command: AppCommand) => (command.type === 'openFile' ? openForUser(command.path) : send(command));
  openForUser(reportPathFromArgv(process.argv));

  app.on('second-instance', (_event, argv) => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    openForUser(reportPathFromArgv(argv));
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openForUser(path);
  });
  // Nothing may open a new window or navigate away, in any web contents.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    const settings = new SettingsStore(dataDir);
    const templatesDir = defaultTemplatesDir();
    const templates = loadTemplateLibrary(templatesDir);
    const drafts = new DraftStore({ dataDir, templates, backupsKept: settings.get().backupsKept });
    const dialogs = electronDialogs(dialog, () => window, app.getPath('documents'));
    const exporter = new Exporter();
    const refreshMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(settings.get().locale, settings.get().recentFiles, sendMenuCommand)));
    const handlers: IpcHandlers = createIpcHandlers({
      drafts,
      settings,
      templatesDir,
      templates,
      exporter,
      dialogs,
      grants,
      // Only files the app itself exported reach the shell (the handlers check), never shell.openExternal.
      desktop: { openPath: async (path) => void (await shell.openPath(path)), showInFolder: (path) => shell.showItemInFolder(path) },
      app: { version: app.getVersion(), platform: process.platform },
      window: {
        setDocumentState: (title, isDirty) => {
          dirty = isDirty;
          window?.setTitle(`${isDirty ? '● ' : ''}${title} — 公开年报工作台`);
          refreshMenu();
        },
        close: () => {
          closing = true;
          window?.close();
        },
        notify: send,
      },
    });

    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    // The protocol handler sends the CSP too; this also covers any response it does not produce.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
    );
    protocol.handle(APP_SCHEME, (request) => serveRendererFile(paths.rendererDir, request.url));
    const senderOf = (event: Electron.IpcMainEvent | Electron.IpcMainInvokeEvent): SenderInfo => ({
      isAppMainFrame: window !== undefined && event.senderFrame === window.webContents.mainFrame && isAppUrl(event.senderFrame?.url ?? ''),
    });
    for (const method of IPC_METHODS) {
      ipcMain.handle(`${IPC_CHANNEL_PREFIX}${method}`, (event, payload) => invokeIpc(handlers, method, payload, senderOf(event)));
    }
    // Files dropped on the window: the preload sends their real paths; the page only gets told to open one.
    ipcMain.on(DROP_CHANNEL, (event, payload) => {
      const command = acceptUserFiles(grants, payload, senderOf(event));
      if (command) send(command);
    });
    refreshMenu();

    // The renderer is isolated and sandboxed and never gets Node (kept literal for static checkers).
    window = new BrowserWindow({
      width: 1280,
      height: 860,
      minWidth: 960,
      minHeight: 600,
      title: '公开年报工作台',
      show: false,
      webPreferences: {
        preload: paths.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
      },
    });
    window.once('ready-to-show', () => {
      window?.show();
      // Once the window is up, the exporter gets ready in the background: the first export is then as quick as the next.
      // Listing the formats validates them all; a broken one is the page's to report (it lists them too), not a crash here.
      const warmUp = async () => {
        const template = orderedTemplates(templates.values())[0];
        if (template) await exporter.warmUp(template, settings.get().fonts);
      };
      setImmediate(() => void warmUp().catch(() => undefined));
    });
    window.webContents.on('did-finish-load', () => {
      for (const command of pending.splice(0)) window?.webContents.send(COMMAND_CHANNEL, command);
    });
    window.on('close', (event) => {
      if (!dirty || closing) return;
      event.preventDefault();
      void dialogs.confirmClose(settings.get().locale).then((choice) => {
        if (choice === 'save') send({ type: 'menu', command: 'saveAndClose' });
        else if (choice === 'discard') {
          closing = true;
          window?.close();
        }
      });
    });
    window.on('closed', () => {
      window = undefined;
    });
    void window.loadURL(APP_INDEX_URL);
  });
  app.on('window-all-closed', () => app.quit());
}

