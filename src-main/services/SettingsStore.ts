import Conf from 'conf';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Localized } from '../../src-core/index.js';
import { settingsPatchSchema, settingsSchema, type RecentFile, type Settings, type SettingsPatch } from './settingsSchema.js';

const MAX_RECENT = 10;

/**
 * Preferences and the recent-files list, stored with `conf` — the engine electron-store wraps —
 * in the app's data folder, which the main process passes in. (electron-store itself imports
 * `electron`, which services must not.) A corrupt settings file is set aside, never wiped.
 */
export class SettingsStore {
  private readonly store: Conf<Settings>;
  /** Set when the settings file was unreadable and was renamed aside at start. */
  readonly notice: Localized | undefined;

  constructor(dataDir: string, now: () => Date = () => new Date()) {
    const options = { cwd: dataDir, configName: 'settings', projectName: 'disclosure-report-studio', clearInvalidConfig: false } as const;
    let store: Conf<Settings>;
    try {
      store = new Conf<Settings>(options);
      settingsSchema.parse(store.store);
    } catch {
      const file = join(dataDir, 'settings.json');
      const aside = join(dataDir, `settings.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`);
      if (existsSync(file)) renameSync(file, aside);
      this.notice = {
        'zh-CN': `设置文件已损坏，已改名保存为 ${aside}，本次使用默认设置。`,
        en: `The settings file was damaged; it was kept as ${aside} and the defaults are used.`,
      };
      store = new Conf<Settings>(options);
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
