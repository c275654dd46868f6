import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseReport, reportSchema, type Localized, type Report, type ReportLoadError, type Template } from '../../src-core/index.js';
import { nodeSaveIo, removeAbandonedTempFiles, writeFileAtomic, type SaveIo } from './atomicWrite.js';
import { withFileLock } from './fileLock.js';
import { InputFileError, readInputBytes, readInputText } from './readInputFile.js';
import { describeSaveError } from './saveErrors.js';

export interface BackupInfo {
  id: string;
  sourcePath: string;
  savedAt: string;
  size: number;
}

export interface RecoveryEntry {
  docId: string;
  path: string | null;
  title: string;
  savedAt: string;
  /** When the file on disk was last written; null for a report never saved or a file now missing. */
  fileSavedAt: string | null;
  newerThanFile: boolean;
}

export type OpenResult =
  /** `notes`: what reading assumed, e.g. that the file was GB18030 rather than UTF-8. */
  | { status: 'opened'; path: string; report: Report; templateId: string; notes: Localized[] }
  | { status: 'failed'; path: string; reason: Localized; code: ReportLoadError['code'] | 'io'; backup: BackupInfo | null };

export type SaveResult = { status: 'saved'; path: string; savedAt: string; report: Report } | { status: 'failed'; path: string; reason: Localized; keptInRecovery: boolean };

export interface DraftStoreOptions {
  dataDir: string;
  templates: ReadonlyMap<string, Template>;
  backupsKept?: number;
  io?: SaveIo;
  now?: () => Date;
}

const RECOVERY_VERSION = 1;

/**
 * Where reports live on disk, with the rules users rely on: atomic saves, the last versions kept
 * as backups, unsaved work kept in a recovery area, and a file that fails to load never touched.
 */
export class DraftStore {
  private readonly backupsDir: string;
  private readonly recoveryDir: string;
  private readonly io: SaveIo;
  private readonly now: () => Date;
  backupsKept: number;

  constructor(private readonly options: DraftStoreOptions) {
    this.backupsDir = join(options.dataDir, 'backups');
    this.recoveryDir = join(options.dataDir, 'recovery');
    this.io = options.io ?? nodeSaveIo;
    this.now = options.now ?? (() => new Date());
    this.backupsKept = options.backupsKept ?? 10;
  }

  /** Reads a report. Never writes: a bad file stays exactly as it was, and its newest readable backup is offered. */
  async open(path: string): Promise<OpenResult> {
    const absolute = resolve(path);
    let decoded;
    try {
      decoded = await readInputText(absolute, 'report');
    } catch (error) {
      const reason = error instanceof InputFileError ? error.reason : { 'zh-CN': `无法读取文件“${absolute}”（${String(error)}）。`, en: `The file "${absolute}" cannot be read (${String(error)}).` };
      return { status: 'failed', path: absolute, code: 'io', reason, backup: await this.newestGoodBackup(absolute) };
    }
    const result = parseReport(decoded.text, this.options.templates);
    if (result.ok) return { status: 'opened', path: absolute, report: result.report, templateId: result.template.id, notes: decoded.note ? [decoded.note] : [] };
    return { status: 'failed', path: absolute, code: result.error.code, reason: result.error.message, backup: await this.newestGoodBackup(absolute) };
  }

  /**
   * Saves atomically. The version on disk goes to the backups first; the last `backupsKept` stay.
   * When the save fails the report is written to recovery and the reason is returned in plain words.
   */
  async save(path: string, report: Report, docId: string): Promise<SaveResult> {
    const absolute = resolve(path);
    const savedAt = this.now().toISOString();
    const toWrite: Report = reportSchema.parse({ ...report, updatedAt: savedAt });
    try {
      await withFileLock(
        absolute,
        async () => {
          await this.backupExisting(absolute);
          await writeFileAtomic(absolute, `${JSON.stringify(toWrite, null, 1)}\n`, this.io);
        },
        { io: this.io },
      );
    } catch (error) {
      const kept = await this.writeRecovery(docId, absolute, report).then(
        () => true,
        () => false,
      );
      return { status: 'failed', path: absolute, reason: describeSaveError(error, absolute, kept), keptInRecovery: kept };
    }
    await this.discardRecovery(docId);
    if (docId !== documentIdFor(absolute)) await this.discardRecovery(documentIdFor(absolute));
    return { status: 'saved', path: absolute, savedAt, report: toWrite };
  }

  async listBackups(path: string): Promise<BackupInfo[]> {
    const folder = this.backupFolder(resolve(path));
    const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.drs')).sort().reverse();
    const infos: BackupInfo[] = [];
    for (const name of names) {
      const info = await stat(join(folder, name)).catch(() => undefined);
      if (info) infos.push({ id: `${basename(folder)}/${name}`, sourcePath: resolve(path), savedAt: stampOf(name), size: info.size });
    }
    return infos;
  }

  async readBackup(id: string): Promise<{ report: Report; backup: BackupInfo } | { reason: Localized }> {
    if (!/^[0-9a-f]{16}\/[\w.-]+\.drs$/.test(id)) return { reason: { 'zh-CN': '备份编号无效。', en: 'Invalid backup id.' } };
    const file = join(this.backupsDir, id);
    const source = await readSource(join(this.backupsDir, id.split('/')[0] ?? ''));
    const text = await readInputText(file, 'report').then(
      (decoded) => decoded.text,
      (error: unknown) => (error instanceof InputFileError && error.errno !== 'ENOENT' ? error : undefined),
    );
    if (text === undefined) return { reason: { 'zh-CN': '找不到该备份。', en: 'The backup is not there.' } };
    if (text instanceof InputFileError) return { reason: text.reason };
    const result = parseReport(text, this.options.templates);
    if (!result.ok) return { reason: result.error.message };
    const size = Buffer.byteLength(text);
    return { report: result.report, backup: { id, sourcePath: source, savedAt: stampOf(basename(file)), size } };
  }

  /** Unsaved work, written atomically so a crash during autosave cannot spoil the previous copy. */
  async writeRecovery(docId: string, path: string | null, report: Report): Promise<string> {
    assertDocId(docId);
    await mkdir(this.recoveryDir, { recursive: true });
    const savedAt = this.now().toISOString();
    const entry = { recoveryVersion: RECOVERY_VERSION, docId, path: path && resolve(path), savedAt, report: reportSchema.parse(report) };
    await writeFileAtomic(join(this.recoveryDir, `${docId}.json`), JSON.stringify(entry), this.io);
    return savedAt;
  }

  async listRecovery(): Promise<RecoveryEntry[]> {
    // Listed at start: the moment to clear temp files of autosaves killed before they finished.
    await removeAbandonedTempFiles(this.recoveryDir);
    const names = (await readdir(this.recoveryDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
    const entries: RecoveryEntry[] = [];
    for (const name of names) {
      const entry = await this.readRecoveryFile(join(this.recoveryDir, name));
      if (!entry) continue;
      const fileInfo = entry.path ? await stat(entry.path).catch(() => undefined) : undefined;
      const fileSavedAt = fileInfo ? fileInfo.mtime.toISOString() : null;
      entries.push({
        docId: entry.docId,
        path: entry.path,
        title: `${entry.report.meta.orgName}${entry.report.meta.year}年政府信息公开工作年度报告`,
        savedAt: entry.savedAt,
        fileSavedAt,
        newerThanFile: !fileInfo || Date.parse(entry.savedAt) > fileInfo.mtimeMs,
      });
    }
    return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async readRecovery(docId: string): Promise<{ report: Report; path: string | null; savedAt: string } | undefined> {
    assertDocId(docId);
    const entry = await this.readRecoveryFile(join(this.recoveryDir, `${docId}.json`));
    return entry && { report: entry.report, path: entry.path, savedAt: entry.savedAt };
  }

  async discardRecovery(docId: string): Promise<void> {
    assertDocId(docId);
    await rm(join(this.recoveryDir, `${docId}.json`), { force: true });
  }

  private async readRecoveryFile(file: string): Promise<{ docId: string; path: string | null; savedAt: string; report: Report } | undefined> {
    try {
      const raw = JSON.parse((await readInputText(file, 'report')).text) as { docId?: unknown; path?: unknown; savedAt?: unknown; report?: unknown };
      const report = reportSchema.safeParse(raw.report);
      if (typeof raw.docId !== 'string' || typeof raw.savedAt !== 'string' || !report.success) return undefined;
      return { docId: raw.docId, path: typeof raw.path === 'string' ? raw.path : null, savedAt: raw.savedAt, report: report.data };
    } catch {
      return undefined;
    }
  }

  private backupFolder(absolute: string): string {
    return join(this.backupsDir, pathKey(absolute));
  }

  private async backupExisting(absolute: string): Promise<void> {
    const current = await readInputBytes(absolute, 'report').catch((error: unknown) => {
      if (error instanceof InputFileError && error.errno === 'ENOENT') return undefined;
      throw error;
    });
    if (current === undefined) return;
    const folder = this.backupFolder(absolute);
    await mkdir(folder, { recursive: true });
    // Every backup has a new name, so temp files of killed backups are found only by sweeping the folder.
    await removeAbandonedTempFiles(folder);
    if ((await readSource(folder)) !== absolute) await writeFileAtomic(join(folder, 'source.txt'), absolute, this.io);
    const name = `${this.now().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.drs`;
    // The bytes as they are: a file in another encoding is kept exactly, not re-encoded.
    await writeFileAtomic(join(folder, name), current, this.io);
    const backups = (await readdir(folder)).filter((n) => n.endsWith('.drs')).sort();
    for (const old of backups.slice(0, Math.max(0, backups.length - this.backupsKept))) await rm(join(folder, old), { force: true });
  }

  private async newestGoodBackup(absolute: string): Promise<BackupInfo | null> {
    for (const backup of await this.listBackups(absolute)) {
      const read = await this.readBackup(backup.id);
      if ('report' in read) return backup;
    }
    return null;
  }
}

/** The path a backup folder belongs to, as recorded in its source.txt; '' when unknown. */
async function readSource(folder: string): Promise<string> {
  return readInputText(join(folder, 'source.txt'), 'report').then(
    (decoded) => decoded.text,
    () => '',
  );
}

/** A saved report's recovery id: stable for its path, so reopening the file finds its unsaved work. */
export function documentIdFor(absolutePath: string): string {
  return `file-${pathKey(absolutePath)}`;
}

export function newDocumentId(): string {
  return `new-${randomUUID()}`;
}

function pathKey(absolute: string): string {
  const normalized = process.platform === 'win32' ? absolute.toLowerCase() : absolute;
  return createHash('sha256').update(normalized).digest('hex').slice(0, 16);
}

function assertDocId(docId: string): void {
  if (!/^(file-[0-9a-f]{16}|new-[0-9a-f-]{36})$/.test(docId)) throw new Error(`invalid document id ${docId}`);
}

/** 2026-01-20T09-00-00-000Z-ab12cd34.drs → 2026-01-20T09:00:00.000Z */
function stampOf(name: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : name;
}
