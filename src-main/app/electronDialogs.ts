import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import { join } from 'node:path';
import type { Locale } from '../../src-core/index.js';
import type { Dialogs } from '../ipc/ports.js';
import { CLOSE_PROMPT } from './menu.js';

const FILTER = { 'zh-CN': '公开年报报告', en: 'Disclosure report' };
const IMPORT_FILTERS = {
  'zh-CN': [
    { name: '已有报告（Word、网页、PDF、文本）', extensions: ['docx', 'doc', 'wps', 'html', 'htm', 'shtml', 'pdf', 'txt', 'md'] },
    { name: '所有文件', extensions: ['*'] },
  ],
  en: [
    { name: 'Existing reports (Word, web page, PDF, text)', extensions: ['docx', 'doc', 'wps', 'html', 'htm', 'shtml', 'pdf', 'txt', 'md'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** The native dialogs behind the Dialogs port: the only Electron-specific part handlers use. */
export function electronDialogs(dialog: Dialog, window: () => BrowserWindow | undefined, documentsDir: string): Dialogs & { confirmClose(locale: Locale): Promise<'save' | 'discard' | 'cancel'> } {
  // One open dialog, attached to the window when there is one; the first path, or undefined when cancelled.
  const chooseOne = async (options: OpenDialogOptions): Promise<string | undefined> => {
    const win = window();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  };
  return {
    async chooseReportToOpen(locale) {
      const options = { properties: ['openFile' as const], filters: [{ name: FILTER[locale], extensions: ['drs'] }] };
      return chooseOne(options);
    },
    async chooseSavePath(defaultName, locale) {
      const options = { defaultPath: join(documentsDir, defaultName), filters: [{ name: FILTER[locale], extensions: ['drs'] }] };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return undefined;
      return result.filePath.toLowerCase().endsWith('.drs') ? result.filePath : `${result.filePath}.drs`;
    },
    async chooseExportFolder(locale, startIn) {
      const options = { title: locale === 'en' ? 'Export to folder' : '导出到文件夹', defaultPath: startIn ?? documentsDir, properties: ['openDirectory' as const, 'createDirectory' as const] };
      return chooseOne(options);
    },
    async chooseFileToImport(locale) {
      const options = { title: locale === 'en' ? 'Import an existing report' : '导入已有报告', defaultPath: documentsDir, properties: ['openFile' as const], filters: IMPORT_FILTERS[locale] };
      return chooseOne(options);
    },
    async chooseLastYearReport(locale) {
      const [reports, ...rest] = IMPORT_FILTERS[locale];
      const lastYear = { name: locale === 'en' ? "Last year's report (.drs, Word, web page, PDF, text)" : '上年报告（.drs、Word、网页、PDF、文本）', extensions: ['drs', ...(reports?.extensions ?? [])] };
      const options = { title: locale === 'en' ? "Choose last year's report" : '选择上年报告', defaultPath: documentsDir, properties: ['openFile' as const], filters: [lastYear, ...rest] };
      return chooseOne(options);
    },
    async chooseFontFile(locale) {
      const options = {
        title: locale === 'en' ? 'Choose a font file' : '选择字体文件',
        properties: ['openFile' as const],
        filters: [{ name: locale === 'en' ? 'Fonts' : '字体', extensions: ['ttf', 'otf', 'ttc'] }],
      };
      return chooseOne(options);
    },
    async chooseReportsToReview(locale, what) {
      const title = locale === 'en' ? 'Review published reports' : '审查已发布报告';
      const properties = what === 'folder' ? ['openDirectory' as const] : ['openFile' as const, 'multiSelections' as const];
      const filters = what === 'folder' ? [] : [{ name: FILTER[locale], extensions: ['drs'] }, ...IMPORT_FILTERS[locale]];
      const options = { title, defaultPath: documentsDir, properties, filters };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? undefined : result.filePaths;
    },
    async chooseReviewOutput(defaultName, format, locale) {
      const name = format === 'xlsx' ? { 'zh-CN': 'Excel 工作簿', en: 'Excel workbook' } : { 'zh-CN': '网页', en: 'Web page' };
      const options = { defaultPath: join(documentsDir, defaultName), filters: [{ name: name[locale], extensions: [format] }] };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return undefined;
      return result.filePath.toLowerCase().endsWith(`.${format}`) ? result.filePath : `${result.filePath}.${format}`;
    },
    async confirmClose(locale) {
      const { buttons } = CLOSE_PROMPT;
      const options = {
        type: 'warning' as const,
        title: CLOSE_PROMPT.title[locale],
        message: CLOSE_PROMPT.message[locale],
        detail: CLOSE_PROMPT.detail[locale],
        buttons: [buttons.save[locale], buttons.discard[locale], buttons.cancel[locale]],
        defaultId: 0,
        cancelId: 2,
      };
      const win = window();
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
    },
  };
}
