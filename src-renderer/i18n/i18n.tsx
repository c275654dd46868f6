import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { fillPlaceholders, type Locale } from '../../src-core/index.js';
import { en } from './en.js';
import { zhCN, type MessageKey } from './zh-CN.js';

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'zh-CN', t: (key, values) => fillPlaceholders(zhCN[key], values ?? {}) });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  // One value per language: a re-render of the window does not redraw every component that translates.
  const value = useMemo<I18n>(() => ({ locale, t: (key, values) => fillPlaceholders(DICTIONARIES[locale][key], values ?? {}) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function formatWhen(iso: string | null, locale: Locale): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
