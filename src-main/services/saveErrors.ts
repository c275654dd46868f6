import type { Localized } from '../../src-core/index.js';
import { HARD_LINKED_FILE, READ_ONLY_FILE } from './atomicWrite.js';
import { InputFileError } from './readInputFile.js';

/**
 * A failed save in words for the user: what happened, what to do, and — truthfully — whether the
 * unsaved work is in recovery (on a full disk the recovery copy can fail too).
 */
export function describeSaveError(error: unknown, path: string, keptInRecovery: boolean): Localized {
  const problem = describeWriteProblem(error, path);
  const kept: Localized = keptInRecovery
    ? { 'zh-CN': '未保存的内容已暂存，不会丢失。', en: 'Your unsaved work is kept safe.' }
    : { 'zh-CN': '未保存的内容也未能暂存：请不要关闭窗口，先另存到其他位置（如另一个磁盘或 U 盘）。', en: 'Your unsaved work could not be kept in recovery either: do not close the window; save it elsewhere first (another disk or a USB stick).' };
  return { 'zh-CN': `${problem['zh-CN']}${kept['zh-CN']}`, en: `${problem.en} ${kept.en}` };
}

/** Why a file could not be written and what to do; shared with the exporter. */
export function describeWriteProblem(error: unknown, path: string): Localized {
  if (error instanceof InputFileError) return error.reason;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { 'zh-CN': `磁盘空间已满，未能保存到“${path}”。请清理磁盘或另存到其他位置。`, en: `The disk is full, so "${path}" was not saved. Free some space or save elsewhere.` };
    case READ_ONLY_FILE:
      return { 'zh-CN': `文件“${path}”是只读的，未覆盖。请在文件属性中取消“只读”后再保存，或另存为新文件。`, en: `The file "${path}" is read-only and was not overwritten. Clear its read-only mark (file properties) and save again, or save under a new name.` };
    case HARD_LINKED_FILE:
      return { 'zh-CN': `文件“${path}”还有其他名称（硬链接），替换它会使这些名称与它分离，因此未保存。请另存为新文件，或先删除其他硬链接。`, en: `The file "${path}" has other names (hard links) that a save would detach from it, so it was not saved. Save under a new name, or remove the other links first.` };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return { 'zh-CN': `没有权限写入“${path}”（文件夹只读或文件被占用）。请另存到其他位置。`, en: `"${path}" cannot be written (read-only folder or file in use). Save elsewhere.` };
    case 'ENOENT':
      return { 'zh-CN': `找不到保存位置“${path}”（U 盘或网络盘可能已断开）。请另存到其他位置。`, en: `The folder of "${path}" is not there (USB stick or network drive removed?). Save elsewhere.` };
    case 'ELOCKED':
      return { 'zh-CN': `“${path}”正在被另一个窗口或程序保存，请稍后再试。`, en: `"${path}" is being saved by another window or program; try again shortly.` };
    default:
      return { 'zh-CN': `未能保存到“${path}”（${code || String(error)}）。请另存到其他位置。`, en: `"${path}" could not be saved (${code || String(error)}). Save elsewhere.` };
  }
}
