import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateDashboard, loadDashboardInput } from '../../../lib/app/dashboard-data';
import { computeGoalDetail } from '../../../lib/app/goal-detail-data';
import { levelBand } from '../../../lib/engine/level-band';
import { hashString } from '../../../lib/engine/random';
import { defaultSettings } from '../../../lib/schema';
import { loadExampleData } from '../../../lib/storage/example-data';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb } from '../storage/helpers';

/**
 * A goal paced through milestones (the example BHAG) reads its forecast band twice when its detail
 * opens: the evaluation's plan-shortfall figure (plan-shortfall.ts) and the detail chart
 * (goal-detail-data.ts), both through level-band.ts. Its futures are simulated once for both, so the
 * card's figure and the chart are provably cut from the same paths (and a detail open costs one
 * simulation, not two). Counted here at the band's simulators, per goal (their seed).
 */
const calls = vi.hoisted(() => ({ seeds: [] as (number | undefined)[] }));
vi.mock('../../../lib/engine/forecast-rolling', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/engine/forecast-rolling')>();
  return {
    ...real,
    forecastRollingBand: (...args: Parameters<typeof real.forecastRollingBand>) => {
      calls.seeds.push(args[0].seed);
      return real.forecastRollingBand(...args);
    },
  };
});
vi.mock('../../../lib/engine/forecast', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/engine/forecast')>();
  return {
    ...real,
    forecastSeries: (...args: Parameters<typeof real.forecastSeries>) => {
      calls.seeds.push(args[2]?.seed);
      return real.forecastSeries(...args);
    },
  };
});

const NOW = Date.UTC(2026, 11, 7, 2);
const settings = defaultSettings({ locale: 'en', timeZone: 'Asia/Ho_Chi_Minh' });
const BHAG = 'ex-goal-bhag';
const bhagBands = () => calls.seeds.filter((s) => s === hashString(BHAG)).length;

describe('the example BHAG’s detail simulates its futures once', () => {
  let db: Awaited<ReturnType<typeof freshDb>>['db'];
  beforeAll(async () => {
    ({ db } = await freshDb());
    await saveSettings(db, settings);
    await loadExampleData(db, NOW);
  }, 60_000);
  beforeEach(() => {
    calls.seeds.length = 0;
  });

  it('for the card’s plan-shortfall figure and the chart’s band together', async () => {
    const detail = await computeGoalDetail(db, BHAG, settings, NOW);
    // The card names the plan's 2027 step and the chart draws the band it was read from.
    expect(detail.view.pace).toMatch(/the plan asks ₫97B by Dec 31, 2027; forecast there: ₫\d/);
    expect(detail.chart?.mid.some((v, i) => v !== null && v !== detail.chart?.actual[i])).toBe(true);
    expect(bhagBands()).toBe(1);
  });

  it('the chart is cut from the evaluation’s own band: the same numbers, no second simulation', async () => {
    const input = await loadDashboardInput(db);
    const ev = evaluateDashboard(input, settings, NOW).perGoal.get(BHAG);
    const basis = ev?.forecastBasis;
    if (!basis?.steps || !ev?.planShortfall) throw new Error('no plan-shortfall figure');
    expect(bhagBands()).toBe(1);
    const card = levelBand(basis, basis.steps);
    const chart = levelBand(basis, 25);
    expect(bhagBands()).toBe(1);
    expect(chart.p50).toEqual(card.p50.slice(0, 25));
    expect(card.p50).toContain(ev.planShortfall.forecast);
  });
});
