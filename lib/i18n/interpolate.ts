import type { Locale } from '../schema/common';
import { formatNumber } from './format';

/** Values for `{name}` placeholders. Numbers are formatted for the locale (1200 → vi "1.200"). */
export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

export function interpolate(template: string, locale: Locale, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    // A missing param stays visible as "{name}": an obvious bug on screen beats a silent empty string.
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

/**
 * A message from per-locale tables, filled in. English stands in when a locale (or, in a partial
 * table, a key) is missing at runtime: types rule that out, stored data may not.
 */
export function lookup<K extends string>(
  tables: Record<Locale, Record<K, string>>,
  locale: Locale,
  key: K,
  params?: MessageParams,
): string {
  return interpolate(tables[locale]?.[key] ?? tables.en[key], locale, params);
}
