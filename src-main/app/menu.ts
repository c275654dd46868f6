import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../src-core/index.js';
import type { AppCommand, MenuCommand } from '../ipc/contract.js';
import type { RecentFile } from '../services/settingsSchema.js';

type Label = Record<Locale, string>;
const L = (zh: string, en: string): Label => ({ 'zh-CN': zh, en });

const LABELS = {
  file: L('文件', 'File'),
  new: L('新建', 'New'),
  open: L('打开…', 'Open…'),
  import: L('导入已有报告…', 'Import an Existing Report…'),
  review: L('审查已发布报告…', 'Review Published Reports…'),
  recent: L('最近打开', 'Open Recent'),
  noRecent: L('（无）', '(none)'),
  save: L('保存', 'Save'),
  saveAs: L('另存为…', 'Save As…'),
  exportDocx: L('导出 Word…', 'Export Word…'),
  exportPdf: L('导出 PDF…', 'Export PDF…'),
  print: L('打印…', 'Print…'),
  quit: L('退出', 'Quit'),
  edit: L('编辑', 'Edit'),
  undo: L('撤销', 'Undo'),
  redo: L('重做', 'Redo'),
  cut: L('剪切', 'Cut'),
  copy: L('复制', 'Copy'),
  paste: L('粘贴', 'Paste'),
  selectAll: L('全选', 'Select All'),
  find: L('查找…', 'Find…'),
  replace: L('替换…', 'Replace…'),
  view: L('视图', 'View'),
  pageView: L('页面视图', 'Page View'),
  zoomIn: L('放大', 'Zoom In'),
  zoomOut: L('缩小', 'Zoom Out'),
  resetZoom: L('实际大小', 'Actual Size'),
  fullscreen: L('全屏', 'Full Screen'),
  help: L('帮助', 'Help'),
  about: L('关于公开年报工作台', 'About Disclosure Report Studio'),
};

/**
 * The native menu 文件 / 编辑 / 视图 / 帮助. Commands go to the page, which owns the document;
 * editing and zoom use Electron's built-in roles.
 */
export function buildMenuTemplate(locale: Locale, recentFiles: readonly RecentFile[], send: (command: AppCommand) => void): MenuItemConstructorOptions[] {
  const t = (label: Label) => label[locale];
  const command = (label: Label, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: t(label),
    ...(accelerator ? { accelerator } : {}),
    click: () => send({ type: 'menu', command: name }),
  });
  // Keys the page handles itself (the report's one undo history, find, print): shown, not captured by the menu.
  const pageKey = (label: Label, name: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({ ...command(label, name, accelerator), registerAccelerator: false });
  const recent: MenuItemConstructorOptions[] =
    recentFiles.length === 0 ? [{ label: t(LABELS.noRecent), enabled: false }] : recentFiles.map((f) => ({ label: f.path, click: () => send({ type: 'openFile', path: f.path }) }));
  return [
    {
      label: t(LABELS.file),
      submenu: [
        command(LABELS.new, 'new', 'CmdOrCtrl+N'),
        command(LABELS.open, 'open', 'CmdOrCtrl+O'),
        command(LABELS.import, 'import', 'CmdOrCtrl+I'),
        command(LABELS.review, 'review'),
        { label: t(LABELS.recent), submenu: recent },
        { type: 'separator' },
        command(LABELS.save, 'save', 'CmdOrCtrl+S'),
        command(LABELS.saveAs, 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        command(LABELS.exportDocx, 'exportDocx', 'CmdOrCtrl+E'),
        command(LABELS.exportPdf, 'exportPdf', 'CmdOrCtrl+Shift+E'),
        pageKey(LABELS.print, 'print', 'CmdOrCtrl+P'),
        { type: 'separator' },
        { label: t(LABELS.quit), role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: t(LABELS.edit),
      submenu: [
        pageKey(LABELS.undo, 'undo', 'CmdOrCtrl+Z'),
        pageKey(LABELS.redo, 'redo', 'CmdOrCtrl+Y'),
        { type: 'separator' },
        { label: t(LABELS.cut), role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: t(LABELS.copy), role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: t(LABELS.paste), role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: t(LABELS.selectAll), role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        { type: 'separator' },
        pageKey(LABELS.find, 'find', 'CmdOrCtrl+F'),
        pageKey(LABELS.replace, 'replace', 'CmdOrCtrl+H'),
      ],
    },
    {
      label: t(LABELS.view),
      submenu: [
        pageKey(LABELS.pageView, 'pageView', 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        { label: t(LABELS.zoomIn), role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: t(LABELS.zoomOut), role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: t(LABELS.resetZoom), role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { label: t(LABELS.fullscreen), role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
    { label: t(LABELS.help), submenu: [command(LABELS.about, 'about')] },
  ];
}

/** The question asked before closing a window with unsaved changes. */
export const CLOSE_PROMPT = {
  title: L('尚未保存', 'Unsaved changes'),
  message: L('报告有尚未保存的修改，关闭前要保存吗？', 'The report has unsaved changes. Save before closing?'),
  detail: L('不保存时，修改仍暂存在恢复区，下次启动时可以恢复。', 'If you do not save, the changes stay in the recovery area and can be restored at the next start.'),
  buttons: { save: L('保存', 'Save'), discard: L('不保存', 'Don’t Save'), cancel: L('取消', 'Cancel') },
};
