import type { ComponentChildren } from 'preact';
import type { GoalView } from '../../lib/app/goal-view';
import type { ShellTranslator } from '../../lib/i18n/messages-shell';
import { GoalRow } from './goal-row';

/**
 * The popup's few goals as compact rows under a heading line (with `action`, the full popup's
 * "Open dashboard", at its end); the same markup in the first paint (shell) and in the full popup.
 * The heading stays put and the rows scroll if the popup runs short of room.
 */
export function GoalList({
  goals,
  t,
  onOpen,
  action,
  total = goals?.length ?? 0,
}: {
  goals: GoalView[] | null;
  t: ShellTranslator;
  onOpen?: (id: string) => void;
  action?: ComponentChildren;
  /** How many goals these few were chosen from: "3 of 18" says the rest are on the dashboard. */
  total?: number;
}) {
  const shown = goals?.length ?? 0;
  return (
    <section aria-labelledby="pp-goals-h" class="pp-goals" data-testid="popup-goals">
      <header class="pp-goals-head">
        <h2 id="pp-goals-h">
          {t('popup.topGoals')}
          {total > shown && shown > 0 && (
            <span class="pp-muted" data-testid="popup-goals-count">
              {' '}
              · {t('popup.shownOf').replace('{shown}', String(shown)).replace('{total}', String(total))}
            </span>
          )}
        </h2>
        {action}
      </header>
      <div class="pp-goal-rows">
        {goals === null && <p class="pp-muted">{t('dashboard.loading')}</p>}
        {goals?.length === 0 && <p class="pp-muted">{t('popup.noGoals')}</p>}
        {goals?.map((g) => (
          <GoalRow key={g.id} goal={g} progressLabel={t('dashboard.progressLabel')} onOpen={onOpen} />
        ))}
      </div>
    </section>
  );
}

/** Marks the first paint that shows goal data, for `npm run bench` (tests/bench/popup.bench.mjs). */
export function markPainted(): void {
  if (performance.getEntriesByName('pacer:popup-data').length) return;
  requestAnimationFrame(() => {
    if (!performance.getEntriesByName('pacer:popup-data').length) performance.mark('pacer:popup-data');
  });
}

/** The popup remembers who the user is in localStorage too, so the first paint orders goals the same way. */
export const OWNER_CACHE_KEY = 'pacer:ownerName';
