import { render } from 'preact';
import type { GoalView } from '../../lib/app/goal-view';
import { readSummary } from '../../lib/app/summary-cache';
import { pageLocale } from '../../lib/i18n/detect-locale';
import { type ShellTranslator, shellTranslator } from '../../lib/i18n/messages-shell';
import { popupCandidates, topGoals } from '../../lib/popup/top-goals';
import { GoalList, markPainted, OWNER_CACHE_KEY } from './goal-list';
import { SHELL_HOST_CLASS, SHELL_PAINTED } from './shell-markers';

/**
 * What the popup paints before IndexedDB answers: the goal cards of the new tab's cached summary.
 * It ships as its own small classic script (entrypoints/popup-shell.tsx: Preact, the card widgets, the
 * summary's schema and the shell's strings in messages-shell.ts); the quick log, storage and the engine
 * arrive right after (components/popup/mount.tsx), which replaces the shell.
 */
export function PopupShell({
  goals,
  total,
  t,
}: {
  goals: GoalView[] | null;
  total: number;
  t: ShellTranslator;
}) {
  return (
    <main class="pp-popup" aria-busy="true">
      <h1 class="pc-visually-hidden">{t('app.name')}</h1>
      <GoalList goals={goals} total={total} t={t} />
    </main>
  );
}

/**
 * Paints the shell into its own host inside `root` (so the full popup, rendered by another copy of
 * Preact, can simply replace it). Nothing is painted without a valid cache in the page's locale.
 */
export function paintPopupShell(root: HTMLElement, storage: Pick<Storage, 'getItem'>): boolean {
  const locale = pageLocale(document);
  const summary = readSummary(storage);
  if (!summary || summary.locale !== locale) return false;
  const host = document.createElement('div');
  host.className = SHELL_HOST_CLASS;
  root.append(host);
  const owner = storage.getItem(OWNER_CACHE_KEY) ?? '';
  render(
    <PopupShell
      goals={topGoals(summary.goals, owner)}
      total={popupCandidates(summary.goals)}
      t={shellTranslator(locale)}
    />,
    host,
  );
  root.dataset[SHELL_PAINTED] = 'true';
  markPainted();
  return true;
}
