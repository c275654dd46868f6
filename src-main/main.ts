/**
 * The Electron main process: a thin shell. It opens the window with the security settings the
 * app relies on and loads only the bundled renderer; all behaviour lives in services that run in
 * plain Node (see src-main/services), so it can be tested without an Electron binary.
 */
import { app, BrowserWindow, session } from 'electron';
import { fileURLToPath } from 'node:url';

const RENDERER_INDEX = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const RENDERER_URL_PREFIX = new URL('../renderer/', import.meta.url).href;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: '公开年报工作台',
    show: false,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
  window.once('ready-to-show', () => window.show());
  // The window shows only the bundled renderer: no navigation, no new windows, no remote content.
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(RENDERER_URL_PREFIX)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadFile(RENDERER_INDEX);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    createWindow();
  });
  app.on('window-all-closed', () => app.quit());
}
