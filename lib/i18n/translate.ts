/**
 * Looking up UI strings. Pure: the locale is always passed in (surfaces read it from Settings), so the
 * same widgets render in either language in tests and in any web page.
 */
import type * as z from 'zod/mini';
import type { Locale, Translations } from '../schema/common';
import { formatNumber } from './format';
import { en, type MessageKey } from './messages-en';
import { vi } from './messages-vi';

export type { MessageKey } from './messages-en';

/** Values for `{name}` placeholders. Numbers are formatted for the locale (1200 → vi "1.200"). */
export type MessageParams = Readonly<Record<string, string | number>>;

const TABLES: Record<Locale, Record<MessageKey, string>> = { en, vi };

type PluralBase<K> = K extends `${infer Base}.other`
  ? `${Base}.one` extends MessageKey
    ? Base
    : never
  : never;
/** Keys that come as a `.one` / `.other` pair, e.g. 'import.rowsImported'. */
export type PluralKey = PluralBase<MessageKey>;

const PLACEHOLDER = /\{(\w+)\}/g;

function interpolate(template: string, locale: Locale, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    // A missing param stays visible as "{name}": an obvious bug on screen beats a silent empty string.
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  // `?? en[key]` only matters if a stored locale is somehow neither en nor vi at runtime.
  const template = TABLES[locale]?.[key] ?? en[key];
  return interpolate(template, locale, params);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** Plural-aware lookup: `tc('en', 'import.rowsImported', 1)` → "1 row imported". `{count}` is filled in. */
export function tc(locale: Locale, base: PluralKey, count: number, params?: MessageParams): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const key = (rules.select(count) === 'one' ? `${base}.one` : `${base}.other`) as MessageKey;
  return t(locale, key, { count, ...params });
}

export type Translator = {
  (key: MessageKey, params?: MessageParams): string;
  plural: (base: PluralKey, count: number, params?: MessageParams) => string;
  locale: Locale;
};

/** A `t` bound to one locale, for a surface's model: `const tr = createTranslator('vi'); tr('action.save')`. */
export function createTranslator(locale: Locale): Translator {
  const translate = (key: MessageKey, params?: MessageParams) => t(locale, key, params);
  return Object.assign(translate, {
    plural: (base: PluralKey, count: number, params?: MessageParams) => tc(locale, base, count, params),
    locale,
  });
}

/**
 * The first of the browser's languages that Pacer has decides: ['fr', 'vi-VN', 'en'] → vi;
 * ['en-US', 'vi'] → en. Anything else (or none) → en.
 */
export function detectLocale(navigatorLanguages: readonly string[]): Locale {
  for (const tag of navigatorLanguages) {
    const lang = tag.trim().toLowerCase();
    if (lang === 'vi' || lang.startsWith('vi-') || lang.startsWith('vi_')) return 'vi';
    if (lang === 'en' || lang.startsWith('en-') || lang.startsWith('en_')) return 'en';
  }
  return 'en';
}

export type Nameable = {
  name?: string;
  title?: string;
  translations?: z.infer<typeof Translations>;
};

/** A goal's title or metric's name in the UI language when a translation exists (example data has both). */
export function localizedName(record: Nameable, locale: Locale): string {
  const translated = record.translations?.[locale]?.trim();
  if (translated) return translated;
  return record.name ?? record.title ?? '';
}
