import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveRendererFile } from '../../src-main/app/rendererProtocol.js';
import type { AppCommand } from '../../src-main/ipc/contract.js';
import { acceptUserFiles, invokeIpc } from '../../src-main/ipc/handlers.js';
import { IPC_METHODS } from '../../src-main/ipc/methods.js';
import { createTestServices, type TestServices } from './testServices.js';
import { ROOT } from '../helpers.js';

/** Debian's Chromium; DRS_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.DRS_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RENDERER_DIR = join(ROOT, 'dist/renderer');
/** The page's origin in the harness; in Electron it is app://bundle. */
export const HARNESS_ORIGIN = 'http://drs.app';

export interface Harness extends TestServices {
  page: Page;
  context: BrowserContext;
  /** What the main process sends on a menu click or when the OS opens a file. */
  sendCommand(command: AppCommand): Promise<void>;
  /** The user drops files on the window (or opens them from the OS): they are granted and the page opens the first. */
  dropFiles(paths: string[]): Promise<void>;
  /** A new page on the same services, as after the renderer crashed and the window reloaded. */
  reopen(): Promise<Page>;
  close(): Promise<void>;
}

let browser: Browser | undefined;


async function sharedBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's "chromium" package or set DRS_CHROMIUM`);
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return browser;
}

export async function closeSharedBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/**
 * Opens the real, built renderer in Chromium with `window.drs` bound to the real IPC handler table
 * on real temp folders — the same handlers and services Electron's main process uses. Only the
 * dialogs are answered by the test.
 */
export async function launchHarness(options: { dataDir?: string; viewport?: { width: number; height: number } } = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('the renderer is not built: run npm run build');
  const services = createTestServices(options.dataDir ? { dataDir: options.dataDir } : {});
  const { handlers } = services;
  const context = await (await sharedBrowser()).newContext({ viewport: options.viewport ?? { width: 1280, height: 860 }, locale: 'zh-CN' });
  // The bundle is served from disk with the production CSP header; nothing reaches a network.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${HARNESS_ORIGIN}/`)) return route.abort('blockedbyclient');
    const response = await serveRendererFile(RENDERER_DIR, url);
    return route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });

  // Like ipcMain.handle: every page and frame can try to call; only the app's main frame is answered.
  await context.exposeBinding('__drsInvoke', ({ frame }, method: unknown, payload: unknown) =>
    invokeIpc(handlers, method, payload, { isAppMainFrame: frame === frame.page().mainFrame() && frame.url().startsWith(`${HARNESS_ORIGIN}/`) }),
  );
  // Builds window.drs exactly as the preload does: one function per contract method, plus onCommand.
  // Kept as source text: a function would be serialized with whatever helpers the TypeScript runner injected.
  await context.addInitScript({
    content: `(() => {
      if (window.top !== window) return;
      const listeners = new Set();
      const api = {};
      for (const method of ${JSON.stringify(IPC_METHODS)}) api[method] = (request) => window.__drsInvoke(method, request);
      api.onCommand = (listener) => (listeners.add(listener), () => listeners.delete(listener));
      Object.defineProperty(window, '__drsDispatch', { value: (command) => listeners.forEach((l) => l(command)) });
      Object.defineProperty(window, 'drs', { value: Object.freeze(api) });
    })();`,
  });

  const openPage = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${HARNESS_ORIGIN}/index.html`);
    return page;
  };

  const harness: Harness = {
    ...services,
    page: await openPage(),
    context,
    sendCommand: async (command) => {
      await harness.page.evaluate((c) => (window as unknown as { __drsDispatch: (c: unknown) => void }).__drsDispatch(c), command);
    },
    dropFiles: async (paths) => {
      const command = acceptUserFiles(services.grants, paths, { isAppMainFrame: true });
      if (command) await harness.sendCommand(command);
    },
    reopen: async () => {
      harness.page = await openPage();
      return harness.page;
    },
    close: () => context.close(),
  };
  services.onNotify((command) => void harness.sendCommand(command).catch(() => undefined));
  return harness;
}

/** Creates a report from the start screen, as a user does: 机关全称, then 创建. */
export async function createReportInUi(h: Harness, orgName: string): Promise<void> {
  await h.page.getByRole('textbox', { name: '机关全称' }).fill(orgName);
  await h.page.getByRole('button', { name: '创建' }).click();
  await h.page.getByTestId('editor').waitFor();
}
