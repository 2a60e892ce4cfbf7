import { describe, expect, it } from 'vitest';
import { chartFormats, type GoalChartLabels, goalChartPlan } from '../../../lib/charts/goal-chart-series';
import { createTranslator } from '../../../lib/i18n/translate';
import { widgetMessage } from '../../../lib/snapshot/widget-messages';

const LABELS: GoalChartLabels = {
  value: { total: 'Running total', level: 'Value per period', keep: 'Value per month' },
  rolling: (months) => `${months}-month total`,
  trajectory: 'Target trajectory',
  threshold: 'Threshold to keep',
  plan: 'Planned line',
  cap: { money: 'Budget', limit: 'Limit' },
  forecastLow: 'Forecast (10%)',
  forecast: 'Forecast',
  forecastHigh: 'Forecast (90%)',
  forecastDate: 'Forecast date',
  perPeriod: 'Added in the period',
};

const none = [null, null, null];

describe('goalChartPlan', () => {
  it("names a keep goal's line the threshold, and leaves out a forecast it does not have", () => {
    const plan = goalChartPlan(
      {
        type: 'keep',
        xs: [1, 2, 3],
        actual: [3.2, 3.6, 4.1],
        target: [4, 4, 4],
        low: none,
        mid: none,
        high: none,
      },
      LABELS,
    );
    expect(plan.series.map((s) => s.label)).toEqual(['Value per month', 'Threshold to keep']);
    expect(plan.data).toHaveLength(3);
    expect(plan.band).toBeUndefined();
  });

  it('draws a budget cap flat beside its planned line, the band still p90 down to p10', () => {
    const columns = {
      type: 'total' as const,
      cap: 900,
      xs: [1, 2, 3],
      actual: [0, 250, null],
      target: [0, 300, 900],
      low: [null, 250, 820],
      mid: [null, 250, 880],
      high: [null, 250, 940],
    };
    const money = goalChartPlan({ ...columns, unit: { kind: 'currency', currency: 'VND' } }, LABELS);
    expect(money.series.map((s) => s.label)).toEqual([
      'Running total',
      'Planned line',
      'Budget',
      'Forecast (10%)',
      'Forecast',
      'Forecast (90%)',
    ]);
    expect(money.data[3]).toEqual([900, 900, 900]);
    expect(money.band).toEqual([6, 4]);
    const count = goalChartPlan({ ...columns, unit: { kind: 'count' } }, LABELS);
    expect(count.series[2]?.label).toBe('Limit');
    // Without a cap, a total's trajectory keeps its name and no flat line is drawn.
    const { cap: _cap, ...plain } = columns;
    expect(
      goalChartPlan(plain, LABELS)
        .series.map((s) => s.label)
        .slice(0, 3),
    ).toEqual(['Running total', 'Target trajectory', 'Forecast (10%)']);
  });

  it('draws the forecast with its band when there is one, p90 down to p10', () => {
    const plan = goalChartPlan(
      {
        type: 'level',
        xs: [1, 2, 3],
        actual: [1, 2, null],
        target: [1, 2, 3],
        low: [null, 2, 2.5],
        mid: [null, 2, 3],
        high: [null, 2, 3.5],
      },
      LABELS,
    );
    expect(plan.series.map((s) => s.label)).toEqual([
      'Value per period',
      'Target trajectory',
      'Forecast (10%)',
      'Forecast',
      'Forecast (90%)',
    ]);
    expect(plan.band).toEqual([5, 3]);
    expect(plan.data[5]).toEqual([null, 2, 3.5]);
  });

  it("adds a level's forecast date and a total's per-period line only when given (the app's chart)", () => {
    const base = {
      xs: [1, 2],
      actual: [1, 2],
      target: [1, 2],
      low: [null, null],
      mid: [null, null],
      high: [null, null],
    };
    const total = goalChartPlan({ ...base, type: 'total', perPeriod: [1, 1] }, LABELS);
    expect(total.series.map((s) => s.label)).toEqual([
      'Running total',
      'Target trajectory',
      'Added in the period',
    ]);
    expect(total.series[2]?.axis).toBe('side');
    // A cap draws it on the budget's axis: a period's spend is a piece of the budget, its height
    // under the budget line a true comparison, never a second "₫…M" scale beside the budget's.
    const cap = goalChartPlan(
      { ...base, type: 'total', cap: 3, unit: { kind: 'currency', currency: 'VND' }, perPeriod: [1, 1] },
      LABELS,
    );
    const added = cap.series.find((s) => s.label === 'Added in the period');
    expect(added).toBeDefined();
    expect(added?.axis).toBeUndefined();
    expect(cap.series.some((s) => s.axis === 'side')).toBe(false);
    // A snapshot carries neither: its legend lists only what it draws.
    expect(goalChartPlan({ ...base, type: 'total' }, LABELS).series).toHaveLength(2);
    const level = goalChartPlan({ ...base, type: 'level', hit: [null, 2] }, LABELS);
    expect(level.series.map((s) => s.label)).toContain('Forecast date');
    expect(goalChartPlan({ ...base, type: 'level', hit: [null, null] }, LABELS).series).toHaveLength(2);
  });
});

describe('chartFormats', () => {
  it('writes the axis in the unit, as the card does', () => {
    const usd = chartFormats({ kind: 'currency', currency: 'USD' }, 'en');
    expect(usd.axis(2_000_000)).toBe('$2M');
    expect(chartFormats({ kind: 'ratio' }, 'en').axis(3.6)).toBe('3.6×');
    expect(chartFormats({ kind: 'percent' }, 'en').axis(32)).toBe('32%');
    expect(chartFormats({ kind: 'percent' }, 'vi').axis(29.5)).toBe('29,5%');
    expect(chartFormats({ kind: 'currency', currency: 'VND' }, 'vi').axis(4_000_000_000)).toMatch(
      /^4\s?tỷ\s?₫$/u,
    );
    // A count's point is whole: "61", never "60.65".
    expect(chartFormats({ kind: 'count' }, 'en').point(60.65)).toBe('61');
  });
});

describe("the widgets' chart names", () => {
  it("are the app's, in both languages", () => {
    for (const locale of ['en', 'vi'] as const) {
      const t = createTranslator(locale);
      const pairs: [Parameters<typeof widgetMessage>[1], Parameters<typeof t>[0]][] = [
        ['series.total', 'chart.series.total'],
        ['series.level', 'chart.series.level'],
        ['series.keep', 'chart.series.keep'],
        ['trajectory', 'detail.trajectory'],
        ['threshold', 'chart.series.threshold'],
        ['forecastLow', 'detail.forecastLow'],
        ['forecast', 'detail.forecast'],
        ['forecastHigh', 'detail.forecastHigh'],
        ['forecastDate', 'chart.series.forecastDate'],
        ['perPeriod', 'chart.series.perPeriod'],
      ];
      for (const [widget, app] of pairs)
        expect(widgetMessage(locale, widget), `${locale} ${widget}`).toBe(t(app));
      expect(widgetMessage(locale, 'series.rolling', { count: '12' })).toBe(
        t('chart.series.rolling', { count: 12 }),
      );
    }
  });
});
