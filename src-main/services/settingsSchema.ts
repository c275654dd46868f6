import { z } from 'zod';
import { reportMetaSchema } from '../../src-core/index.js';

export const recentFileSchema = z.strictObject({ path: z.string().min(1), lastSavedAt: z.string() });

/** What the app remembers between runs. Never report content: only preferences and file paths. */
const fontChoice = z.string().trim().min(1).max(500);

/** The facts of the user's organisation, pre-filled into every new report. */
export const defaultFactsSchema = reportMetaSchema.omit({ year: true, signatureDate: true }).partial();

/** Each setting's rule, without its default: a change is checked against these. */
const settingFields = {
  locale: z.enum(['zh-CN', 'en']),
  autosaveSeconds: z.number().int().min(2).max(600),
  backupsKept: z.number().int().min(1).max(100),
  recentFiles: z.array(recentFileSchema).max(10),
  defaultFacts: defaultFactsSchema,
  /** A font family or font file per export role; an absent role uses the default order. */
  fonts: z.strictObject({ xiaobiaosong: fontChoice, hei: fontChoice, kai: fontChoice, fangsong: fontChoice, song: fontChoice }).partial(),
  exportFolder: z.string().max(4096).nullable(),
};

export const settingsSchema = z.strictObject({
  locale: settingFields.locale.default('zh-CN'),
  autosaveSeconds: settingFields.autosaveSeconds.default(5),
  backupsKept: settingFields.backupsKept.default(10),
  recentFiles: settingFields.recentFiles.default([]),
  defaultFacts: settingFields.defaultFacts.default({}),
  fonts: settingFields.fonts.default({}),
  exportFolder: settingFields.exportFolder.default(null),
});

/** A change names only what it changes. No defaults here: a field left out stays as it is. */
export const settingsPatchSchema = z.strictObject(settingFields).omit({ recentFiles: true }).partial();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
export type RecentFile = z.infer<typeof recentFileSchema>;
