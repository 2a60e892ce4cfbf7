import { buildGoalView } from '../../../lib/app/goal-views';
import type { GoalEvaluation } from '../../../lib/engine/evaluate-all';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { type DailyRollup, rollupFromPoints } from '../../../lib/engine/rollup';
import { buildExampleData } from '../../../lib/example/example-data';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Locale } from '../../../lib/schema';

/**
 * The example data evaluated at `now` in time zone `tz` as the dashboard does it: made in the user's
 * zone, rolled up by local day, evaluated (`forecastPaths` fewer for speed where only alerts or SMART
 * advice are read).
 */
export function exampleEvaluation(
  now: number,
  tz: string,
  locale: Locale = 'en',
  forecastPaths?: number,
  without: readonly string[] = [],
) {
  const built = buildExampleData(now, tz);
  // Goals the user deleted (`without`): gone from what is evaluated, as a deleted goal is.
  const data = { ...built, goals: built.goals.filter((g) => !without.includes(g.id)) };
  const byMetric = new Map<string, typeof data.observations>();
  for (const o of data.observations) byMetric.set(o.metricId, [...(byMetric.get(o.metricId) ?? []), o]);
  const rollups: DailyRollup[] = [...byMetric].flatMap(([id, obs]) => rollupFromPoints(id, obs, tz));
  const settings = defaultSettings({ locale, timeZone: tz });
  const result = evaluateAll({
    goals: data.goals,
    metrics: data.metrics,
    rollups,
    checkIns: data.checkIns,
    settings,
    now,
    ...(forecastPaths ? { forecastPaths } : {}),
  });
  return { data, rollups, settings, result };
}

/**
 * The example data as its cards show it at `now` in time zone `tz`: each goal with its evaluation and
 * its view, built the way the dashboard builds them (exampleEvaluation, then the card's view).
 */
export function exampleViews(
  now: number,
  tz: string,
  locale: Locale = 'en',
  without: readonly string[] = [],
) {
  const { data, rollups, settings, result } = exampleEvaluation(now, tz, locale, undefined, without);
  const ctx = { t: createTranslator(locale), settings, now };
  return data.goals.map((g) => {
    const ev = result.perGoal.get(g.id) as GoalEvaluation;
    const metric = data.metrics.find((m) => m.id === g.metricId);
    return {
      goal: g,
      ev,
      view: buildGoalView(g, ev, metric, [], ctx),
      input: { metrics: data.metrics, rollups },
      settings,
    };
  });
}
