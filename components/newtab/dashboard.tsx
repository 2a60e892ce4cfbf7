import type { ComponentChildren } from 'preact';
import type { GoalView, ViewStatus } from '../../lib/app/goal-view';
import { statusLabel as viewStatusLabel } from '../../lib/app/goal-views';
import type { DASHBOARD_WIDGETS } from '../../lib/schema/settings';
import { QuarantineBanner } from '../app/quarantine-banner';
import { settings, tr, updateSettings } from '../app/session';
import { Scorecard } from '../widgets/scorecard';
import { AlertsPanel } from './alerts-panel';
import { ArchivedList } from './archived-list';
import { EditorHost } from './editor-host';
import { GoalDetail } from './goal-detail';
import { GrowthTable } from './growth-table';
import { KpiList } from './kpi-list';
import { MilestoneTimeline } from './milestone-timeline';
import { customizing, data, editing, goals, loadError, openGoal, openGoalId } from './model';
import { OkrView } from './okr-view';
import { ParetoPanel } from './pareto-panel';
import { sections } from './sections';
import { ShareDialog, sharing } from './share-dialog';
import { GoalGrid } from './shell';
import { TeamRollupPanel } from './team-rollup';
import { ToastHost } from './toast';
import { TrashList } from './trash-list';

type WidgetId = (typeof DASHBOARD_WIDGETS)[number];

export function Dashboard() {
  const t = tr.value;
  const d = data.value!;
  const layout = settings.value.layout;
  const statusLabel = (s: ViewStatus, goal?: GoalView) => goal?.statusLabel ?? viewStatusLabel(t, s);

  const render = (w: WidgetId): ComponentChildren => {
    switch (w) {
      case 'focus':
        return sections.value.pinned.length ? (
          <GoalGrid goals={sections.value.pinned} t={t} onOpen={openGoal} />
        ) : null;
      case 'goals': {
        // Team goals are under "Team goals" only, pinned ones under "Pinned": a goal is on the page once.
        const listed = sections.value.listed;
        if (listed.length) return <GoalGrid goals={listed} t={t} onOpen={openGoal} />;
        // KPIs but no goal yet (added from Templates, or imported): say what comes next, not a bare heading.
        if (goals.value.length) return null;
        return (
          <p class="pc-muted pc-row" data-testid="no-goals">
            {t('dashboard.noGoalsYet')}
            <button type="button" onClick={() => (editing.value = { kind: 'goal' })}>
              {t('dashboard.newGoal')}
            </button>
          </p>
        );
      }
      case 'okr':
        return <OkrView okrs={d.okrs} />;
      case 'scorecard':
        // Four "No data" boxes read as missing numbers; the truth is no goal has a perspective yet.
        if (d.scorecard.every((p) => p.goalIds.length === 0))
          return (
            <p class="pc-muted" data-testid="scorecard-empty">
              {t('scorecard.noPerspective')}
            </p>
          );
        return (
          <Scorecard perspectives={d.scorecard} goals={d.goals} statusLabel={statusLabel} onOpen={openGoal} />
        );
      case 'milestones':
        return <MilestoneTimeline milestones={d.milestones} />;
      case 'growth':
        return <GrowthTable rows={d.growth} compared={d.growthMonths} gaps={d.growthGaps} />;
      case 'alerts':
        return (
          <AlertsPanel
            alerts={d.alerts}
            measured={d.goals.some((g) => g.status !== 'no_data' && g.status !== 'too_early')}
            tooEarly={d.goals.some((g) => g.status === 'too_early')}
          />
        );
    }
  };

  const move = (i: number, delta: number) => {
    const next = [...layout];
    const [item] = next.splice(i, 1);
    next.splice(Math.max(0, Math.min(next.length, i + delta)), 0, item!);
    void updateSettings({ layout: next });
  };

  return (
    <main class="pc-newtab" aria-busy="false">
      <header class="pc-topbar">
        <h1 class="pc-brand">{t('app.name')}</h1>
        <nav class="pc-row" aria-label={t('dashboard.customize')}>
          <button
            type="button"
            class="primary"
            data-testid="new-goal"
            onClick={() => (editing.value = { kind: 'goal' })}
          >
            {t('dashboard.newGoal')}
          </button>
          <button type="button" data-testid="new-metric" onClick={() => (editing.value = { kind: 'metric' })}>
            {t('dashboard.newMetric')}
          </button>
          <button
            type="button"
            data-testid="templates"
            onClick={() => (editing.value = { kind: 'templates' })}
          >
            {t('dashboard.templates')}
          </button>
          <button
            type="button"
            aria-haspopup="dialog"
            data-testid="weekly-review"
            onClick={() => (editing.value = { kind: 'review' })}
          >
            {t('review.open')}
          </button>
          <button
            type="button"
            aria-pressed={customizing.value}
            data-testid="customize"
            onClick={() => (customizing.value = !customizing.value)}
          >
            {t('dashboard.customize')}
          </button>
          <button
            type="button"
            data-testid="share"
            aria-haspopup="dialog"
            onClick={() => (sharing.value = true)}
          >
            {t('share.open')}
          </button>
          <a class="pc-button" href="/import.html">
            {t('action.import')}
          </a>
          <a class="pc-button" href="/options.html" target="_blank" rel="noopener">
            {t('dashboard.settings')}
          </a>
        </nav>
      </header>
      <QuarantineBanner />
      {loadError.value && (
        <p role="alert" class="pc-error">
          {loadError.value}
        </p>
      )}
      <TeamRollupPanel />
      {layout.map(({ widget, visible }, i) => {
        if (!visible && !customizing.value) return null;
        const body = visible ? render(widget) : null;
        if (!body && !customizing.value) return null;
        const heading = t(`widget.${widget}` as 'widget.goals');
        return (
          <section
            key={widget}
            class={`pc-widget pc-widget-${widget}`}
            aria-labelledby={`w-${widget}`}
            data-widget={widget}
          >
            <div class="pc-widget-head">
              <h2 id={`w-${widget}`}>{widget === 'focus' ? t('dashboard.pinned') : heading}</h2>
              {customizing.value && (
                <div class="pc-row">
                  <label>
                    <input
                      type="checkbox"
                      checked={visible}
                      onChange={(e) =>
                        void updateSettings({
                          layout: layout.map((l) =>
                            l.widget === widget ? { ...l, visible: e.currentTarget.checked } : l,
                          ),
                        })
                      }
                    />{' '}
                    {t('dashboard.show')}
                  </label>
                  <button
                    type="button"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={`${t('dashboard.moveUp')}: ${heading}`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={i === layout.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={`${t('dashboard.moveDown')}: ${heading}`}
                  >
                    ↓
                  </button>
                </div>
              )}
            </div>
            {body ?? (visible ? <p class="pc-muted">{t('widget.empty')}</p> : null)}
          </section>
        );
      })}
      <ParetoPanel />
      <KpiList />
      <ArchivedList />
      <TrashList />
      {openGoalId.value && <GoalDetail goalId={openGoalId.value} onClose={() => openGoal(null)} />}
      <EditorHost />
      <ShareDialog />
      <ToastHost />
    </main>
  );
}
