/** Every user-facing string in the core comes in both supported languages; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export interface Localized {
  'zh-CN': string;
  en: string;
}

/** Replaces `{name}` placeholders; unknown names are left visible so a template typo shows up in review. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

export function localize(text: Localized, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  return fillPlaceholders(text[locale], values);
}
