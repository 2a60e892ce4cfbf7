import type { GoalView } from '../../lib/app/goal-view';
import type { Summary } from '../../lib/app/summary-cache';
import type { ShellTranslator } from '../../lib/i18n/messages-shell';
import { GoalCard } from '../widgets/goal-card';

/**
 * What the new tab paints before IndexedDB answers: the goal cards of the last computed summary.
 * Only Preact, the card components, the shell's few strings (lib/i18n/messages-shell.ts) and zod/mini
 * are loaded for this; the full string tables, the database, the engine and uPlot arrive after the
 * first paint. A full `Translator` is accepted wherever a `ShellTranslator` is.
 */
export function cardLabels(t: ShellTranslator) {
  return {
    progress: t('dashboard.progressLabel'),
    trend: t('dashboard.trendLabel'),
    owner: t('field.owner'),
  };
}

export function GoalGrid({
  goals,
  t,
  onOpen,
}: {
  goals: GoalView[];
  t: ShellTranslator;
  onOpen?: (id: string) => void;
}) {
  const labels = cardLabels(t);
  return (
    <div class="pc-goal-grid">
      {goals.map((g) => (
        <GoalCard key={g.id} goal={g} labels={labels} onOpen={onOpen} />
      ))}
    </div>
  );
}

export function Shell({ summary, t }: { summary: Summary | null; t: ShellTranslator }) {
  return (
    <main class="pc-newtab" aria-busy="true">
      <header class="pc-topbar">
        <h1 class="pc-brand">{t('app.name')}</h1>
      </header>
      {summary && summary.goals.length > 0 ? (
        <section aria-label={t('widget.goals')} class="pc-widget">
          <h2>{t('widget.goals')}</h2>
          <GoalGrid goals={summary.goals} t={t} />
        </section>
      ) : null}
    </main>
  );
}
