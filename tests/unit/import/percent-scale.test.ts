import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessPercentScale, scalePercent } from '../../../lib/import/percent-scale';
import { buildImportPlan, type ImportConfig } from '../../../lib/import/plan';
import type { Observation } from '../../../lib/schema';

/** A percentage KPI's file: spreadsheet fractions (0,19) and typed percentages (15,5%) both land as points. */
const kpi: ImportConfig = {
  kind: 'kpi-series',
  mapping: { date: 0, value: 1 },
  headers: ['Ngày', 'Tỷ lệ'],
  dateFormat: 'yyyy-mm-dd',
  numberFormat: '1.234,5',
  timeZone: 'Asia/Ho_Chi_Minh',
  metricId: 'margin',
  now: Date.UTC(2026, 11, 7),
};

describe('percent scale', () => {
  it('reads a spreadsheet’s fractions and typed percentages in one file as points', () => {
    const plan = buildImportPlan({ ...kpi, percentScale: 'fraction' });
    const values = [
      ['2026-11-01', '0,19'],
      ['2026-11-02', '15,5%'],
      ['2026-11-03', '0,305'],
    ].map((r, i) => (plan.addRow(r, i + 2) as Observation).value);
    expect(values).toEqual([19, 15.5, 30.5]);
  });

  it('guesses fractions only when every bare number is within −1..1', () => {
    expect(guessPercentScale(['0,19', '0,2', '15,5%', ''], '1.234,5')).toBe('fraction');
    expect(guessPercentScale(['0.19', '1.5'], '1,234.5')).toBe('points');
    expect(guessPercentScale(['19', '21'], '1,234.5')).toBe('points');
    expect(guessPercentScale(['15%', '18%'], '1,234.5')).toBe('points');
    expect(guessPercentScale([], '1,234.5')).toBe('points');
  });

  it('never scales a cell with a % sign, and scales a bare fraction exactly ×100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), (n) => {
        const v = n / 10_000;
        expect(scalePercent(v, `${v}%`, 'fraction')).toBe(v);
        expect(scalePercent(v, String(v), 'points')).toBe(v);
        expect(scalePercent(v, String(v), 'fraction')).toBe(n / 100);
      }),
    );
  });
});
