import { z } from 'zod';

export const recentFileSchema = z.strictObject({ path: z.string().min(1), lastSavedAt: z.string() });

/** What the app remembers between runs. Never report content: only preferences and file paths. */
export const settingsSchema = z.strictObject({
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  autosaveSeconds: z.number().int().min(2).max(600).default(5),
  backupsKept: z.number().int().min(1).max(100).default(10),
  recentFiles: z.array(recentFileSchema).max(10).default([]),
});

export const settingsPatchSchema = settingsSchema.omit({ recentFiles: true }).partial();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
export type RecentFile = z.infer<typeof recentFileSchema>;
