import { beforeAll, describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../lib/app/dashboard-data';
import { computeGoalCharts } from '../../../lib/app/goal-detail-data';
import { ChartView, Snapshot } from '../../../lib/app/goal-view';
import { appGoalChartLabels, widgetGoalChartLabels } from '../../../lib/charts/goal-chart-labels';
import { goalChartPlan } from '../../../lib/charts/goal-chart-series';
import { BHAG_ID } from '../../../lib/example/example-milestones';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Locale } from '../../../lib/schema';
import { toShareChart } from '../../../lib/snapshot/share-charts';
import { widgetMessage } from '../../../lib/snapshot/widget-messages';
import { loadExampleData } from '../../../lib/storage/example-data';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb } from '../storage/helpers';

/**
 * A founder's review: the BHAG "₫150B annual revenue" is read as the sum of the last twelve complete
 * months ("12 months to Nov: ₫44.3B"), and its chart draws that sum at every month, but its legend
 * said "Value per period". It names the line for what it is: "12-month total" (vi "Tổng 12 tháng gần
 * nhất"), in the app and in a snapshot's widget alike.
 */
const NOW = Date.UTC(2026, 11, 6, 3);

// The tables the app and the widgets use, not copies of them.
const appLabels = (locale: Locale) => appGoalChartLabels(createTranslator(locale));
const widgetLabels = (locale: Locale) => widgetGoalChartLabels((k, p) => widgetMessage(locale, k, p), true);

describe('the legend of a rolling 12-month figure', () => {
  let chart: ChartView;
  let value: string | undefined;
  beforeAll(async () => {
    const settings = defaultSettings({ locale: 'en', timeZone: 'Asia/Ho_Chi_Minh' });
    const { db } = await freshDb();
    await saveSettings(db, settings);
    await loadExampleData(db, NOW);
    const built = (await computeGoalCharts(db, [BHAG_ID], settings, NOW)).get(BHAG_ID);
    if (!built || built instanceof Error) throw new Error('no BHAG chart');
    chart = built;
    value = (await computeDashboard(db, settings, NOW)).goals.find((g) => g.id === BHAG_ID)?.value;
  }, 120_000);

  it('names the line "12-month total" (vi "Tổng 12 tháng gần nhất"), never "Value per period"', () => {
    expect(value).toMatch(/^12 months to Nov: /);
    expect(chart).toMatchObject({ type: 'level', rollingMonths: 12 });
    expect(goalChartPlan(chart, appLabels('en')).series[0]?.label).toBe('12-month total');
    expect(goalChartPlan(chart, appLabels('vi')).series[0]?.label).toBe('Tổng 12 tháng gần nhất');
  });

  it('carries the span into a snapshot, whose widget names the line the same way', () => {
    const shared = toShareChart(chart);
    expect(shared.rollingMonths).toBe(12);
    const parsed = Snapshot.parse({
      format: 'pacer-snapshot',
      version: 1,
      generatedAt: NOW,
      locale: 'vi',
      goals: [],
      charts: [shared],
    });
    const widgetChart = parsed.charts?.[0];
    expect(widgetChart?.rollingMonths).toBe(12);
    for (const locale of ['en', 'vi'] as const)
      expect(goalChartPlan(widgetChart!, widgetLabels(locale)).series[0]?.label).toBe(
        goalChartPlan(chart, appLabels(locale)).series[0]?.label,
      );
  });

  it('leaves every other first series as it was, and a total never rolling', () => {
    const base = { xs: [1], actual: [1], target: [1], low: [null], mid: [null], high: [null] };
    const en = appLabels('en');
    expect(goalChartPlan({ ...base, type: 'level' }, en).series[0]?.label).toBe('Value per period');
    expect(goalChartPlan({ ...base, type: 'keep' }, en).series[0]?.label).toBe('Value per month');
    expect(goalChartPlan({ ...base, type: 'total', rollingMonths: 12 }, en).series[0]?.label).toBe(
      'Running total',
    );
    expect(goalChartPlan({ ...base, type: 'level', rollingMonths: 3 }, en).series[0]?.label).toBe(
      '3-month total',
    );
    // An old snapshot (no span) still parses and reads as before.
    expect(ChartView.parse({ goalId: 'g', ...base, type: 'level' }).rollingMonths).toBeUndefined();
  });
});
