import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src-core/index.js';
import { nodeSaveIo, type SaveIo } from '../../src-main/services/atomicWrite.js';
import { DraftStore, documentIdFor, newDocumentId } from '../../src-main/services/DraftStore.js';
import { loadTemplateLibrary } from '../../src-main/services/TemplateLibrary.js';
import { ROOT, SAMPLE_FILES, sample, templates, TEMPLATES_DIR, unusableReportFiles } from '../helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'drs-store-'));

function clock(start = Date.parse('2026-01-20T08:00:00Z')) {
  let t = start;
  return () => new Date((t += 1000));
}

function store(dataDir = tmp(), extra: Partial<ConstructorParameters<typeof DraftStore>[0]> = {}) {
  return new DraftStore({ dataDir, templates, now: clock(), ...extra });
}

function withOrg(name: string): Report {
  const r = sample('gov-2021');
  r.meta.orgName = name;
  return r;
}

describe('DraftStore', () => {
  it('saves, reopens the same report and stamps updatedAt', async () => {
    const s = store();
    const file = join(tmp(), '报告.drs');
    const saved = await s.save(file, withOrg('甲局'), documentIdFor(file));
    expect(saved.status).toBe('saved');
    const opened = await s.open(file);
    expect(opened.status === 'opened' && opened.report.meta.orgName).toBe('甲局');
    expect(opened.status === 'opened' && opened.report.updatedAt).toBe(saved.status === 'saved' ? saved.savedAt : '');
  });

  it('keeps the previous versions as backups, the last 10 by default', async () => {
    const s = store();
    const file = join(tmp(), 'r.drs');
    for (let i = 1; i <= 13; i++) await s.save(file, withOrg(`第${i}版`), documentIdFor(file));
    const backups = await s.listBackups(file);
    expect(backups).toHaveLength(10);
    // newest first: the version before the current one, down to version 3
    const names = [];
    for (const b of backups) {
      const read = await s.readBackup(b.id);
      names.push('report' in read ? read.report.meta.orgName : 'unreadable');
    }
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `第${12 - i}版`));
    s.backupsKept = 3;
    await s.save(file, withOrg('第14版'), documentIdFor(file));
    expect(await s.listBackups(file)).toHaveLength(3);
  });

  it('never changes a file that fails to load, and offers its newest good backup', async () => {
    const s = store();
    const file = join(tmp(), 'r.drs');
    await s.save(file, withOrg('第1版'), documentIdFor(file));
    await s.save(file, withOrg('第2版'), documentIdFor(file));
    const broken = readFileSync(file, 'utf8').slice(0, 300);
    writeFileSync(file, broken);
    const mtime = statSync(file).mtimeMs;
    const opened = await s.open(file);
    expect(opened.status).toBe('failed');
    if (opened.status !== 'failed') return;
    expect(opened.reason['zh-CN']).toContain('不完整');
    expect(opened.backup).not.toBeNull();
    const backup = await s.readBackup(opened.backup!.id);
    expect('report' in backup && backup.report.meta.orgName).toBe('第1版');
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('a report whose format file is broken fails to open with that said, not as an unexpected error', async () => {
    const formats = tmp();
    cpSync(TEMPLATES_DIR, formats, { recursive: true });
    writeFileSync(join(formats, 'gov-2021.json'), '{"id": "gov-2021"}');
    const s = new DraftStore({ dataDir: tmp(), templates: loadTemplateLibrary(formats), now: clock() });
    const opened = await s.open(SAMPLE_FILES['gov-2021']!);
    expect(opened.status).toBe('failed');
    if (opened.status !== 'failed') return;
    expect(opened.code).toBe('template');
    expect(opened.reason['zh-CN']).toContain('格式文件有误');
    expect(opened.reason.en).toContain('gov-2021.json');
  });

  it('does not touch a file written by a newer version of the program', async () => {
    const file = join(tmp(), 'new.drs');
    const text = JSON.stringify({ ...sample('gov-2021'), schemaVersion: 99 });
    writeFileSync(file, text);
    const opened = await store().open(file);
    expect(opened.status === 'failed' && opened.reason['zh-CN']).toContain('更新版本');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('keeps unsaved work in recovery, says when it is newer than the file, and clears it on a clean save', async () => {
    const dataDir = tmp();
    const file = join(tmp(), 'r.drs');
    const id = documentIdFor(file);
    const realClock = new DraftStore({ dataDir, templates });
    await realClock.save(file, withOrg('已保存'), id);
    // the recovery copy is written after the file, as autosave does
    await new Promise((r) => setTimeout(r, 20));
    await realClock.writeRecovery(id, file, withOrg('未保存的修改'));
    const untitled = newDocumentId();
    await realClock.writeRecovery(untitled, null, withOrg('新报告'));
    const entries = await realClock.listRecovery();
    expect(entries.map((e) => [e.docId, e.newerThanFile, e.path])).toEqual(
      expect.arrayContaining([
        [id, true, file],
        [untitled, true, null],
      ]),
    );
    const restored = await realClock.readRecovery(id);
    expect(restored?.report.meta.orgName).toBe('未保存的修改');
    await realClock.save(file, withOrg('已保存2'), id);
    expect((await realClock.listRecovery()).map((e) => e.docId)).toEqual([untitled]);
  });

  it('on a full disk or a read-only folder: a clear message, the old file intact, the work kept in recovery', async () => {
    for (const code of ['ENOSPC', 'EROFS']) {
      const dataDir = tmp();
      const file = join(tmp(), 'r.drs');
      await store(dataDir).save(file, withOrg('旧'), documentIdFor(file));
      const before = readFileSync(file, 'utf8');
      const failing: SaveIo = {
        ...nodeSaveIo,
        open: async (path, flags) => {
          if (path.includes('r.drs.')) throw Object.assign(new Error(code), { code });
          return nodeSaveIo.open(path, flags);
        },
      };
      const s = store(dataDir, { io: failing });
      const result = await s.save(file, withOrg('新'), documentIdFor(file));
      expect(result.status).toBe('failed');
      if (result.status !== 'failed') continue;
      expect(result.reason['zh-CN']).toContain(code === 'ENOSPC' ? '磁盘空间已满' : '没有权限写入');
      expect(result.reason['zh-CN']).toContain('不会丢失');
      expect(result.keptInRecovery).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect((await s.readRecovery(documentIdFor(file)))?.report.meta.orgName).toBe('新');
    }
  });

  it('a rename refused on Windows (EPERM, antivirus) is retried, elsewhere it fails at once', async () => {
    const { writeFileAtomic } = await import('../../src-main/services/atomicWrite.js');
    const target = join(tmp(), 'x.drs');
    let refusals = 2;
    const flaky: SaveIo = {
      ...nodeSaveIo,
      rename: async (from, to) => {
        if (refusals-- > 0) throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
        return nodeSaveIo.rename(from, to);
      },
    };
    await writeFileAtomic(target, 'windows', flaky, 'win32');
    expect(readFileSync(target, 'utf8')).toBe('windows');
    refusals = 1;
    await expect(writeFileAtomic(target, 'linux', flaky, 'linux')).rejects.toThrow('EPERM');
    expect(readFileSync(target, 'utf8')).toBe('windows');
    expect(readdirSync(join(target, '..')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('saves of one file from two windows never interleave: each backup is a whole earlier version', async () => {
    const dataDir = tmp();
    const file = join(tmp(), 'r.drs');
    const a = store(dataDir);
    const b = store(dataDir);
    await a.save(file, withOrg('起始'), documentIdFor(file));
    a.backupsKept = b.backupsKept = 100;
    const names = Array.from({ length: 16 }, (_, i) => `窗口${i % 2 ? '乙' : '甲'}第${i}次`);
    const results = await Promise.all(names.map((n, i) => (i % 2 ? b : a).save(file, withOrg(n), documentIdFor(file))));
    expect(results.every((r) => r.status === 'saved')).toBe(true);
    const final = await a.open(file);
    expect(final.status === 'opened' && names.includes(final.report.meta.orgName)).toBe(true);
    const backups = await a.listBackups(file);
    expect(backups).toHaveLength(16);
    for (const backup of backups) expect('report' in (await a.readBackup(backup.id))).toBe(true);
  });

  it('saves of one file from two processes never interleave', async () => {
    const dir = tmp();
    const file = join(dir, 'shared.drs');
    const first = join(dir, 'a.json');
    const second = join(dir, 'b.json');
    writeFileSync(first, JSON.stringify(withOrg('进程一')));
    writeFileSync(second, JSON.stringify(withOrg('进程二')));
    const run = (args: string[]) =>
      new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'tests/fixtures/saveLoop.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.once('data', () => setTimeout(() => child.kill('SIGTERM'), 700));
        child.on('exit', () => resolve());
      });
    await Promise.all([run([join(dir, 'data'), file, first, second]), run([join(dir, 'data'), file, second, first])]);
    const opened = await store(join(dir, 'data')).open(file);
    expect(opened.status === 'opened' && ['进程一', '进程二'].includes(opened.report.meta.orgName)).toBe(true);
    const backups = await store(join(dir, 'data')).listBackups(file);
    expect(backups.length).toBeGreaterThan(0);
    for (const backup of backups) expect('report' in (await store(join(dir, 'data')).readBackup(backup.id))).toBe(true);
  });

  it('refuses malformed ids for recovery and backups', async () => {
    const s = store();
    await expect(s.writeRecovery('../../etc/passwd', null, sample('gov-2021'))).rejects.toThrow(/invalid document id/);
    expect(await s.readBackup('../../secret.drs')).toEqual({ reason: expect.objectContaining({ en: 'Invalid backup id.' }) });
  });

  it('a report in a read-only folder still opens (reading never needs write access)', async () => {
    const dir = tmp();
    const file = join(dir, 'r.drs');
    await store().save(file, withOrg('只读'), documentIdFor(file));
    chmodSync(dir, 0o555);
    try {
      const opened = await store().open(file);
      expect(opened.status).toBe('opened');
      expect(existsSync(`${file}.lock`)).toBe(false);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});


/** The pid of a process that has exited: what a temp file of a killed save carries. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  if (!pid) throw new Error('no child pid');
  return pid;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms))]);
}

describe('DraftStore: what it reads', () => {
  it('refuses a FIFO at once, and four of them do not starve a concurrent save', async () => {
    const dir = tmp();
    const fifos = Array.from({ length: 4 }, (_, i) => join(dir, `pipe${i}.drs`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    const s = store();
    const file = join(dir, 'normal.drs');
    const [opened, saved] = await within(Promise.all([Promise.all(fifos.map((f) => s.open(f))), s.save(file, withOrg('照常保存'), documentIdFor(file))]), 5_000, 'opening FIFOs and saving');
    for (const result of opened) {
      expect(result.status).toBe('failed');
      expect(result.status === 'failed' && result.reason['zh-CN']).toContain('不是普通文件');
      expect(result.status === 'failed' && result.reason.en).toContain('pipe (FIFO)');
    }
    expect(saved.status).toBe('saved');
  }, 10_000);

  it('refuses a link to /dev/zero, a folder and an oversized file, naming size and limit', async () => {
    const { zero, folder, big } = unusableReportFiles(tmp());
    const s = store();
    const started = Date.now();
    const [device, directory, oversized] = await Promise.all([s.open(zero), s.open(folder), s.open(big)]);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(device.status === 'failed' && device.reason.en).toContain('a device, not a regular file');
    expect(directory.status === 'failed' && directory.reason['zh-CN']).toContain('是文件夹');
    expect(oversized.status === 'failed' && oversized.reason.en).toContain('too large (21.0 MiB; the limit is 20.0 MiB)');
    expect(oversized.status === 'failed' && oversized.reason['zh-CN']).toContain('超过上限 20.0 MiB');
  });

  it('reads a GB18030 report correctly and says so; UTF-8 with a BOM and UTF-16 with a BOM open too', async () => {
    const text = readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8');
    const dir = tmp();
    const files = {
      gb18030: iconv.encode(text, 'gb18030'),
      utf8bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      utf16le: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      utf16be: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const file = join(dir, `${name}.drs`);
      writeFileSync(file, bytes);
      const opened = await store().open(file);
      expect(opened.status === 'opened' ? opened.report.meta.orgName : opened.reason.en, name).toBe('青川县公安局');
      const notes = opened.status === 'opened' ? opened.notes.map((n) => n['zh-CN']).join() : '';
      if (name === 'gb18030') expect(notes).toContain('GB18030');
      else if (name === 'utf8bom') expect(notes).toBe('');
      else expect(notes).toContain('UTF-16');
    }
  });

  it('refuses invalid UTF-8 and UTF-32 naming the encoding, never reading with replacement characters', async () => {
    const text = readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8');
    const dir = tmp();
    const latin1 = join(dir, 'latin1.drs');
    // A report whose name was typed in a Western code page: not UTF-8, not Chinese.
    writeFileSync(latin1, Buffer.from(text.replace('青川县公安局', 'Polícia Municipal de Évora, São Brás e Olhão'), 'latin1'));
    const utf32 = join(dir, 'utf32.drs');
    writeFileSync(utf32, iconv.encode(text, 'utf32le', { addBOM: true }));
    const s = store();
    const western = await s.open(latin1);
    expect(western.status).toBe('failed');
    expect(western.status === 'failed' && western.reason.en).toMatch(/encoded in (ISO-8859-1|windows-1252)/);
    const wide = await s.open(utf32);
    expect(wide.status === 'failed' && wide.reason['zh-CN']).toContain('编码是 UTF-32');
    expect(wide.status === 'failed' && wide.reason['zh-CN']).not.toContain('不完整');
  });
});

describe('DraftStore: a saved file keeps its identity', () => {
  it('keeps the mode of the file (0600 stays 0600)', async () => {
    const file = join(tmp(), 'private.drs');
    const s = store();
    await s.save(file, withOrg('第1版'), documentIdFor(file));
    chmodSync(file, 0o600);
    expect((await s.save(file, withOrg('第2版'), documentIdFor(file))).status).toBe('saved');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes through a symlink to its target, atomically, and the link stays a link', async () => {
    const real = join(tmp(), 'real.drs');
    const link = join(tmp(), 'link.drs');
    const s = store();
    await s.save(real, withOrg('原件'), documentIdFor(real));
    symlinkSync(real, link);
    expect((await s.save(link, withOrg('经链接保存'), documentIdFor(link))).status).toBe('saved');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const opened = await s.open(real);
    expect(opened.status === 'opened' && opened.report.meta.orgName).toBe('经链接保存');
    expect(readdirSync(join(real, '..')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to save over a hard-linked file, which a rename would detach, and keeps the work in recovery', async () => {
    const dir = tmp();
    const file = join(dir, 'r.drs');
    const other = join(dir, 'same-file.drs');
    const s = store();
    await s.save(file, withOrg('旧'), documentIdFor(file));
    linkSync(file, other);
    const before = readFileSync(file, 'utf8');
    const result = await s.save(file, withOrg('新'), documentIdFor(file));
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.reason['zh-CN']).toContain('硬链接');
    expect(result.status === 'failed' && result.keptInRecovery).toBe(true);
    expect(readFileSync(other, 'utf8')).toBe(before);
    expect(statSync(file).ino).toBe(statSync(other).ino);
  });

  it('refuses to overwrite a read-only file, naming it and the fix', async () => {
    const file = join(tmp(), 'r.drs');
    const s = store();
    await s.save(file, withOrg('旧'), documentIdFor(file));
    chmodSync(file, 0o444);
    const before = readFileSync(file, 'utf8');
    const result = await s.save(file, withOrg('新'), documentIdFor(file));
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.reason['zh-CN']).toContain(`文件“${file}”是只读的`);
    expect(result.status === 'failed' && result.reason.en).toContain('Clear its read-only mark');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });
});

describe('DraftStore: long file names', () => {
  it('saves a report whose name takes nearly all of the 255 bytes (its temp and lock files are named to fit)', async () => {
    const name = `${'某'.repeat(82)}.drs`;
    expect(Buffer.byteLength(name)).toBe(250);
    const file = join(tmp(), name);
    const s = store();
    expect((await s.save(file, withOrg('第1版'), documentIdFor(file))).status).toBe('saved');
    const second = await s.save(file, withOrg('第2版'), documentIdFor(file));
    expect(second.status === 'failed' ? second.reason.en : second.status).toBe('saved');
    expect(readdirSync(join(file, '..'))).toEqual([name]);
  });
});

describe('DraftStore: a full disk and interrupted writes', () => {
  /** A disk with no space left: files can be created, but no byte can be written. Records every handle. */
  function fullDisk() {
    const handles: { path: string; closed: boolean }[] = [];
    const io: SaveIo = {
      ...nodeSaveIo,
      open: async (path, flags) => {
        const real = await nodeSaveIo.open(path, flags);
        const record = { path, closed: false };
        handles.push(record);
        const noSpace = async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        };
        return new Proxy(real, {
          get(target, key) {
            if (key === 'writeFile' || key === 'write') return noSpace;
            if (key === 'close') return () => real.close().then(() => void (record.closed = true));
            const value = Reflect.get(target, key) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        }) as FileHandle;
      },
    };
    return { io, handles };
  }

  it('when recovery cannot be written either, says so instead of "kept safe"; leaves no lock and no open descriptor', async () => {
    const dataDir = tmp();
    const dir = tmp();
    const file = join(dir, 'r.drs');
    await store(dataDir).save(file, withOrg('旧'), documentIdFor(file));
    const before = readFileSync(file, 'utf8');
    const disk = fullDisk();
    const result = await store(dataDir, { io: disk.io }).save(file, withOrg('新'), documentIdFor(file));
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.keptInRecovery).toBe(false);
    expect(result.reason['zh-CN']).toContain('磁盘空间已满');
    expect(result.reason['zh-CN']).not.toContain('不会丢失');
    expect(result.reason['zh-CN']).toContain('未能暂存');
    expect(result.reason.en).not.toContain('kept safe');
    expect(readdirSync(dir).sort()).toEqual(['r.drs']);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(disk.handles.length).toBeGreaterThan(0);
    expect(disk.handles.filter((h) => !h.closed).map((h) => h.path)).toEqual([]);
  });

  it('removes temp files of killed backup and recovery writes, and writes source.txt atomically', async () => {
    const dataDir = tmp();
    const file = join(tmp(), 'r.drs');
    const renamedTo: string[] = [];
    const io: SaveIo = { ...nodeSaveIo, rename: async (from, to) => (renamedTo.push(to), nodeSaveIo.rename(from, to)) };
    const s = store(dataDir, { io });
    await s.save(file, withOrg('第1版'), documentIdFor(file));
    await s.save(file, withOrg('第2版'), documentIdFor(file));
    const backupFolder = join(dataDir, 'backups', readdirSync(join(dataDir, 'backups'))[0]!);
    expect(renamedTo).toContain(join(backupFolder, 'source.txt'));
    // What killed writes leave: a half-written backup and a half-written autosave, by a process now gone.
    const pid = deadPid();
    const backupDebris = join(backupFolder, `.2026-01-20T08-00-09-000Z-0badf00d.drs.${pid}.0123abcd.tmp`);
    const recoveryDebris = join(dataDir, 'recovery', `.${newDocumentId()}.json.${pid}.89abcdef.tmp`);
    mkdirSync(join(dataDir, 'recovery'), { recursive: true });
    writeFileSync(backupDebris, '{"half":');
    writeFileSync(recoveryDebris, '{"half":');
    // A temp file of a write still in progress (this process) is left alone.
    const inProgress = join(backupFolder, `.2026-01-20T08-00-10-000Z-0badf00d.drs.${process.pid}.0123abcd.tmp`);
    writeFileSync(inProgress, '{"writing":');
    writeFileSync(join(backupFolder, 'source.txt'), '');
    await s.save(file, withOrg('第3版'), documentIdFor(file));
    expect(existsSync(backupDebris)).toBe(false);
    expect(existsSync(inProgress)).toBe(true);
    expect(readFileSync(join(backupFolder, 'source.txt'), 'utf8')).toBe(file);
    await s.listRecovery();
    expect(existsSync(recoveryDebris)).toBe(false);
  });
});
