import { z } from 'zod';
import { reportMetaSchema } from '../../src-core/index.js';

export const recentFileSchema = z.strictObject({ path: z.string().min(1), lastSavedAt: z.string() });

/** What the app remembers between runs. Never report content: only preferences and file paths. */
const fontChoice = z.string().trim().min(1).max(500);

/** The facts of the user's organisation, pre-filled into every new report. */
export const defaultFactsSchema = reportMetaSchema.omit({ year: true, signatureDate: true }).partial();

export const settingsSchema = z.strictObject({
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  autosaveSeconds: z.number().int().min(2).max(600).default(5),
  backupsKept: z.number().int().min(1).max(100).default(10),
  recentFiles: z.array(recentFileSchema).max(10).default([]),
  defaultFacts: defaultFactsSchema.default({}),
  /** A font family or font file per export role; an absent role uses the default order. */
  fonts: z.strictObject({ xiaobiaosong: fontChoice, hei: fontChoice, kai: fontChoice, fangsong: fontChoice, song: fontChoice }).partial().default({}),
  exportFolder: z.string().max(4096).nullable().default(null),
});

export const settingsPatchSchema = settingsSchema.omit({ recentFiles: true }).partial();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
export type RecentFile = z.infer<typeof recentFileSchema>;
