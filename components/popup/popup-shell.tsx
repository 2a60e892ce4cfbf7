import type { GoalView } from '../../lib/app/goal-view';
import type { Translator } from '../../lib/i18n/translate';
import { GoalList } from './goal-list';

/**
 * What the popup paints before IndexedDB answers: the goal cards of the new tab's cached summary.
 * Only Preact, the card widgets and the string tables load for this; the quick log, storage and the
 * engine arrive right after (components/popup/mount.tsx).
 */
export function PopupShell({ goals, t }: { goals: GoalView[] | null; t: Translator }) {
  return (
    <main class="pp-popup" aria-busy="true">
      <header class="pp-head">
        <h1>{t('app.name')}</h1>
      </header>
      <GoalList goals={goals} t={t} />
    </main>
  );
}
