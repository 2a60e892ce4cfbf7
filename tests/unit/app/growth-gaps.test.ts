import { describe, expect, it } from 'vitest';
import { growthGaps, growthRows } from '../../../lib/app/growth-rows';
import { derivedLatestValues, kpiListItems } from '../../../lib/app/kpi-list';
import { createSeriesReader } from '../../../lib/app/period-series';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { type DayKey, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Locale } from '../../../lib/schema';
import { metric } from '../engine/fixtures';

/**
 * A marketer's template pack: revenue logged by channel, active customers by segment. "Average monthly
 * value per customer" is set up by segment but cannot be broken down so: the growth table says why
 * instead of dropping it, and the KPI list shows its latest complete month all the same.
 */
const tz = 'Asia/Ho_Chi_Minh';
const at = (day: string) => startOfLocalDay(day as DayKey, tz) + 10 * 3_600_000;
const today = '2026-12-07' as DayKey;

const revenue = metric({
  id: 'rev',
  name: 'Revenue',
  translations: { vi: 'Doanh thu' },
  unit: { kind: 'currency', currency: 'VND' },
  dimensions: ['channel', 'segment'],
  templateId: 'revenue',
});
const customers = metric({
  id: 'cust',
  name: 'Active customers',
  aggregation: 'last',
  dimensions: ['segment'],
  templateId: 'customers',
});
const perCustomer = metric({
  id: 'apc',
  name: 'Average monthly value per customer',
  translations: { vi: 'Giá trị trung bình mỗi khách hàng mỗi tháng' },
  unit: { kind: 'currency', currency: 'VND' },
  aggregation: 'last',
  dimensions: ['segment'],
  formula: '{rev} / {cust}',
  templateId: 'avg_monthly_value_per_customer',
});
const metrics = [revenue, customers, perCustomer];

const rollups = [
  ...rollupFromPoints(
    'rev',
    [
      { time: at('2026-10-05'), value: 6_000_000, dims: { channel: 'facebook' } },
      { time: at('2026-11-05'), value: 8_000_000, dims: { channel: 'facebook' } },
      { time: at('2026-11-20'), value: 4_000_000, dims: { channel: 'zalo' } },
      // The running month: never read as the latest.
      { time: at('2026-12-02'), value: 1_000_000, dims: { channel: 'facebook' } },
    ],
    tz,
  ),
  ...rollupFromPoints(
    'cust',
    [
      { time: at('2026-10-30'), value: 30, dims: { segment: 'smb' } },
      { time: at('2026-11-30'), value: 40, dims: { segment: 'smb' } },
      { time: at('2026-12-03'), value: 50, dims: { segment: 'smb' } },
    ],
    tz,
  ),
];

function read(locale: Locale) {
  const settings = defaultSettings({ locale, timeZone: tz });
  const ctx = { t: createTranslator(locale), settings, now: at(today) };
  const series = createSeriesReader(metrics, rollups, settings);
  const rows = growthRows(metrics, series, today, settings, ctx, rollups);
  return {
    rows,
    gaps: growthGaps(metrics, rows, series, today, settings, ctx, rollups),
    latest: derivedLatestValues(metrics, series, today, settings, ctx),
  };
}

describe('growth KPIs a breakdown cannot show', () => {
  it('names the KPI and the input not logged by that dimension', () => {
    const { rows, gaps } = read('en');
    expect(rows.some((r) => r.metricId === 'apc')).toBe(false);
    expect(gaps).toEqual([
      {
        metricId: 'rev',
        dimension: 'segment',
        text: 'Revenue (not logged by segment)',
      },
      {
        metricId: 'apc',
        dimension: 'segment',
        text: 'Average monthly value per customer (Revenue not logged by segment)',
      },
    ]);
  });

  it('reads in Vietnamese', () => {
    expect(read('vi').gaps.map((g) => g.text)).toEqual([
      'Doanh thu (không được ghi theo phân khúc)',
      'Giá trị trung bình mỗi khách hàng mỗi tháng (Doanh thu không được ghi theo phân khúc)',
    ]);
  });

  it('lists nothing for a KPI that has no figures at all, nor for one its table shows', () => {
    const settings = defaultSettings({ timeZone: tz });
    const ctx = { t: createTranslator('en'), settings, now: at(today) };
    const series = createSeriesReader(metrics, [], settings);
    expect(growthGaps(metrics, [], series, today, settings, ctx, [])).toEqual([]);
    // Customers by segment has its row: not a gap.
    expect(read('en').gaps.some((g) => g.metricId === 'cust')).toBe(false);
  });

  it('says the inputs share no month when each is logged by the dimension', () => {
    const byBoth = [
      ...rollupFromPoints('rev', [{ time: at('2026-11-05'), value: 8, dims: { segment: 'smb' } }], tz),
      ...rollupFromPoints('cust', [{ time: at('2026-11-30'), value: 4, dims: { segment: 'ent' } }], tz),
    ];
    const settings = defaultSettings({ timeZone: tz });
    const ctx = { t: createTranslator('en'), settings, now: at(today) };
    const series = createSeriesReader(metrics, byBoth, settings);
    const rows = growthRows(metrics, series, today, settings, ctx, byBoth);
    const gaps = growthGaps(metrics, rows, series, today, settings, ctx, byBoth);
    expect(gaps.find((g) => g.metricId === 'apc')?.text).toBe(
      'Average monthly value per customer (its inputs have no complete month in common by segment)',
    );
  });
});

describe('a derived KPI’s latest value in the KPI list', () => {
  it('is its latest complete month, computed from its inputs, never the running month', () => {
    const { latest } = read('en');
    // November: 12,000,000 of revenue over 40 customers.
    expect(latest.get('apc')).toEqual({ value: '₫300,000', month: 'Nov' });
    expect(latest.has('rev')).toBe(false);
    const items = kpiListItems(metrics, [], new Map(), 'en', latest);
    expect(items.find((k) => k.id === 'apc')).toMatchObject({
      derived: true,
      latest: { value: '₫300,000', month: 'Nov' },
    });
    expect(items.find((k) => k.id === 'rev')).not.toHaveProperty('latest');
    expect(read('vi').latest.get('apc')?.month).toBe('Tháng 11');
  });

  it('walks back to an earlier complete month when the last one has no value', () => {
    const octOnly = [
      ...rollupFromPoints(
        'rev',
        [{ time: at('2026-10-05'), value: 6_000_000, dims: { channel: 'facebook' } }],
        tz,
      ),
      ...rollupFromPoints('cust', [{ time: at('2026-10-30'), value: 30, dims: { segment: 'smb' } }], tz),
    ];
    const settings = defaultSettings({ timeZone: tz });
    const ctx = { t: createTranslator('en'), settings, now: at(today) };
    const latest = derivedLatestValues(
      metrics,
      createSeriesReader(metrics, octOnly, settings),
      today,
      settings,
      ctx,
    );
    // November: revenue 0 (a summed KPI after its first data) over no count of customers: no value.
    // October: 6,000,000 over 30 customers.
    expect(latest.get('apc')).toEqual({ value: '₫200,000', month: 'Oct' });
  });
});
