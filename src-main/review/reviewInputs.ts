import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Locale } from '../../src-core/index.js';
import type { UnreadableFile } from './reviewSummary.js';

/** A review office's folder holds a year's reports of a county or city: a few hundred at most. */
export const REVIEW_FILE_LIMIT = 500;

export interface ReviewInputs {
  /** Absolute paths, in the order they will be reviewed. */
  files: string[];
  unreadable: UnreadableFile[];
  /** Files past the limit, not reviewed. */
  notReviewed: number;
  notices: string[];
}

/** Hidden files, and the lock files Word and WPS leave beside an open document (~$报告.docx). */
const isHidden = (name: string) => name.startsWith('.') || name.startsWith('~$');

const byName = new Intl.Collator('zh-CN', { numeric: true });

const MESSAGES = {
  missing: (file: string, code: string) => ({
    'zh-CN': `无法打开“${file}”（${code}）。请确认文件或文件夹存在并有读取权限。`,
    en: `"${file}" cannot be opened (${code}). Check that the file or folder exists and can be read.`,
  }),
  emptyFolder: (folder: string) => ({
    'zh-CN': `文件夹“${folder}”中没有可审查的文件（隐藏文件和子文件夹不审查）。`,
    en: `The folder "${folder}" holds no file to review (hidden files and subfolders are not reviewed).`,
  }),
  subfolders: (folder: string, n: number) => ({
    'zh-CN': `文件夹“${folder}”中的 ${n} 个子文件夹未审查：审查只读取所选文件夹本身中的文件，子文件夹请另行选择。`,
    en: `${n} subfolder(s) of "${folder}" were not reviewed: a review reads the files in the chosen folder itself; choose subfolders separately.`,
  }),
  overLimit: (limit: number, more: number) => ({
    'zh-CN': `一次最多审查 ${limit} 个文件，另有 ${more} 个文件未审查。请分批选择（例如按子文件夹）。`,
    en: `A review reads at most ${limit} files; ${more} more file(s) were not reviewed. Review them in batches (for example folder by folder).`,
  }),
};

/**
 * The files a review reads: each named file, and the files directly inside each named folder
 * (not its subfolders, whose reports are often drafts or attachments), hidden files left out,
 * sorted by name as a file manager shows them, each file once, at most `limit` of them.
 */
export async function expandReviewInputs(inputs: readonly string[], locale: Locale, limit = REVIEW_FILE_LIMIT): Promise<ReviewInputs> {
  const files: string[] = [];
  const seen = new Set<string>();
  const unreadable: UnreadableFile[] = [];
  const notices: string[] = [];
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  for (const input of inputs) {
    const path = resolve(input);
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (error) {
      unreadable.push({ file: path, fileName: basename(path), message: MESSAGES.missing(input, (error as NodeJS.ErrnoException).code ?? String(error))[locale] });
      continue;
    }
    if (!isFolder) {
      add(path);
      continue;
    }
    const inside: string[] = [];
    let subfolders = 0;
    try {
      for (const entry of await readdir(path, { withFileTypes: true })) {
        if (isHidden(entry.name)) continue;
        const child = join(path, entry.name);
        // A link is followed once, to see whether it names a file or a folder.
        const kind = entry.isSymbolicLink() ? await stat(child).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => 'file') : entry.isDirectory() ? 'folder' : 'file';
        if (kind === 'folder') subfolders++;
        else inside.push(child);
      }
    } catch (error) {
      unreadable.push({ file: path, fileName: basename(path), message: MESSAGES.missing(input, (error as NodeJS.ErrnoException).code ?? String(error))[locale] });
      continue;
    }
    if (inside.length === 0) unreadable.push({ file: path, fileName: basename(path), message: MESSAGES.emptyFolder(input)[locale] });
    if (subfolders > 0) notices.push(MESSAGES.subfolders(input, subfolders)[locale]);
    inside.sort((a, b) => byName.compare(basename(a), basename(b))).forEach(add);
  }
  const notReviewed = Math.max(0, files.length - limit);
  if (notReviewed > 0) notices.push(MESSAGES.overLimit(limit, notReviewed)[locale]);
  return { files: files.slice(0, limit), unreadable, notReviewed, notices };
}
