import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../lib/app/goal-detail-data';
import { forecastLine } from '../../../lib/app/reading-text';
import { createTranslator } from '../../../lib/i18n/translate';
import { exampleViews } from '../example/example-views';

/**
 * A total counts its own window only (docs/figures.md § Reach a total): a cumulative milestone
 * "2027: ₫97B" is 2027's revenue, so a forecast date in 2028 would count 2028's revenue toward 2027.
 * Its card and chart say where 2027 will likely end instead; a level (reached whenever it gets there)
 * may still be forecast after its deadline.
 */
const TZ = 'Asia/Ho_Chi_Minh';
const now = Date.UTC(2026, 11, 7, 2);

const cases = [
  {
    id: 'ex-goal-year-2027',
    en: /^Forecast for Dec 31, 2027: ₫\d+(\.\d+)?B \(80%: ₫\d+(\.\d+)?B – ₫\d+(\.\d+)?B\) · (<1|\d)% chance of ₫97B$/,
    vi: /^Dự báo đến 31\/12\/2027: \d+(,\d+)? tỷ ₫ \(80%: \d+(,\d+)? tỷ ₫ – \d+(,\d+)? tỷ ₫\) · khả năng đạt 97 tỷ ₫: (<1|\d)%$/,
  },
  {
    id: 'ex-goal-q-2027-q1',
    en: /^Forecast for Mar 31, 2027: ₫\d+(\.\d+)?B \(80%: .+ – .+\) · (<1|\d)% chance of ₫21B$/,
    vi: /^Dự báo đến 31\/03\/2027: \d+(,\d+)? tỷ ₫ \(80%: .+ – .+\) · khả năng đạt 21 tỷ ₫: (<1|\d)%$/,
  },
];

describe('a milestone whose total counts only its own window', () => {
  for (const locale of ['en', 'vi'] as const) {
    const views = exampleViews(now, TZ, locale);
    for (const c of cases) {
      it(`${c.id} (${locale}): where its window will likely end, never a date after it`, () => {
        const v = views.find((x) => x.goal.id === c.id);
        if (!v?.goal.deadline) throw new Error(`no ${c.id}`);
        expect(v.ev.type).toBe('milestone');
        expect(v.ev.measure).toBe('cumulative');
        const a = v.ev.forecast?.atDeadline;
        if (!a) throw new Error('no figure at the deadline');
        // The median future gets there after the deadline (the old line's date): the card says the end.
        expect(v.ev.forecast?.p50 ?? Number.POSITIVE_INFINITY).toBeGreaterThan(v.goal.deadline);
        const line = (v.view.forecast ?? '').replace(/\s/g, ' ');
        expect(line).toMatch(c[locale]);
        expect(line).not.toMatch(/2028/);

        // The chart agrees: it stops at the deadline, where its band is the card's figures.
        const chart = buildChart(v.goal, v.input, v.settings, now, v.ev);
        if (!chart) throw new Error('no chart');
        const lastX = chart.xs.at(-1) ?? 0;
        expect(lastX * 1000).toBeLessThanOrEqual(v.goal.deadline);
        const i = chart.xs.length - 1;
        expect([chart.low[i], chart.mid[i], chart.high[i]]).toEqual([a.p10, a.p50, a.p90]);
        expect(chart.hit.every((h) => h === null)).toBe(true);
      });
    }
  }

  it('a window total with no figure at its deadline still gives no date past it; a level does', () => {
    const v = exampleViews(now, TZ, 'en').find((x) => x.goal.id === 'ex-goal-year-2027');
    if (!v?.ev.forecast) throw new Error('no forecast');
    const ctx = { t: createTranslator('en'), settings: v.settings, now };
    const unit = { kind: 'currency', currency: 'VND' } as const;
    const bare = { ...v.ev, forecast: { ...v.ev.forecast, atDeadline: undefined } };
    const line = forecastLine(v.goal, bare, ctx, unit) ?? '';
    expect(line).toMatch(/^Most likely missed at the current pace · (<1|\d)% chance by Dec 31, 2027$/);
    // A level is reached whenever it gets there: its date after the deadline is a real answer.
    const level = { ...bare, type: 'level' as const, measure: 'latest' as const };
    expect(forecastLine(v.goal, level, ctx, unit)).toMatch(
      /^Forecast: \w{3} \d+, 2028 .*chance by Dec 31, 2027$/,
    );
  });
});
