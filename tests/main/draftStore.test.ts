import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src-core/index.js';
import { nodeSaveIo, type SaveIo } from '../../src-main/services/atomicWrite.js';
import { DraftStore, documentIdFor, newDocumentId } from '../../src-main/services/DraftStore.js';
import { ROOT, sample, templates } from '../helpers.js';

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

