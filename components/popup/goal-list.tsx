import type { GoalView } from '../../lib/app/goal-view';
import type { ShellTranslator } from '../../lib/i18n/messages-shell';
import { GoalCard } from '../widgets/goal-card';

/** The popup's few goal cards; the same markup in the first paint (shell) and in the full popup. */
export function GoalList({
  goals,
  t,
  onOpen,
}: {
  goals: GoalView[] | null;
  t: ShellTranslator;
  onOpen?: (id: string) => void;
}) {
  const labels = {
    progress: t('dashboard.progressLabel'),
    trend: t('dashboard.trendLabel'),
    owner: t('field.owner'),
  };
  return (
    <section aria-labelledby="pp-goals-h" class="pp-goals" data-testid="popup-goals">
      <h2 id="pp-goals-h">{t('popup.topGoals')}</h2>
      {goals === null && <p class="pp-muted">{t('dashboard.loading')}</p>}
      {goals?.length === 0 && <p class="pp-muted">{t('popup.noGoals')}</p>}
      {goals?.map((g) => (
        <GoalCard key={g.id} goal={g} labels={labels} compact onOpen={onOpen} />
      ))}
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
