import type { Locale } from '../../src-core/index.js';
import type { AppCommand } from './contract.js';

/** The native dialogs, the only Electron-specific part the handlers need; tests answer them. */
export interface Dialogs {
  chooseReportToOpen(locale: Locale): Promise<string | undefined>;
  chooseSavePath(defaultName: string, locale: Locale): Promise<string | undefined>;
  chooseExportFolder(locale: Locale, startIn: string | null): Promise<string | undefined>;
  /** A Word file, web page, PDF or text to import. */
  chooseFileToImport(locale: Locale): Promise<string | undefined>;
  chooseFontFile(locale: Locale): Promise<string | undefined>;
  /** Published reports to review: several files, or one folder. */
  chooseReportsToReview(locale: Locale, what: 'files' | 'folder'): Promise<string[] | undefined>;
  /** Where to write a review: an HTML page or an Excel workbook. */
  chooseReviewOutput(defaultName: string, format: 'html' | 'xlsx', locale: Locale): Promise<string | undefined>;
  /** Last year's report: a .drs or anything Import reads. */
  chooseLastYearReport(locale: Locale): Promise<string | undefined>;
}

/** Opening a file with its program, or showing it in its folder (Electron's shell, behind a port). */
export interface Desktop {
  openPath(path: string): Promise<void>;
  showInFolder(path: string): void;
}

/** What a handler may do to the window that called it. */
export interface WindowControl {
  setDocumentState(title: string, dirty: boolean): void;
  close(): void;
  /** Sends an event to the page (e.g. export progress). */
  notify(command: AppCommand): void;
}

export interface SenderInfo {
  /** The call comes from the main frame of the app's own window, showing the bundled renderer. */
  isAppMainFrame: boolean;
}
