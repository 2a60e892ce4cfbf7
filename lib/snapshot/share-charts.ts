/**
 * The charts that go with a "Share / embed" export. The goal detail computes a chart with one series
 * more than the snapshot format has (`perPeriod`, the per-period actual the detail dialog overlays);
 * it is dropped here rather than left to schema stripping, so what leaves is decided in code a reader
 * can see.
 */
import type { ChartView } from '../app/goal-view';

/** What the goal detail returns for a chart: a ChartView, perhaps with extra series. */
export type DetailChart = ChartView & { perPeriod?: unknown };

/** Exactly the ChartView fields, nothing else. */
export function toShareChart(chart: DetailChart): ChartView {
  const { goalId, type, rollingMonths, xs, actual, target, low, mid, high, unitLabel, unit, cap, planned } =
    chart;
  return {
    goalId,
    // The type names the first series and the second ("Threshold to keep" for a keep goal), and the
    // unit writes the axis as the app does: both had been dropped here.
    ...(type === undefined ? {} : { type }),
    // A rolling sum's legend says what its line is ("12-month total"), in the file as in the app.
    ...(rollingMonths === undefined ? {} : { rollingMonths }),
    xs,
    actual,
    target,
    low,
    mid,
    high,
    ...(unitLabel === undefined ? {} : { unitLabel }),
    ...(unit === undefined ? {} : { unit }),
    // A budget cap's flat line, and a trajectory through milestones named as the app names it: both
    // had been dropped here, so a cap's widget drew no cap and a BHAG's plan read "Target trajectory".
    ...(cap === undefined ? {} : { cap }),
    ...(planned ? { planned } : {}),
  };
}

/**
 * Loads the chart of each ticked goal, one after another (each load reads the whole database, so in
 * parallel they would only compete). A goal with no metric has no chart (`null`); one whose chart fails
 * to load is shared without a chart rather than stopping the export, and its id is reported in `failed`.
 */
export async function chartsForShare(
  goalIds: readonly string[],
  loadChart: (goalId: string) => Promise<DetailChart | null>,
): Promise<{ charts: ChartView[]; failed: string[] }> {
  const charts: ChartView[] = [];
  const failed: string[] = [];
  for (const id of goalIds) {
    try {
      const chart = await loadChart(id);
      // Only a chart of the goal asked for: a loader bug must not put another goal's series in the file.
      if (chart && chart.goalId === id && chart.xs.length > 0) charts.push(toShareChart(chart));
    } catch {
      failed.push(id);
    }
  }
  return { charts, failed };
}
