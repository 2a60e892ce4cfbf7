import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import type { ForecastOptions } from '../../../lib/engine/forecast';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { addDays, type DayKey, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { defaultSettings } from '../../../lib/schema';
import { goal, metric } from './fixtures';

/**
 * A budget cap's outlook (forecast-budget.ts) takes its forecaster's options from basisOptions
 * (goal-types/shared.ts), the one builder every forecast from a basis passes, so an option added there
 * reaches caps too. It had built its own from the fields it knew (season, paths, seed, calendar days):
 * an option added to the builder reached the card's hit date and the detail chart, and not the cap.
 * Here the builder gains an option (a block length of 1 for the residual bootstrap) and the cap's
 * figures must follow it.
 */
const extra: { options: ForecastOptions } = { options: {} };
vi.mock('../../../lib/engine/goal-types/shared', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/engine/goal-types/shared')>();
  return {
    ...real,
    basisOptions: (basis: Parameters<typeof real.basisOptions>[0]) => ({
      ...real.basisOptions(basis),
      ...extra.options,
    }),
  };
});

const tz = 'Asia/Ho_Chi_Minh';
const day = (d: string) => startOfLocalDay(d as DayKey, tz);
const M = 1_000_000;
const refunds = metric({
  id: 'refunds',
  unit: { kind: 'currency', currency: 'VND' },
  direction: 'down',
  aggregation: 'sum',
});

function capOutlook() {
  const now = day('2027-02-15') + 10 * 3_600_000;
  const points: { time: number; value: number }[] = [];
  for (let d = '2025-01-01' as DayKey, i = 0; d <= '2027-02-14'; d = addDays(d, 1), i++)
    points.push({ time: day(d) + 12 * 3_600_000, value: 8 * M + ((i * 7919) % 11) * 0.4 * M });
  const cap = goal({
    id: 'cap',
    metricId: 'refunds',
    goalType: 'total',
    startAt: day('2027-01-01'),
    deadline: day('2027-04-01') - 1,
    target: 900 * M,
  });
  const r = evaluateAll({
    goals: [cap],
    metrics: [refunds],
    rollups: rollupFromPoints('refunds', points, tz),
    checkIns: [],
    settings: defaultSettings({ timeZone: tz }),
    now,
    forecastPaths: 400,
  });
  const budget = r.perGoal.get('cap')?.budget;
  if (!budget?.end || budget.chanceWithin === null) throw new Error('no outlook');
  return { end: budget.end, chanceWithin: budget.chanceWithin };
}

describe('a budget cap’s forecast options', () => {
  afterEach(() => {
    extra.options = {};
  });

  it('are basisOptions’: an option added to the builder reaches the cap’s outlook', () => {
    const before = capOutlook();
    extra.options = { blockLength: 1 };
    const after = capOutlook();
    // Other futures (one-period blocks of residuals), so other totals at the window's end.
    expect(after.end).not.toEqual(before.end);
    extra.options = {};
    expect(capOutlook()).toEqual(before);
  });
});
