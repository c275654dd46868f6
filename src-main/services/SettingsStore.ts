import Conf from 'conf';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Localized } from '../../src-core/index.js';
import { settingsPatchSchema, settingsSchema, type RecentFile, type Settings, type SettingsPatch } from './settingsSchema.js';

const MAX_RECENT = 10;

/** The part of `conf` the store uses, so settings can also live in memory only. */
type SettingsBacking = Pick<Conf<Settings>, 'store'> & { set<K extends keyof Settings>(key: K, value: Settings[K]): void };

/** Settings for this run only: the data folder cannot be written (read-only disk or folder). */
class InMemorySettings implements SettingsBacking {
  store: Settings = settingsSchema.parse({});
  set<K extends keyof Settings>(key: K, value: Settings[K]): void {
    this.store = { ...this.store, [key]: value };
  }
}

/**
 * Preferences and the recent-files list, stored with `conf` — the engine electron-store wraps —
 * in the app's data folder, which the main process passes in. (electron-store itself imports
 * `electron`, which services must not.) A corrupt settings file is set aside, never wiped.
 */
export class SettingsStore {
  private readonly store: SettingsBacking;
  /** Set when the settings file was unreadable and was renamed aside at start, or could not be kept at all. */
  readonly notice: Localized | undefined;

  /** `setAside` renames the damaged file; tests pass one that fails as on a read-only disk. */
  constructor(dataDir: string, now: () => Date = () => new Date(), setAside: (from: string, to: string) => void = renameSync) {
    const options = { cwd: dataDir, configName: 'settings', projectName: 'disclosure-report-studio', clearInvalidConfig: false } as const;
    let store: SettingsBacking;
    try {
      store = new Conf<Settings>(options);
      settingsSchema.parse(store.store);
    } catch {
      const file = join(dataDir, 'settings.json');
      const aside = join(dataDir, `settings.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`);
      try {
        if (existsSync(file)) setAside(file, aside);
        store = new Conf<Settings>(options);
        this.notice = {
          'zh-CN': `设置文件已损坏，已改名保存为 ${aside}，本次使用默认设置。`,
          en: `The settings file was damaged; it was kept as ${aside} and the defaults are used.`,
        };
      } catch (error) {
        // The app still starts: defaults in memory, and the user is told nothing will be kept.
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        store = new InMemorySettings();
        this.notice = {
          'zh-CN': `设置文件“${file}”已损坏，且数据文件夹“${dataDir}”无法写入（${code}）。本次使用默认设置，对设置的修改不会被保存。请检查该文件夹的权限或磁盘是否只读。`,
          en: `The settings file "${file}" is damaged and the data folder "${dataDir}" cannot be written (${code}). The defaults are used for this run; changes to the settings will not be kept. Check the folder's permissions or whether the disk is read-only.`,
        };
      }
    }
    this.store = store;
  }

  get(): Settings {
    return settingsSchema.parse(this.store.store);
  }

  /** Applies a validated change to the fields it names, and only to them; an invalid value throws and nothing is stored. */
  update(patch: SettingsPatch): Settings {
    const named = Object.entries(settingsPatchSchema.parse(patch)).filter(([, value]) => value !== undefined);
    const next = settingsSchema.parse({ ...this.get(), ...Object.fromEntries(named) });
    this.store.store = next;
    return next;
  }

  rememberFile(path: string, lastSavedAt: string): RecentFile[] {
    const recentFiles = [{ path, lastSavedAt }, ...this.get().recentFiles.filter((f) => f.path !== path)].slice(0, MAX_RECENT);
    this.store.set('recentFiles', recentFiles);
    return recentFiles;
  }

  forgetFile(path: string): void {
    this.store.set(
      'recentFiles',
      this.get().recentFiles.filter((f) => f.path !== path),
    );
  }
}
