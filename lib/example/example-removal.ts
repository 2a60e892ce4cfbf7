/**
 * What "Remove example data" removes, and what it keeps. The example's records are marked
 * (`example: true`, ids starting with `ex-`, values `source: 'example'`), but the user can build on
 * them: log a value to the example's "Doanh thu", set a goal of their own on it, check in on an
 * example goal. Removing every marked record had deleted the user's own value with its KPI and left
 * their goal pointing at a KPI that no longer existed ("— / 5 tỷ · Chưa có dữ liệu"), in one click.
 *
 * Now only what the example put there goes: its generated values, its check-ins, deals and spend, and
 * its KPIs and goals that nothing of the user's uses. An example KPI stays (its example values gone,
 * the user's kept) when the user's values, goals or formulas use it, or a goal kept uses it or reads it
 * through a formula; an example goal stays when it holds a goal or check-in of the user's (with the
 * goals above it, so nothing is left under a goal that is gone) or was edited since it was loaded.
 * What stays becomes the user's (no longer marked). Pure: lib/storage/example-removal.ts reads and
 * writes it in one transaction.
 */
import { formulaRefs } from '../engine/formula';
import type { ChannelSpend, CheckIn, Goal, Lead, Metric } from '../schema';

export const isExample = (r: { id: string; example?: boolean }) =>
  r.example === true && r.id.startsWith('ex-');

export interface ValueCounts {
  /** Values the example generated (`source: 'example'`). */
  example: number;
  /** Values logged, imported or synced by the user. */
  yours: number;
}

export interface RemovalInput {
  metrics: readonly Metric[];
  goals: readonly Goal[];
  checkIns: readonly CheckIn[];
  leads: readonly Lead[];
  channelSpend: readonly ChannelSpend[];
  /** Per example KPI id. */
  values: ReadonlyMap<string, ValueCounts>;
}

export interface KeptMetric {
  metric: Metric;
  /** The user's values on it. */
  values: number;
  /** The user's goals (and example goals kept) on it. */
  goals: number;
  /** KPIs that read it through their formula and stay. */
  formulas: number;
}

export interface KeptGoal {
  goal: Goal;
  /** The user's goals directly under it. */
  subGoals: number;
  /** The user's check-ins on it. */
  checkIns: number;
  edited: boolean;
}

export interface ExampleRemovalPlan {
  remove: { metrics: string[]; goals: string[]; checkIns: string[]; leads: string[]; channelSpend: string[] };
  /** Example values removed (those of the KPIs kept included). */
  exampleValues: number;
  kept: KeptMetric[];
  keptGoals: KeptGoal[];
}

export function planExampleRemoval(input: RemovalInput): ExampleRemovalPlan {
  const exMetrics = input.metrics.filter(isExample);
  const exGoals = input.goals.filter(isExample);
  const goalById = new Map(input.goals.map((g) => [g.id, g]));
  const yourGoals = input.goals.filter((g) => !isExample(g));
  const yourCheckIns = input.checkIns.filter((c) => !isExample(c));
  // Every example record is stamped with the load's time: a later `updatedAt` is the user's edit.
  const loadedAt = Math.max(0, ...exMetrics.map((m) => m.updatedAt));
  const edited = (r: { updatedAt: number; deletedAt: number | null }) =>
    r.deletedAt == null && r.updatedAt > loadedAt;

  const keptGoalIds = new Set<string>();
  const keepGoal = (id: string | undefined) => {
    // With its example ancestors: a goal kept must not stand under one removed.
    for (let g = id === undefined ? undefined : goalById.get(id); g && isExample(g); ) {
      if (keptGoalIds.has(g.id)) break;
      keptGoalIds.add(g.id);
      g = g.parentId === undefined ? undefined : goalById.get(g.parentId);
    }
  };
  for (const g of yourGoals) keepGoal(g.parentId);
  for (const c of yourCheckIns) keepGoal(c.goalId);
  for (const g of exGoals) if (edited(g)) keepGoal(g.id);
  const stayingGoals = input.goals.filter((g) => !isExample(g) || keptGoalIds.has(g.id));

  const metricById = new Map(input.metrics.map((m) => [m.id, m]));
  const keptMetricIds = new Set<string>();
  const keepMetric = (id: string | undefined) => {
    const m = id === undefined ? undefined : metricById.get(id);
    if (!m || !isExample(m) || keptMetricIds.has(m.id)) return;
    keptMetricIds.add(m.id);
    // A formula kept needs its inputs.
    for (const ref of formulaRefs(m)) keepMetric(ref);
  };
  for (const m of exMetrics) if ((input.values.get(m.id)?.yours ?? 0) > 0 || edited(m)) keepMetric(m.id);
  for (const g of stayingGoals) keepMetric(g.metricId);
  for (const m of input.metrics) if (!isExample(m)) for (const ref of formulaRefs(m)) keepMetric(ref);
  const stayingMetrics = input.metrics.filter((m) => !isExample(m) || keptMetricIds.has(m.id));

  const kept = exMetrics
    .filter((m) => keptMetricIds.has(m.id))
    .map((metric) => ({
      metric,
      values: input.values.get(metric.id)?.yours ?? 0,
      goals: stayingGoals.filter((g) => g.metricId === metric.id).length,
      formulas: stayingMetrics.filter((m) => m.id !== metric.id && formulaRefs(m).includes(metric.id)).length,
    }));
  const keptGoals = exGoals
    .filter((g) => keptGoalIds.has(g.id))
    .map((goal) => ({
      goal,
      subGoals: yourGoals.filter((g) => g.parentId === goal.id).length,
      checkIns: yourCheckIns.filter((c) => c.goalId === goal.id).length,
      edited: edited(goal),
    }));
  return {
    remove: {
      metrics: exMetrics.filter((m) => !keptMetricIds.has(m.id)).map((m) => m.id),
      goals: exGoals.filter((g) => !keptGoalIds.has(g.id)).map((g) => g.id),
      checkIns: input.checkIns.filter(isExample).map((c) => c.id),
      leads: input.leads.filter(isExample).map((l) => l.id),
      channelSpend: input.channelSpend.filter(isExample).map((s) => s.id),
    },
    exampleValues: exMetrics.reduce((n, m) => n + (input.values.get(m.id)?.example ?? 0), 0),
    kept,
    keptGoals,
  };
}
