import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../lib/app/goal-detail-data';
import { exampleViews } from '../example/example-views';

/**
 * The detail chart as a manager reads it (docs/figures.md § Detail chart), on the example at Dec 6:
 * each point where its value is known, the deadline and the forecast date on the chart, and a share's
 * band inside 0–100%.
 */
const NOW = Date.UTC(2026, 11, 6, 2);
const TZ = 'Asia/Ho_Chi_Minh';
/** Mid-December: a level is read on the running month from its 15th day (level-value.ts). */
const MID_DEC = Date.UTC(2026, 11, 16, 2);
const viewsByNow = new Map<number, ReturnType<typeof exampleViews>>();
const chartOf = (id: string, now = NOW) => {
  if (!viewsByNow.has(now)) viewsByNow.set(now, exampleViews(now, TZ, 'en'));
  const v = viewsByNow.get(now)?.find((x) => x.goal.id === id);
  if (!v) throw new Error(`no ${id}`);
  const chart = buildChart(v.goal, v.input, v.settings, now, v.ev);
  if (!chart) throw new Error(`no chart for ${id}`);
  return { v, chart };
};

describe('the detail chart', () => {
  it('marks a level’s forecast date on its target line, where the median never gets', () => {
    const { v, chart } = chartOf('ex-kr-on-time');
    const p50 = v.ev.forecast?.p50 ?? null;
    expect(p50).not.toBeNull();
    const marked = chart.hit.flatMap((h, i) => (h === null ? [] : [i]));
    expect(marked).toHaveLength(1);
    const i = marked[0] as number;
    expect(chart.hit[i]).toBe(98);
    expect(Math.abs((chart.xs[i] as number) * 1000 - (p50 as number))).toBeLessThanOrEqual(86_400_000);
    // The median month by month stays under 98%: without the mark, the chart read as "never".
    expect(Math.max(...chart.mid.filter((x): x is number => x !== null))).toBeLessThan(98);
    // A total's band crosses the target where its date is: no mark.
    expect(chartOf('ex-kpi-net-profit').chart.hit.every((h) => h === null)).toBe(true);
  });

  it('draws the card’s value at now, its target there as the card’s pace, and the month’s end after it', () => {
    const { v, chart } = chartOf('ex-kr-on-time', MID_DEC);
    const last = chart.actual.findLastIndex((x) => x !== null);
    expect(chart.xs[last]).toBe(MID_DEC / 1000);
    expect(chart.actual[last]).toBe(v.ev.current);
    // The gap at the card's point is the card's pace.
    expect((chart.actual[last] ?? 0) - (chart.target[last] ?? 0)).toBeCloseTo(
      v.ev.pace?.gap ?? Number.NaN,
      9,
    );
    // December's end (the deadline) is a point of its own: the target reached, the band's first step.
    const decEnd = chart.xs[last + 1] ?? 0;
    expect(new Date((decEnd + 7 * 3600) * 1000).toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(chart.target[last + 1]).toBeCloseTo(98, 9);
    expect(chart.mid[last + 1]).not.toBeNull();
    // Earlier months sit at their own ends (Nov 30), never at their starts.
    expect(new Date(((chart.xs[last - 1] ?? 0) + 7 * 3600) * 1000).toISOString().slice(0, 10)).toBe(
      '2026-11-30',
    );
  });

  it('a total the median makes only after its deadline ends there, at the card’s figures', () => {
    const { v, chart } = chartOf('ex-kpi-net-profit');
    const a = v.ev.forecast?.atDeadline;
    expect(a).toBeDefined();
    const deadline = v.goal.deadline ?? 0;
    const lastX = (chart.xs.at(-1) ?? 0) * 1000;
    expect(lastX).toBeLessThanOrEqual(deadline + 86_400_000);
    // The band's last point is the deadline's: the card's "Forecast for Dec 31, 2026: ₫4.9B (80%: …)".
    expect(chart.mid.at(-1)).toBeCloseTo(a?.p50 ?? Number.NaN, -6);
    expect(chart.low.at(-1)).toBeCloseTo(a?.p10 ?? Number.NaN, -6);
    expect(chart.high.at(-1)).toBeCloseTo(a?.p90 ?? Number.NaN, -6);
  });

  it('a level runs on to the card’s forecast date after the deadline', () => {
    const { v, chart } = chartOf('ex-kpi-retail-value');
    const p50 = v.ev.forecast?.p50 ?? 0;
    expect(p50).toBeGreaterThan(v.goal.deadline ?? 0);
    expect((chart.xs.at(-1) ?? 0) * 1000).toBeGreaterThanOrEqual(p50 - 31 * 86_400_000);
    expect(chart.hit.some((h) => h !== null)).toBe(true);
  });

  it('keeps a share’s band inside 0–100%: on-time delivery never forecast above 100%', () => {
    const { chart } = chartOf('ex-kr-on-time');
    const band = [...chart.low, ...chart.mid, ...chart.high].filter((x): x is number => x !== null);
    expect(band.length).toBeGreaterThan(3);
    for (const x of band) expect(x).toBeLessThanOrEqual(100);
    // It runs up to the top (within the chart's range, which ends at the median date): the model
    // alone would go past it.
    expect(Math.max(...band)).toBeGreaterThan(99.5);
  });
});
