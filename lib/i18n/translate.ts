/**
 * Looking up UI strings. Pure: the locale is always passed in (surfaces read it from Settings), so the
 * same widgets render in either language in tests and in any web page.
 */
import type * as z from 'zod/mini';
import type { Locale, Translations } from '../schema/common';
import { lookup, type MessageParams } from './interpolate';
import { en, type MessageKey } from './messages-en';
import { vi } from './messages-vi';

export { detectLocale } from './detect-locale';
export type { MessageParams } from './interpolate';
export type { MessageKey } from './messages-en';

const TABLES: Record<Locale, Record<MessageKey, string>> = { en, vi };

type PluralBase<K> = K extends `${infer Base}.other`
  ? `${Base}.one` extends MessageKey
    ? Base
    : never
  : never;
/** Keys that come as a `.one` / `.other` pair, e.g. 'import.rowsImported'. */
export type PluralKey = PluralBase<MessageKey>;

export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return lookup(TABLES, locale, key, params);
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
