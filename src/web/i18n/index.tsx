/**
 * Swedish first, English second. `sv` is the source of truth for the keys; `en` must have
 * exactly the same keys (the type checker says so). Text may hold {placeholders}.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api';
import { en } from './en';
import { sv, type MessageKey } from './sv';

export type Lang = 'sv' | 'en';
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { sv, en };
const STORAGE_KEY = 'navet.lang';

function storedLang(): Lang {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'sv' || v === 'en') return v;
  } catch {
    // storage may be blocked; Swedish is the default
  }
  return 'sv';
}

export type Vars = Record<string, string | number>;

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** For keys built from data (statuses, kinds): undefined when the catalogue has none. */
  tMaybe: (key: string, vars?: Vars) => string | undefined;
  locale: string;
  formatDateTime: (iso: string | null | undefined) => string;
  formatDate: (iso: string | null | undefined) => string;
  formatNumber: (n: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => {
    const initial = storedLang();
    setApiLanguage(initial);
    return initial;
  });

  useEffect(() => {
    document.documentElement.lang = lang;
    setApiLanguage(lang);
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // not fatal: the choice just does not survive a reload
    }
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const catalogue = catalogues[lang];
    const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(locale);
    const plural = new Intl.PluralRules(locale);
    // "{count} kommuner" has a sibling "….one" for the singular; other forms use the base key.
    const pick = (key: string, vars?: Vars): string | undefined => {
      if (typeof vars?.count === 'number' && plural.select(vars.count) === 'one') {
        const one = `${key}.one`;
        if (Object.hasOwn(catalogue, one)) return catalogue[one as MessageKey];
      }
      return Object.hasOwn(catalogue, key) ? catalogue[key as MessageKey] : undefined;
    };
    const fmt = (f: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
      if (!iso) return '';
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : f.format(d);
    };
    return {
      lang,
      setLang,
      locale,
      t: (key, vars) => interpolate(pick(key, vars) ?? key, vars),
      tMaybe: (key, vars) => {
        const text = pick(key, vars);
        return text === undefined ? undefined : interpolate(text, vars);
      },
      formatDateTime: fmt(dateTime),
      formatDate: fmt(date),
      formatNumber: (n) => number.format(n),
    };
  }, [lang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export function useT(): I18n['t'] {
  return useI18n().t;
}
