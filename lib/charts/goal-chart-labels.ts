import type { Translator } from '../i18n/translate';
import type { WidgetMessageKey } from '../snapshot/widget-messages';
import type { GoalChartLabels } from './goal-chart-series';

/**
 * The goal chart's legend names, one table per surface: the app's message catalog, or a snapshot
 * widget's own (lib/snapshot/widget-messages.ts), passed in so neither bundle carries the other's.
 */
export function appGoalChartLabels(t: Translator): GoalChartLabels {
  return {
    value: { total: t('chart.series.total'), level: t('chart.series.level'), keep: t('chart.series.keep') },
    rolling: (months) => t('chart.series.rolling', { count: months }),
    trajectory: t('detail.trajectory'),
    milestonePlan: t('detail.trajectoryPlan'),
    threshold: t('chart.series.threshold'),
    plan: t('chart.series.plan'),
    cap: { money: t('chart.series.cap.money'), limit: t('chart.series.cap.limit') },
    forecastLow: t('detail.forecastLow'),
    forecast: t('detail.forecast'),
    forecastHigh: t('detail.forecastHigh'),
    forecastDate: t('chart.series.forecastDate'),
    perPeriod: t('chart.series.perPeriod'),
  };
}

/**
 * A widget's names; `typed` false for a snapshot from before charts carried their type, whose first
 * line is "Actual".
 */
export function widgetGoalChartLabels(
  msg: (key: WidgetMessageKey, params?: Readonly<Record<string, string>>) => string,
  typed: boolean,
): GoalChartLabels {
  const actual = msg('actual');
  return {
    value: typed
      ? { total: msg('series.total'), level: msg('series.level'), keep: msg('series.keep') }
      : { total: actual, level: actual, keep: actual },
    rolling: (months) => msg('series.rolling', { count: String(months) }),
    trajectory: msg('trajectory'),
    milestonePlan: msg('milestonePlan'),
    threshold: msg('threshold'),
    plan: msg('plan'),
    cap: { money: msg('cap.money'), limit: msg('cap.limit') },
    forecastLow: msg('forecastLow'),
    forecast: msg('forecast'),
    forecastHigh: msg('forecastHigh'),
    forecastDate: msg('forecastDate'),
    perPeriod: msg('perPeriod'),
  };
}
