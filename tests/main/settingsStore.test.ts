import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../src-main/services/SettingsStore.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'drs-settings-'));

describe('SettingsStore', () => {
  it('starts with the defaults and keeps changes across restarts', () => {
    const dir = tmp();
    const first = new SettingsStore(dir);
    expect(first.get()).toEqual({ locale: 'zh-CN', autosaveSeconds: 5, backupsKept: 10, recentFiles: [], defaultFacts: {}, fonts: {}, exportFolder: null });
    first.update({ locale: 'en', autosaveSeconds: 30 });
    first.rememberFile('/a/报告.drs', '2026-01-20T00:00:00.000Z');
    const second = new SettingsStore(dir);
    expect(second.get()).toMatchObject({ locale: 'en', autosaveSeconds: 30, recentFiles: [{ path: '/a/报告.drs' }] });
    expect(second.notice).toBeUndefined();
  });

  it('a change names only what it changes: switching the language keeps every other preference', () => {
    const store = new SettingsStore(tmp());
    const chosen = { autosaveSeconds: 30, backupsKept: 50, defaultFacts: { orgName: '丙县司法局', phone: '0839-1234567' }, fonts: { fangsong: 'Noto Sans SC' }, exportFolder: '/srv/导出' };
    store.update(chosen);
    store.rememberFile('/a/报告.drs', '2026-01-20T00:00:00.000Z');
    const before = store.get();
    expect(store.update({ locale: 'en' })).toEqual({ ...before, locale: 'en' });
    // A field sent as undefined is a field not named, not a reset.
    expect(store.update({ backupsKept: undefined, exportFolder: null })).toEqual({ ...before, locale: 'en', exportFolder: null });
  });

  it('refuses invalid values and stores nothing of them', () => {
    const store = new SettingsStore(tmp());
    expect(() => store.update({ autosaveSeconds: 0 })).toThrow();
    expect(() => store.update({ locale: 'fr' as 'en' })).toThrow();
    expect(() => store.update({ backupsKept: 1000 })).toThrow();
    expect(() => store.update({ defaultFacts: { unitType: 'ministry' as 'other' } })).toThrow();
    expect(() => store.update({ fonts: { fangsong: '' } })).toThrow();
    expect(store.get()).toMatchObject({ locale: 'zh-CN', autosaveSeconds: 5, backupsKept: 10 });
  });

  it('keeps the ten most recent files, newest first, without duplicates', () => {
    const store = new SettingsStore(tmp());
    for (let i = 0; i < 12; i++) store.rememberFile(`/r/${i}.drs`, `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`);
    store.rememberFile('/r/5.drs', '2026-02-01T00:00:00Z');
    const paths = store.get().recentFiles.map((f) => f.path);
    expect(paths).toHaveLength(10);
    expect(paths[0]).toBe('/r/5.drs');
    expect(new Set(paths).size).toBe(10);
  });

  it('sets a corrupt settings file aside, keeps it, and starts with the defaults and a notice', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'settings.json'), '{"locale": "en", broken');
    const store = new SettingsStore(dir, () => new Date('2026-01-05T00:00:00Z'));
    expect(store.get().locale).toBe('zh-CN');
    expect(store.notice?.['zh-CN']).toContain('设置文件已损坏');
    const aside = readdirSync(dir).find((n) => n.startsWith('settings.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"locale": "en", broken');
    store.update({ locale: 'en' });
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
  });

  it('sets aside a settings file with valid JSON but invalid values', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ locale: 'klingon', autosaveSeconds: -1 }));
    const store = new SettingsStore(dir);
    expect(store.get().locale).toBe('zh-CN');
    expect(store.notice).toBeDefined();
  });
});

describe('SettingsStore on a read-only data folder', () => {
  const readOnly = () => {
    throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
  };

  it('starts with a corrupt settings file it cannot set aside: defaults in memory and a notice that changes are not kept', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'settings.json'), '{"locale": "en", broken');
    const store = new SettingsStore(dir, () => new Date('2026-01-05T00:00:00Z'), readOnly);
    expect(store.get().locale).toBe('zh-CN');
    expect(store.notice?.['zh-CN']).toContain('修改不会被保存');
    expect(store.notice?.en).toContain('changes to the settings will not be kept');
    expect(store.notice?.en).toContain('EROFS');
    // Changes work for this run and touch nothing on disk.
    store.update({ locale: 'en' });
    store.rememberFile('/a/报告.drs', '2026-01-20T00:00:00.000Z');
    expect(store.get()).toMatchObject({ locale: 'en', recentFiles: [{ path: '/a/报告.drs' }] });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{"locale": "en", broken');
  });
});
