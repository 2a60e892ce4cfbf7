// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyCachedAppearance,
  readCachedAppearance,
  writeCachedAppearance,
} from '../../../lib/app/appearance-cache';

function memoryStorage(entries: Record<string, string> = {}) {
  return {
    entries,
    getItem: (k: string) => entries[k] ?? null,
    setItem: (k: string, v: string) => {
      entries[k] = v;
    },
  };
}

describe('appearance cache (theme and language before first paint)', () => {
  it('reads back what settings wrote', () => {
    const s = memoryStorage();
    writeCachedAppearance(s, { theme: 'dark', locale: 'vi' });
    expect(readCachedAppearance(s)).toEqual({ theme: 'dark', locale: 'vi' });
  });

  it('treats "system", junk and a throwing storage as not set', () => {
    expect(readCachedAppearance(memoryStorage({ 'pacer:theme': 'system', 'pacer:locale': 'fr' }))).toEqual({
      theme: null,
      locale: null,
    });
    const throwing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(readCachedAppearance(throwing)).toEqual({ theme: null, locale: null });
    expect(() => writeCachedAppearance(throwing, { theme: 'light', locale: 'en' })).not.toThrow();
  });

  it('puts theme and language on <html>, leaving them alone when not cached', () => {
    const root = document.createElement('html');
    root.lang = 'en';
    applyCachedAppearance(root, memoryStorage());
    expect(root.dataset.theme).toBeUndefined();
    expect(root.lang).toBe('en');
    applyCachedAppearance(root, memoryStorage({ 'pacer:theme': 'dark', 'pacer:locale': 'vi' }));
    expect(root.dataset.theme).toBe('dark');
    expect(root.lang).toBe('vi');
  });
});

describe('the browser’s own controls follow the theme', () => {
  // Chromium draws a date field's calendar and a select's list in the owner element's used colour
  // scheme: dark in Pacer's dark theme even on a light OS, light in its light theme on a dark one
  // (checked in Chromium 156 without Playwright's colour-scheme emulation, which had forced them light).
  it('theme.css sets color-scheme per data-theme, and both schemes for "system"', () => {
    const css = readFileSync(path.join(process.cwd(), 'components/shared/theme.css'), 'utf8');
    const block = (selector: string) =>
      new RegExp(`${selector.replace(/[[\]()]/g, '\\$&')}\\s*\\{[^}]*color-scheme:\\s*([a-z ]+);`).exec(
        css,
      )?.[1];
    expect(block(':root,\n:host')).toBe('light dark');
    expect(block(':root[data-theme="dark"]')).toBe('dark');
    expect(block(':root[data-theme="light"]')).toBe('light');
  });
});
