import type { Localized } from '../../src-core/index.js';

/** A failed save in words for the user: what happened and what to do; the work is kept in recovery. */
export function describeSaveError(error: unknown, path: string): Localized {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { 'zh-CN': `磁盘空间已满，未能保存到“${path}”。请清理磁盘或另存到其他位置；未保存的内容已暂存，不会丢失。`, en: `The disk is full, so "${path}" was not saved. Free some space or save elsewhere; your unsaved work is kept safe.` };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return { 'zh-CN': `没有权限写入“${path}”（文件夹只读或文件被占用）。请另存到其他位置；未保存的内容已暂存，不会丢失。`, en: `"${path}" cannot be written (read-only folder or file in use). Save elsewhere; your unsaved work is kept safe.` };
    case 'ENOENT':
      return { 'zh-CN': `找不到保存位置“${path}”（U 盘或网络盘可能已断开）。请另存到其他位置；未保存的内容已暂存，不会丢失。`, en: `The folder of "${path}" is not there (USB stick or network drive removed?). Save elsewhere; your unsaved work is kept safe.` };
    case 'ELOCKED':
      return { 'zh-CN': `“${path}”正在被另一个窗口或程序保存，请稍后再试；未保存的内容已暂存，不会丢失。`, en: `"${path}" is being saved by another window or program; try again shortly. Your unsaved work is kept safe.` };
    default:
      return { 'zh-CN': `未能保存到“${path}”（${code || String(error)}）。请另存到其他位置；未保存的内容已暂存，不会丢失。`, en: `"${path}" could not be saved (${code || String(error)}). Save elsewhere; your unsaved work is kept safe.` };
  }
}
