import { beforeAll, describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../lib/app/dashboard-data';
import type { DashboardData } from '../../../lib/app/dashboard-types';
import { defaultSettings, type Locale } from '../../../lib/schema';
import { loadExampleData } from '../../../lib/storage/example-data';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb } from '../storage/helpers';

/**
 * The growth table (issue 14): every KPI shows its change against the month before — churn and
 * retention too (their formula reads prev(active customers), a month further back) — and a rate's
 * change is in percentage points, never a percentage of a percentage.
 */
const NOW = Date.UTC(2026, 11, 6, 3);

async function growthOf(locale: Locale) {
  const settings = defaultSettings({ locale, timeZone: 'Asia/Ho_Chi_Minh' });
  const { db } = await freshDb();
  await saveSettings(db, settings);
  await loadExampleData(db, NOW);
  return (await computeDashboard(db, settings, NOW)).growth;
}

describe('the growth table over the example data', () => {
  let en: DashboardData['growth'];
  let vi: DashboardData['growth'];
  beforeAll(async () => {
    en = await growthOf('en');
    vi = await growthOf('vi');
  }, 120_000);

  it('shows a change for churn and retention, judged by the good direction', () => {
    for (const id of ['ex-churn-rate', 'ex-retention-rate']) {
      const rows = en.filter((r) => r.metricId === id);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.change).not.toBeNull();
    }
    // Distributor churn 1.64% (Oct) → 3.82% (Nov): up 2.2 pt, worse for a lower-is-better rate;
    // retention is its complement and falls by as much.
    const churn = en.find((r) => r.metricId === 'ex-churn-rate' && r.key === 'distributor');
    expect(churn).toMatchObject({ value: '3.8%', change: '+2.2 pt', changeDirection: 'worse' });
    const retention = en.find((r) => r.metricId === 'ex-retention-rate' && r.key === 'distributor');
    expect(retention).toMatchObject({ change: '-2.2 pt', changeDirection: 'worse' });
  });

  it('writes every rate change in points (en "pt", vi "điểm %") and other changes as a relative %', () => {
    const rates = en.filter((r) => r.value.endsWith('%') && r.change !== null);
    expect(rates.length).toBeGreaterThan(5);
    for (const r of rates) expect(r.change).toMatch(/^[+-]?\d+(\.\d)? pt$/);
    for (const r of vi.filter((r) => r.value.endsWith('%') && r.change !== null))
      expect(r.change).toMatch(/^[+-]?\d+(,\d)? điểm %$/);
    for (const r of en.filter((r) => !r.value.endsWith('%') && r.change !== null))
      expect(r.change).toMatch(/^[+-]\d+(\.\d)?%$/);
  });

  it('writes one KPI row on one scale: 737 nghìn ₫ beside 13,4 tr ₫, never 736.662 ₫', () => {
    for (const rows of [en, vi]) {
      const byRow = new Map<string, string[]>();
      for (const r of rows)
        byRow.set(`${r.metricId}|${r.dimension}`, [
          ...(byRow.get(`${r.metricId}|${r.dimension}`) ?? []),
          r.value,
        ]);
      const mixed = [...byRow].filter(
        ([, values]) =>
          values.some((v) => /[MB]\b|\btr\b|tỷ/.test(v)) && values.some((v) => /\d[.,]\d{3}\b/.test(v)),
      );
      expect(mixed).toEqual([]);
    }
    const aov = vi.find((r) => r.metricId === 'ex-average-order-value' && r.key === 'online');
    expect(aov?.value).toMatch(/^\d+\u00a0nghìn\u00a0₫$/);
  });
});

describe('the growth table’s caption', () => {
  it('names the two months it compares (en, vi), the year where it is not this one', async () => {
    const { growthMonths } = await import('../../../lib/app/growth-rows');
    const { createTranslator } = await import('../../../lib/i18n/translate');
    const at = (locale: Locale, now: number) => {
      const settings = defaultSettings({ locale, timeZone: 'Asia/Ho_Chi_Minh' });
      const today = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10) as Parameters<
        typeof growthMonths
      >[0];
      return growthMonths(today, settings, { t: createTranslator(locale), settings, now });
    };
    expect(at('en', NOW)).toBe('Nov vs. Oct');
    expect(at('vi', NOW)).toBe('Tháng 11 so với Tháng 10');
    expect(at('en', Date.UTC(2027, 0, 10))).toBe('Dec 2026 vs. Nov 2026');
  });
});
