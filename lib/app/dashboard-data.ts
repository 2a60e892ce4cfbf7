import type { Alert } from '../engine/alerts';
import { evaluateAll, type GoalEvaluation } from '../engine/evaluate-all';
import { okrZone } from '../engine/okr';
import type { DailyRollup } from '../engine/rollup';
import { localDayKey } from '../engine/time-buckets';
import { formatDate } from '../i18n/format';
import { createTranslator, localizedName } from '../i18n/translate';
import { type CheckIn, type Goal, type Metric, PERSPECTIVES, type Settings } from '../schema';
import type { PacerDb } from '../storage/db';
import { repository } from '../storage/repository';
import { readRollups } from '../storage/rollup-store';
import { teamScope } from '../team/local-records';
import { readSharedGoalIds } from '../team/shared-goal-ids';
import { yourRollups } from '../team/whose-values';
import type { AlertView, DashboardData, KeyResultView, MilestoneView, OkrView } from './dashboard-types';
import { goalDescription } from './goal-description';
import type { PerspectiveView } from './goal-view';
import { buildGoalView, formatUnitValue, type ViewContext } from './goal-views';
import { growthGaps, growthMonths, growthRows } from './growth-rows';
import { derivedLatestValues, kpiListItems } from './kpi-list';
import { milestoneProgress } from './milestone-progress';
import { okrScoreText } from './okr-score-text';
import { createSeriesReader, lastPeriods } from './period-series';

export interface DashboardInput {
  goals: Goal[];
  metrics: Metric[];
  checkIns: CheckIn[];
  rollups: DailyRollup[];
  /**
   * The goals shared with the team (TeamState.goalIds) and those of teams left (readSharedGoalIds):
   * they and their cascades count everyone's values, everything else only this browser's user's
   * (lib/team/whose-values.ts). Absent: none.
   */
  sharedGoalIds?: readonly string[];
}

export async function loadDashboardInput(db: PacerDb): Promise<DashboardInput> {
  const [goals, metrics, checkIns, rollups, sharedGoalIds] = await Promise.all([
    repository(db, 'goals').list(),
    repository(db, 'metrics').list(),
    repository(db, 'checkIns').list(),
    readRollups(db),
    readSharedGoalIds(),
  ]);
  return { goals, metrics, checkIns, rollups, sharedGoalIds };
}

/** The goals that count everyone's values: the shared ones and their cascades (lib/team/whose-values.ts). */
export function teamGoalIdsOf(
  input: Pick<DashboardInput, 'goals' | 'metrics' | 'sharedGoalIds'>,
): Set<string> {
  const live = input.goals.filter((g) => !g.archived && g.deletedAt === null);
  return new Set(teamScope(input.sharedGoalIds ?? [], live, input.metrics).goals.map((g) => g.id));
}

/** What one goal reads: its metrics and the rollups it counts. */
export type GoalInputOf = (goalId: string) => Pick<DashboardInput, 'metrics' | 'rollups'>;

/**
 * What each goal reads: everyone's series for a team goal, only yours for any other. Built by
 * evaluateDashboard from the team's goals and your series it has already worked out, so a caller that
 * charts goals after an evaluation (the goal detail, Share) reads them as the evaluation did.
 */
function goalInputsFrom(
  input: DashboardInput,
  teamIds: ReadonlySet<string>,
  yourSeries: DailyRollup[],
): GoalInputOf {
  const everyone = { metrics: input.metrics, rollups: input.rollups };
  const yours = { metrics: input.metrics, rollups: yourSeries };
  return (goalId) => (teamIds.has(goalId) ? everyone : yours);
}

/** Everything the new tab and popup show, computed by the engine and formatted for the UI language. */
export async function computeDashboard(db: PacerDb, settings: Settings, now: number): Promise<DashboardData> {
  return buildDashboard(await loadDashboardInput(db), settings, now);
}

export function buildDashboard(input: DashboardInput, settings: Settings, now: number): DashboardData {
  return evaluateDashboard(input, settings, now).data;
}

/**
 * The dashboard, the engine's per-goal evaluations it was built from and what each goal read (the goal
 * detail needs all three; the team's goals are worked out once, here).
 */
export function evaluateDashboard(
  input: DashboardInput,
  settings: Settings,
  now: number,
): { data: DashboardData; perGoal: Map<string, GoalEvaluation>; inputOf: GoalInputOf } {
  const t = createTranslator(settings.locale);
  const ctx: ViewContext = { t, settings, now };
  const live = input.goals.filter((g) => !g.archived && g.deletedAt === null);
  const metricsById = new Map(input.metrics.map((m) => [m.id, m]));
  // Team goals read everyone's values; every other figure only yours (lib/team/whose-values.ts).
  const yours = yourRollups(input.rollups);
  const teamIds = teamGoalIdsOf(input);
  const result = evaluateAll({
    goals: live,
    metrics: input.metrics,
    rollups: yours,
    teamRollups: input.rollups,
    teamGoalIds: teamIds,
    checkIns: input.checkIns,
    settings,
    now,
  });
  const series = createSeriesReader(input.metrics, yours, settings);
  const teamMetricIds = new Set(live.flatMap((g) => (teamIds.has(g.id) && g.metricId ? [g.metricId] : [])));
  const teamSeries = teamIds.size ? createSeriesReader(input.metrics, input.rollups, settings) : series;
  const today = localDayKey(now, settings.timeZone);
  const months = lastPeriods(today, 'month', 12, settings);

  const goals = live.map((g) => {
    const metric = g.metricId ? metricsById.get(g.metricId) : undefined;
    const ev = result.perGoal.get(g.id);
    const read = teamIds.has(g.id) ? teamSeries : series;
    const monthly = metric ? read(metric.id, g.dims, 'month', months) : [];
    // The running month only when the card reads it too: a partial month of sales is a false cliff.
    const spark = ev?.period?.partial && ev.period.granularity === 'month' ? monthly : monthly.slice(0, -1);
    return buildGoalView(g, ev, metric, spark, ctx);
  });
  const views = new Map(goals.map((v) => [v.id, v]));

  const scorecard: PerspectiveView[] = PERSPECTIVES.map((p) => {
    const health = result.scorecard.find((s) => s.perspective === p);
    return {
      perspective: p,
      label: t(`perspective.${p}`),
      status: health?.health ?? 'no_data',
      goalIds: health?.goalIds.filter((id) => views.has(id)) ?? [],
      achievedIds: health?.achievedIds.filter((id) => views.has(id)) ?? [],
    };
  });

  const growth = growthRows(input.metrics, series, today, settings, ctx, yours);
  const data: DashboardData = {
    generatedAt: now,
    goals: sortGoals(goals, live),
    alerts: result.alerts.map((a) => alertView(a, settings.locale)),
    scorecard,
    milestones: milestoneViews(live, result.perGoal, ctx, metricsById),
    okrs: okrViews(live, result.perGoal, settings),
    growth,
    growthGaps: growthGaps(input.metrics, growth, series, today, settings, ctx, yours),
    growthMonths: growthMonths(today, settings, ctx),
    metrics: input.metrics,
    kpis: kpiListItems(
      input.metrics,
      input.goals,
      result.lastDataDays,
      settings.locale,
      derivedLatestValues(input.metrics, series, today, settings, ctx),
    ).map((k) => (teamMetricIds.has(k.id) ? { ...k, team: true } : k)),
  };
  return { data, perGoal: result.perGoal, inputOf: goalInputsFrom(input, teamIds, yours) };
}

const STATUS_ORDER = { off_track: 0, at_risk: 1, on_track: 2, too_early: 3, no_data: 4, done: 5 } as const;

/** Worst first, then by deadline, so what needs attention leads. */
function sortGoals(views: ReturnType<typeof buildGoalView>[], goals: Goal[]) {
  const deadline = new Map(goals.map((g) => [g.id, g.deadline ?? Number.MAX_SAFE_INTEGER]));
  return [...views].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (deadline.get(a.id) ?? 0) - (deadline.get(b.id) ?? 0),
  );
}

function alertView(a: Alert, locale: 'en' | 'vi'): AlertView {
  const view: AlertView = { id: a.id, severity: a.severity, message: a.message[locale] };
  if (a.subject.kind === 'goal') view.goalId = a.subject.id;
  else view.metricId = a.subject.id;
  return view;
}

function milestoneViews(
  goals: Goal[],
  evals: Map<string, GoalEvaluation>,
  ctx: ViewContext,
  metrics: ReadonlyMap<string, Metric>,
): MilestoneView[] {
  const { locale, timeZone } = ctx.settings;
  return (
    goals
      .filter((g) => g.kind === 'milestone')
      // By deadline; on one day the longer period first: "2026", "Q4 2026", "December 2026", always.
      .sort(
        (a, b) =>
          (a.deadline ?? Number.MAX_SAFE_INTEGER) - (b.deadline ?? Number.MAX_SAFE_INTEGER) ||
          (a.startAt ?? Number.MAX_SAFE_INTEGER) - (b.startAt ?? Number.MAX_SAFE_INTEGER),
      )
      .map((g) => {
        const ms = evals.get(g.id)?.milestone;
        const state = ms?.state === 'no_deadline' || !ms ? 'upcoming' : ms.state;
        const view: MilestoneView = {
          id: g.id,
          title: localizedName(g, locale),
          when: g.deadline !== undefined ? formatDate(g.deadline, locale, timeZone, 'medium') : '—',
          whenMs: g.deadline ?? null,
          state: g.doneAt ? 'done' : state,
        };
        const status = evals.get(g.id)?.status;
        view.status = view.state === 'done' ? 'done' : (status ?? 'no_data');
        const what = goalDescription(g, locale);
        if (what) view.what = what;
        if (g.owner) view.who = g.owner;
        if (g.budget) {
          const unit = { kind: 'currency' as const, currency: g.budget.currency };
          view.budget = formatUnitValue(g.budget.amount, unit, ctx);
          if (g.spent !== undefined) view.spent = formatUnitValue(g.spent, unit, ctx);
        }
        if (g.parentId) view.parentId = g.parentId;
        if (g.doneAt) view.doneAt = g.doneAt;
        const progress = milestoneProgress(
          g,
          evals.get(g.id),
          g.metricId ? metrics.get(g.metricId) : undefined,
          ctx,
        );
        if (progress) view.progress = { text: progress.text, fraction: progress.fraction };
        return view;
      })
  );
}

function okrViews(goals: Goal[], evals: Map<string, GoalEvaluation>, settings: Settings): OkrView[] {
  const { locale } = settings;
  const zone = (score: number | null): KeyResultView['zone'] => {
    if (score === null) return 'none';
    const z = okrZone(score, settings.okrZones);
    return z === 'red' ? 'low' : z === 'yellow' ? 'mid' : 'high';
  };
  // Two decimals everywhere, as the objective's card ("0.64 / 1.00"): never "1.0" beside "0.68".
  const scoreText = (s: number | null) => (s === null ? '—' : okrScoreText(s, locale));
  return goals
    .filter((g) => g.kind === 'objective')
    .map((o) => {
      const krs = goals.filter((g) => g.parentId === o.id && g.kind === 'key_result');
      const score = evals.get(o.id)?.okr?.score ?? null;
      return {
        objectiveId: o.id,
        title: localizedName(o, locale),
        score,
        scoreText: scoreText(score),
        keyResults: krs.map((kr) => {
          const s = evals.get(kr.id)?.okr?.score ?? null;
          const view: KeyResultView = {
            goalId: kr.id,
            title: localizedName(kr, locale),
            score: s,
            scoreText: scoreText(s),
            zone: zone(s),
          };
          if (kr.okrType) view.okrType = kr.okrType;
          return view;
        }),
      };
    })
    .filter((o) => o.keyResults.length > 0 || o.score !== null);
}
