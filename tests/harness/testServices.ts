import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Exporter } from '../../src-main/export/Exporter.js';
import type { AppCommand } from '../../src-main/ipc/contract.js';
import { createIpcHandlers, type IpcHandlers } from '../../src-main/ipc/handlers.js';
import type { Dialogs } from '../../src-main/ipc/ports.js';
import { DraftStore } from '../../src-main/services/DraftStore.js';
import { PathGrants } from '../../src-main/services/PathGrants.js';
import { SettingsStore } from '../../src-main/services/SettingsStore.js';
import { loadTemplateLibrary } from '../../src-main/services/TemplateLibrary.js';
import { TEMPLATES_DIR } from '../helpers.js';

/** Dialog answers queued by the test, in order; an empty queue means the user cancelled. */
export class ScriptedDialogs implements Dialogs {
  readonly opens: (string | undefined)[] = [];
  readonly saves: (string | undefined)[] = [];
  readonly exportFolders: (string | undefined)[] = [];
  readonly imports: (string | undefined)[] = [];
  readonly fontFiles: (string | undefined)[] = [];
  /** Files or a folder chosen to review, one entry per dialog. */
  readonly reviewChoices: (string[] | undefined)[] = [];
  readonly reviewOutputs: (string | undefined)[] = [];
  readonly lastYears: (string | undefined)[] = [];
  readonly asked: string[] = [];
  async chooseReportToOpen(): Promise<string | undefined> {
    this.asked.push('open');
    return this.opens.shift();
  }
  async chooseSavePath(defaultName: string): Promise<string | undefined> {
    this.asked.push(`save:${defaultName}`);
    return this.saves.shift();
  }
  async chooseExportFolder(): Promise<string | undefined> {
    this.asked.push('exportFolder');
    return this.exportFolders.shift();
  }
  async chooseFileToImport(): Promise<string | undefined> {
    this.asked.push('import');
    return this.imports.shift();
  }
  async chooseLastYearReport(): Promise<string | undefined> {
    this.asked.push('lastYear');
    return this.lastYears.shift();
  }
  async chooseFontFile(): Promise<string | undefined> {
    this.asked.push('fontFile');
    return this.fontFiles.shift();
  }
  async chooseReportsToReview(_locale: string, what: 'files' | 'folder'): Promise<string[] | undefined> {
    this.asked.push(`review:${what}`);
    return this.reviewChoices.shift();
  }
  async chooseReviewOutput(defaultName: string): Promise<string | undefined> {
    this.asked.push(`reviewOutput:${defaultName}`);
    return this.reviewOutputs.shift();
  }
}

/** One exporter for every test in a process, as in the app: fonts are parsed once. */
const sharedExporter = new Exporter();

export interface TestServices {
  handlers: IpcHandlers;
  drafts: DraftStore;
  settings: SettingsStore;
  dialogs: ScriptedDialogs;
  /** The paths the user chose; `grants.grant('read', file)` stands for the user handing a file over. */
  grants: PathGrants;
  dataDir: string;
  window: { title: string; dirty: boolean; closed: boolean };
  /** Files the page asked to open or show in their folder. */
  desktop: { opened: string[]; shown: string[] };
  /** Events the main process sent to the page. */
  notifications: AppCommand[];
  onNotify(listener: (command: AppCommand) => void): void;
}

/** The real IPC handler table on the real services and temp folders; only dialogs and the shell are stand-ins. */
export function createTestServices(options: { dataDir?: string } = {}): TestServices {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'drs-services-'));
  const settings = new SettingsStore(dataDir);
  const templates = loadTemplateLibrary(TEMPLATES_DIR);
  const drafts = new DraftStore({ dataDir, templates, backupsKept: settings.get().backupsKept });
  const dialogs = new ScriptedDialogs();
  const grants = new PathGrants();
  const window = { title: '', dirty: false, closed: false };
  const desktop = { opened: [] as string[], shown: [] as string[] };
  const notifications: AppCommand[] = [];
  let listener: (command: AppCommand) => void = () => undefined;
  const handlers = createIpcHandlers({
    drafts,
    settings,
    dialogs,
    grants,
    templatesDir: TEMPLATES_DIR,
    templates,
    exporter: sharedExporter,
    desktop: { openPath: async (path) => void desktop.opened.push(path), showInFolder: (path) => void desktop.shown.push(path) },
    app: { version: 'test', platform: process.platform },
    window: {
      setDocumentState: (title, dirty) => Object.assign(window, { title, dirty }),
      close: () => Object.assign(window, { closed: true }),
      notify: (command) => {
        notifications.push(command);
        listener(command);
      },
    },
  });
  return { handlers, drafts, settings, dialogs, grants, dataDir, window, desktop, notifications, onNotify: (l) => (listener = l) };
}
