// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { OWNER_CACHE_KEY } from '../../../components/popup/goal-list';
import { paintPopupShell } from '../../../components/popup/popup-shell';
import { SUMMARY_KEY } from '../../../lib/app/summary-cache';
import { en } from '../../../lib/i18n/messages-en';
import { shellEn, shellVi } from '../../../lib/i18n/messages-shell';
import { vi } from '../../../lib/i18n/messages-vi';
import { goalView } from './fixtures';

function storageWith(entries: Record<string, string>): Pick<Storage, 'getItem'> {
  return { getItem: (k) => entries[k] ?? null };
}

function summary(locale: 'en' | 'vi', goals = [goalView('g1'), goalView('g2', { owner: 'Lan' })]) {
  return JSON.stringify({ version: 1, generatedAt: 1, locale, onboarded: true, goals });
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

describe('popup first-paint shell', () => {
  it('paints the cached goals into its own host and flags the root', () => {
    const root = document.createElement('div');
    document.body.append(root);
    expect(paintPopupShell(root, storageWith({ [SUMMARY_KEY]: summary('en') }))).toBe(true);
    expect(root.dataset.shellPainted).toBe('true');
    const host = root.querySelector(':scope > .pp-shell-host');
    expect(host?.querySelectorAll('[data-testid="goal-row"]')).toHaveLength(2);
    expect(host?.textContent).toContain('Your goals');
  });

  it('says how many goals the rows were chosen from, in each language', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => goalView(id));
    const en = document.createElement('div');
    paintPopupShell(en, storageWith({ [SUMMARY_KEY]: summary('en', five) }));
    expect(en.querySelectorAll('[data-testid="goal-row"]')).toHaveLength(3);
    expect(en.querySelector('[data-testid="popup-goals-count"]')?.textContent).toBe(' · 3 of 5');
    document.documentElement.lang = 'vi';
    const vi = document.createElement('div');
    paintPopupShell(vi, storageWith({ [SUMMARY_KEY]: summary('vi', five) }));
    expect(vi.querySelector('[data-testid="popup-goals-count"]')?.textContent).toBe(' · 3/5');
    // All of them shown: no count.
    const two = document.createElement('div');
    document.documentElement.lang = 'en';
    paintPopupShell(two, storageWith({ [SUMMARY_KEY]: summary('en') }));
    expect(two.querySelector('[data-testid="popup-goals-count"]')).toBeNull();
  });

  it("puts the user's own goals first, as the full popup does", () => {
    const root = document.createElement('div');
    const storage = storageWith({ [SUMMARY_KEY]: summary('en'), [OWNER_CACHE_KEY]: 'Lan' });
    paintPopupShell(root, storage);
    const titles = [...root.querySelectorAll('.pp-goal-row-title')].map((e) => e.textContent);
    expect(titles[0]).toBe('Goal g2');
  });

  it('paints in Vietnamese when the page is Vietnamese', () => {
    document.documentElement.lang = 'vi';
    const root = document.createElement('div');
    expect(paintPopupShell(root, storageWith({ [SUMMARY_KEY]: summary('vi') }))).toBe(true);
    expect(root.textContent).toContain('Mục tiêu của bạn');
  });

  it.each([
    ['no cache', {}],
    ['a cache in the other locale', { [SUMMARY_KEY]: summary('vi') }],
    ['a damaged cache', { [SUMMARY_KEY]: '{"version":1,"goals":"x"' }],
    ['a cache that fails its schema', { [SUMMARY_KEY]: summary('en', [{ id: 7 } as never]) }],
  ])('paints nothing with %s', (_name, entries: Record<string, string>) => {
    const root = document.createElement('div');
    expect(paintPopupShell(root, storageWith(entries))).toBe(false);
    expect(root.childElementCount).toBe(0);
    expect(root.dataset.shellPainted).toBeUndefined();
  });

  it('shell strings are the same in the full tables', () => {
    for (const [key, text] of Object.entries(shellEn)) expect(en[key as keyof typeof en]).toBe(text);
    for (const [key, text] of Object.entries(shellVi)) expect(vi[key as keyof typeof vi]).toBe(text);
  });
});
