import type { Locale } from '../schema/common';

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

/** The locale an extension page is in: `<html lang>`, set before first paint from lib/app/appearance-cache.ts. */
export function pageLocale(doc: Document): Locale {
  return doc.documentElement.lang === 'vi' ? 'vi' : 'en';
}
