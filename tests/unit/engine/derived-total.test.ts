import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { createSeriesContext } from '../../../lib/engine/goal-types/series-context';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { addDays, type DayKey, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { defaultSettings, type Metric } from '../../../lib/schema';
import { goal, metric } from './fixtures';

/**
 * A "Reach a total" goal on a derived KPI (profit = revenue − total costs) read "No data yet": the
 * total was summed from the formula metric's own rollups, and a formula has none. It is read through
 * the same series its chart and sparkline draw (series-context.ts totalInRange).
 */
const tz = 'America/New_York';
const settings = defaultSettings({ timeZone: tz });
const at = (day: string) => startOfLocalDay(day, tz);
const usd: Metric['unit'] = { kind: 'currency', currency: 'USD' };

const metrics = [
  metric({ id: 'revenue', unit: usd }),
  metric({ id: 'costs', unit: usd, direction: 'down' }),
  metric({ id: 'profit', unit: usd, formula: '{revenue} - {costs}' }),
];

/** One value per local day at noon, `from` through `to`. */
function daily(id: string, from: DayKey, to: DayKey, value: (day: DayKey, i: number) => number) {
  const pts = [];
  for (let d = from, i = 0; d <= to; d = addDays(d, 1), i++)
    pts.push({ time: at(d) + 12 * 3_600_000, value: value(d, i), dims: {} });
  return rollupFromPoints(id, pts, tz);
}

describe('a total on a derived KPI', () => {
  // Revenue $3,000 a day, costs $2,150 a day from Jan 1, 2026: profit $850 a day. On Dec 7, 2026
  // (340 days counted through Dec 6 plus Dec 7 so far), profit so far is 341 × 850 = $289,850.
  const now = at('2026-12-07') + 15 * 3_600_000;
  const rollups = [
    ...daily('revenue', '2026-01-01', '2026-12-07', (_, i) => 3000 + ((i * 37) % 11) * 10),
    ...daily('costs', '2026-01-01', '2026-12-07', (_, i) => 2150 + ((i * 37) % 11) * 10),
  ];
  const g = goal({
    id: 'profit-2026',
    goalType: 'total',
    metricId: 'profit',
    target: 450_000,
    startAt: at('2026-01-01'),
    deadline: at('2027-01-01'),
    owner: 'Mai',
  });
  const ev = evaluateAll({ goals: [g], metrics, rollups, checkIns: [], settings, now }).perGoal.get(
    'profit-2026',
  );

  it('reads its value, progress, pace, forecast and status, not "No data yet"', () => {
    expect(ev?.current).toBeCloseTo(341 * 850, 6);
    expect(ev?.measure).toBe('cumulative');
    expect(ev?.progress).toBeCloseTo((341 * 850) / 450_000, 6);
    expect(ev?.pace).not.toBeNull();
    expect(ev?.forecast).not.toBeNull();
    expect(ev?.forecastBasis?.granularity).toBe('month');
    expect(ev?.status).not.toBeNull();
  });

  it('gives the SMART check its real value: what is still to go, not the whole target', () => {
    // $450K − $289.85K over the 24 days left needs about $200K a month, far above the best month
    // ($26.4K): the hint names the rate from the real value (from 0 it said $552K).
    const hint = ev?.smart.find((i) => i.code === 'unrealistic_growth');
    expect(hint?.message.en).toMatch(/\$2\d\dK/);
    expect(hint?.message.en).not.toMatch(/\$5\d\dK/);
  });

  it('has no value while an input has none: "No data yet", never $0', () => {
    const only = rollups.filter((r) => r.metricId === 'revenue');
    const e = evaluateAll({ goals: [g], metrics, rollups: only, checkIns: [], settings, now }).perGoal.get(
      'profit-2026',
    );
    expect(e?.current).toBeNull();
    expect(e?.status).toBeNull();
  });
});

describe('totalInRange on a linear formula', () => {
  it('is the total of its inputs over the days both have data, for any window and data start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.integer({ min: -500, max: 5000 }), { minLength: 7, maxLength: 7 }),
        (revStart, costStart, windowStart, span, pattern) => {
          const base = '2025-01-01' as DayKey;
          const today = addDays(base, 560);
          const value = (_: DayKey, i: number) => pattern[i % 7] ?? 0;
          const rollups = [
            ...daily('revenue', addDays(base, revStart), today, value),
            ...daily('costs', addDays(base, costStart), today, (d, i) => value(d, i + 3) / 2),
          ];
          const ctx = createSeriesContext({ metrics, rollups, now: at(today) + 12 * 3_600_000 }, settings);
          const from = addDays(base, windowStart);
          const to = addDays(from, span);
          const both = addDays(base, Math.max(revStart, costStart));
          const got = ctx.totalInRange('profit', undefined, { from, to });
          if (to < both) return got === null;
          const lo = addDays(base, Math.max(windowStart, revStart, costStart));
          const rev = ctx.totalInRange('revenue', undefined, { from: lo, to }) ?? 0;
          const cost = ctx.totalInRange('costs', undefined, { from: lo, to }) ?? 0;
          return got !== null && Math.abs(got - (rev - cost)) < 1e-6;
        },
      ),
      { numRuns: 60 },
    );
  });
});
