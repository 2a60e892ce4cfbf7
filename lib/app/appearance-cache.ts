import type { Locale } from '../schema/common';

// Theme and language mirrored to localStorage, so an extension page can paint in the user's theme and
// language before IndexedDB answers. Written by components/app/session.ts whenever settings change;
// read before first paint by /theme-boot.js (entrypoints/theme-boot.ts) and the popup's shell.

export const THEME_CACHE_KEY = 'pacer:theme';
export const LOCALE_CACHE_KEY = 'pacer:locale';

export type CachedAppearance = { theme: 'light' | 'dark' | null; locale: Locale | null };

/** What the cache holds; anything unexpected (or storage disabled) reads as "not set". */
export function readCachedAppearance(storage: Pick<Storage, 'getItem'>): CachedAppearance {
  try {
    const t = storage.getItem(THEME_CACHE_KEY);
    const l = storage.getItem(LOCALE_CACHE_KEY);
    return {
      theme: t === 'light' || t === 'dark' ? t : null,
      locale: l === 'en' || l === 'vi' ? l : null,
    };
  } catch {
    return { theme: null, locale: null };
  }
}

/**
 * Puts the cached theme and language on `<html>` (`data-theme`, `lang`); a theme of "system" is left to
 * the stylesheet's media query, a missing language to the page's own `lang`.
 */
export function applyCachedAppearance(root: HTMLElement, storage: Pick<Storage, 'getItem'>): void {
  const { theme, locale } = readCachedAppearance(storage);
  if (theme) root.dataset.theme = theme;
  if (locale) root.lang = locale;
}

/** Mirrors the settings' theme and language; a disabled storage only costs the early paint. */
export function writeCachedAppearance(
  storage: Pick<Storage, 'setItem'>,
  s: { theme: 'system' | 'light' | 'dark'; locale: Locale },
): void {
  try {
    storage.setItem(THEME_CACHE_KEY, s.theme);
    storage.setItem(LOCALE_CACHE_KEY, s.locale);
  } catch {
    // storage disabled: the page still works, it just cannot paint the theme early
  }
}
