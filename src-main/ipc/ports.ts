import type { Locale } from '../../src-core/index.js';

/** The native dialogs, the only Electron-specific part the handlers need; tests answer them. */
export interface Dialogs {
  chooseReportToOpen(locale: Locale): Promise<string | undefined>;
  chooseSavePath(defaultName: string, locale: Locale): Promise<string | undefined>;
}

/** What a handler may do to the window that called it. */
export interface WindowControl {
  setDocumentState(title: string, dirty: boolean): void;
  close(): void;
}

export interface SenderInfo {
  /** The call comes from the main frame of the app's own window, showing the bundled renderer. */
  isAppMainFrame: boolean;
}
