import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CascadableGoal,
  chooseRows,
  defaultMeaning,
  goalReadingFor,
  levelBeforeStart,
  type MilestoneOptions,
  milestoneGoals,
  type PlanRow,
  planCascade,
  rateBeforeStart,
} from '../../../components/newtab/editor/cascade-plan';
import { goalDescription } from '../../../lib/app/goal-description';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { Goal } from '../../../lib/schema';

const tz = 'Asia/Ho_Chi_Minh';
const cal = { timeZone: tz, weekStart: 1 as const, fiscalYearStartMonth: 1 };
const B = 1_000_000_000;
const SUM = { aggregation: 'sum' as const };
/** Midnight of a local day in Hà Nội (UTC+7). */
const local = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * 3_600_000;
const NOW = local(2026, 12, 6) + 11 * 3_600_000;

function bhag(over: Partial<CascadableGoal> = {}): CascadableGoal {
  return {
    id: 'bhag',
    kind: 'bhag',
    goalType: 'level',
    rollingMonths: 12,
    title: 'Reach 150 billion VND annual revenue by 2029',
    frameworks: ['smart'],
    metricId: 'rev',
    target: 150 * B,
    startAt: local(2026, 1, 1),
    deadline: local(2029, 1, 1) - 1,
    weight: 1,
    archived: false,
    deletedAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

const targets = (rows: PlanRow[], g: string) =>
  rows.filter((r) => r.granularity === g).map((r) => Math.round(r.target / 1e6) / 1e3);

describe('planCascade: what the target means', () => {
  it('a 12-month rolling level on a summed metric is read as a rate per year', () => {
    expect(defaultMeaning(bhag(), SUM)).toBe('annual');
    expect(defaultMeaning({ goalType: 'total' }, SUM)).toBe('total');
    expect(defaultMeaning(bhag(), { aggregation: 'last' })).toBe('level');
  });

  it('annual ₫150B by 2029, stepping up from ₫30B: years ₫70B / ₫110B / ₫150B, quarters a share of their year', () => {
    const plan = planCascade(bhag(), SUM, cal, {
      meaning: 'annual',
      annualPath: 'ramp',
      startRate: 30 * B,
      method: 'linear',
      budget: 13.5 * B,
      now: NOW,
    });
    expect(plan.levels).toEqual(['year', 'quarter', 'month']);
    expect(targets(plan.rows, 'year')).toEqual([70, 110, 150]);
    // 2026 by days: Q1 90/365, Q2 91/365, Q3 92/365, Q4 92/365 of ₫70B (₫17.26B / ₫17.452B / ₫17.644B
    // twice), written as a person would (round-targets.ts) and still adding up to ₫70B.
    expect(targets(plan.rows, 'quarter').slice(0, 4)).toEqual([17.3, 17.5, 17.6, 17.6]);
    // 2028 is a leap year: 91, 91, 92, 92 days of 366 (₫37.295B twice, ₫37.705B twice). Never the
    // 3-year total split evenly (₫12.3B a quarter).
    expect(targets(plan.rows, 'quarter').slice(-4)).toEqual([37.3, 37.3, 37.7, 37.7]);
    // Jan 2026: 31/90 of Q1's ₫17.3B (₫5.959B), March the same.
    expect(targets(plan.rows, 'month').slice(0, 3)).toEqual([5.96, 5.38, 5.96]);
    for (const r of plan.rows) expect(Number.isInteger(r.target), r.key).toBe(true);
    // The budget follows the targets' weights: ₫13.5B × 70/330 for 2026, written as a person would
    // (three significant figures, still adding up to ₫13.5B), never 2,863,636,364.
    const years = plan.rows.filter((r) => r.granularity === 'year');
    expect(years.map((r) => r.budget)).toEqual([2_860_000_000, 4_500_000_000, 6_140_000_000]);
    // 2026's quarters by days (90, 91, 92, 92 of 365) of its ₫2.86B.
    expect(plan.rows.filter((r) => r.parentKey === years[0]?.key).map((r) => r.budget)).toEqual([
      705_000_000, 713_000_000, 721_000_000, 721_000_000,
    ]);
  });

  it('annual, the full rate every year: ₫150B in each year', () => {
    const plan = planCascade(bhag(), SUM, cal, {
      meaning: 'annual',
      annualPath: 'flat',
      method: 'linear',
      now: NOW,
    });
    expect(targets(plan.rows, 'year')).toEqual([150, 150, 150]);
    expect(plan.rows.every((r) => r.budget === null)).toBe(true);
  });

  it('a window starting in July asks half a year of the 2026 rate', () => {
    const plan = planCascade(bhag({ startAt: local(2026, 7, 1) }), SUM, cal, {
      meaning: 'annual',
      annualPath: 'flat',
      method: 'linear',
      now: NOW,
    });
    expect(targets(plan.rows, 'year')).toEqual([75.6, 150, 150]); // 184/365 × ₫150B = ₫75.616B
  });

  it('a window written in UTC days keeps its three years in Hà Nội and in New York', () => {
    for (const timeZone of ['Asia/Ho_Chi_Minh', 'America/New_York']) {
      const goal = bhag({ startAt: Date.UTC(2026, 0, 1), deadline: Date.UTC(2029, 0, 1) - 1 });
      const plan = planCascade(
        goal,
        SUM,
        { ...cal, timeZone },
        { meaning: 'annual', method: 'linear', now: NOW },
      );
      expect(plan.rows.filter((r) => r.granularity === 'year').map((r) => r.key)).toEqual([
        'year-2026-01-01',
        'year-2027-01-01',
        'year-2028-01-01',
      ]);
    }
  });

  it('total over the period: the periods add up to the target', () => {
    const plan = planCascade(bhag({ target: 36 * B }), SUM, cal, {
      meaning: 'total',
      method: 'linear',
      now: NOW,
    });
    expect(plan.sum).toBeCloseTo(36 * B, 0);
    // ₫11.989B, ₫11.989B and ₫12.022B by days, written as ₫12B each: they add up to ₫36B exactly.
    expect(targets(plan.rows, 'year')).toEqual([12, 12, 12]);
    expect(plan.rows.filter((r) => r.granularity === 'year').reduce((a, r) => a + r.target, 0)).toBe(36 * B);
  });

  it('a level metric gets the level to reach by each period’s end', () => {
    const plan = planCascade(
      bhag({ target: 15, baseline: 10, startAt: local(2026, 1, 1), deadline: local(2027, 1, 1) - 1 }),
      { aggregation: 'last' },
      cal,
      { meaning: 'annual', method: 'linear', now: NOW },
    );
    expect(plan.meaning).toBe('level');
    expect(plan.levels).toEqual(['quarter', 'month']);
    const q = plan.rows.filter((r) => r.granularity === 'quarter').map((r) => Number(r.target.toFixed(2)));
    expect(q).toEqual([11.23, 12.48, 13.74, 15]);
    // Without a baseline, from the level the user gives (or the data's last month before the start).
    const from12 = planCascade(
      bhag({ target: 15, startAt: local(2026, 1, 1), deadline: local(2027, 1, 1) - 1 }),
      { aggregation: 'last' },
      cal,
      { meaning: 'level', startLevel: 12, method: 'linear', now: NOW },
    );
    const q12 = from12.rows
      .filter((r) => r.granularity === 'quarter')
      .map((r) => Number(r.target.toFixed(2)));
    expect(q12).toEqual([12.74, 13.49, 14.24, 15]);
  });
});

describe('planCascade: keep goals', () => {
  it('a keep goal holds the same threshold in every period, never a ramp from 0', () => {
    const plan = planCascade(
      bhag({ goalType: 'keep', target: 30, startAt: local(2026, 1, 1), deadline: local(2027, 1, 1) - 1 }),
      { aggregation: 'last' },
      cal,
      { meaning: 'level', method: 'linear', now: NOW },
    );
    expect(new Set(plan.rows.map((r) => r.target))).toEqual(new Set([30]));
    // On a summed metric too ("at least 30 orders every month" is not 30 orders split over the year).
    const summed = planCascade(
      bhag({ goalType: 'keep', target: 30, startAt: local(2026, 1, 1), deadline: local(2027, 1, 1) - 1 }),
      SUM,
      cal,
      { meaning: 'annual', method: 'linear', now: NOW },
    );
    expect(summed.meaning).toBe('level');
    expect(new Set(summed.rows.map((r) => r.target))).toEqual(new Set([30]));
  });
});

describe('levelBeforeStart', () => {
  it('is the baseline, else the last month with data in the year before the start', () => {
    const obs = [3, 6, 9, 11].map((value, i) => ({ time: local(2025, 3 + 3 * i, 15), value, dims: {} }));
    const rollups = rollupFromPoints('conv', obs, tz);
    const g = bhag({ metricId: 'conv', target: 15 });
    const m = { id: 'conv', aggregation: 'last' as const };
    expect(levelBeforeStart(rollups, g, m, cal)).toBe(11);
    expect(levelBeforeStart(rollups, { ...g, baseline: 10 }, m, cal)).toBe(10);
    expect(levelBeforeStart(rollups, g, { ...m, formula: '{a} / {b}' }, cal)).toBeNull();
    expect(levelBeforeStart([], g, m, cal)).toBeNull();
  });
});

describe('chooseRows: depth and ended periods', () => {
  const plan = planCascade(bhag(), SUM, cal, {
    meaning: 'annual',
    annualPath: 'ramp',
    startRate: 30 * B,
    method: 'linear',
    budget: 13.5 * B,
    now: NOW,
  });

  it('leaves out periods that ended unless asked (Dec 2026: 11 months and 3 quarters of 2026)', () => {
    const rows = chooseRows(plan, 'month', false);
    expect(rows.some((r) => r.ended)).toBe(false);
    expect(rows.filter((r) => r.granularity === 'year')).toHaveLength(3);
    expect(rows.filter((r) => r.granularity === 'quarter')).toHaveLength(9);
    expect(rows.filter((r) => r.granularity === 'month')).toHaveLength(25);
    const all = chooseRows(plan, 'month', true);
    expect(all).toHaveLength(3 + 12 + 36);
    expect(all.filter((r) => r.ended)).toHaveLength(3 + 11);
  });

  it('a row hangs under its nearest shown ancestor', () => {
    const years = chooseRows(plan, 'year', false);
    expect(years.map((r) => r.parentKey)).toEqual([null, null, null]);
    const quarters = chooseRows(plan, 'quarter', false);
    expect(quarters.find((r) => r.key === 'quarter-2027-01-01')?.parentKey).toBe('year-2027-01-01');
    const noQuarters = chooseRows({ ...plan, levels: ['year', 'month'] }, 'month', false);
    expect(noQuarters.find((r) => r.key === 'month-2027-02-01')?.parentKey).toBe('year-2027-01-01');
  });

  it('creates milestones that parse, carry metric, window, target, budget and owner, and nest', () => {
    const rows = chooseRows(plan, 'quarter', false);
    let n = 0;
    const goals = milestoneGoals(bhag(), rows, {
      meaning: 'annual',
      owner: (r) => (r.granularity === 'year' ? 'Nguyễn Minh Anh' : 'Trần Thu Hà'),
      budget: (r) => r.budget,
      currency: 'VND',
      method: 'linear',
      now: NOW,
      timeZone: tz,
      newId: () => `m${n++}`,
      label: (r, locale) => `${locale === 'vi' ? 'Năm' : 'Year'} ${r.node.start}`,
      locale: 'en',
      describe: (r, locale) =>
        `${locale === 'vi' ? 'Doanh thu' : 'Revenue'} ${r.target} from ${r.node.start}`,
    });
    expect(goals.every((g) => Goal.safeParse(g).success)).toBe(true);
    const y2027 = goals.find((g) => g.title.startsWith('Year 2027-01-01'));
    expect(y2027?.title).toBe('Year 2027-01-01 · Reach 150 billion VND annual revenue by 2029');
    expect(y2027?.translations?.vi).toBe('Năm 2027-01-01 · Reach 150 billion VND annual revenue by 2029');
    // The "what" in the UI's language, and in the other one beside it: switching language translates it.
    expect(y2027?.description).toBe(`Revenue ${110 * B} from 2027-01-01`);
    expect(y2027?.descriptionTranslations).toEqual({ vi: `Doanh thu ${110 * B} from 2027-01-01` });
    expect(y2027 && goalDescription(y2027, 'vi')).toBe(`Doanh thu ${110 * B} from 2027-01-01`);
    expect(y2027 && goalDescription(y2027, 'en')).toBe(`Revenue ${110 * B} from 2027-01-01`);
    expect(y2027).toMatchObject({
      goalType: 'milestone',
      metricId: 'rev',
      target: 110 * B,
      startAt: local(2027, 1, 1),
      deadline: local(2028, 1, 1) - 1,
      owner: 'Nguyễn Minh Anh',
      budget: { amount: 4_500_000_000, currency: 'VND' },
      parentId: 'bhag',
    });
    const q1 = goals.find((g) => g.startAt === local(2027, 1, 1) && g.id !== y2027?.id);
    expect(q1?.parentId).toBe(y2027?.id);
    expect(goals.every((g) => (g.deadline ?? 0) >= NOW)).toBe(true);
    // No direction of its own on a KPI that has one.
    expect(goals.some((g) => 'direction' in g)).toBe(false);
  });

  /** Milestone options with no owner, budget or words: what the tests below vary is set beside them. */
  const plainMilestones: MilestoneOptions = {
    meaning: 'total',
    owner: () => '',
    budget: () => null,
    currency: 'VND',
    method: 'linear',
    now: NOW,
    timeZone: tz,
    newId: () => 'm',
    label: (r) => r.node.start,
    locale: 'en',
    describe: () => '',
  };

  it('titles a milestone with its own target, so a quarter does not read as the BHAG’s ₫150B', () => {
    const rows = chooseRows(plan, 'year', false);
    const [y2027] = milestoneGoals(bhag(), rows, {
      ...plainMilestones,
      meaning: 'annual',
      label: (r, locale) => `${locale === 'vi' ? 'Năm' : 'Year'} ${r.node.start.slice(0, 4)}`,
      amount: (r, locale) => `${r.target / B}${locale === 'vi' ? ' tỷ' : 'B'}`,
    }).filter((g) => g.title.startsWith('Year 2027'));
    expect(y2027?.title).toBe('Year 2027: 110B · Reach 150 billion VND annual revenue by 2029');
    expect(y2027?.translations?.vi).toBe('Năm 2027: 110 tỷ · Reach 150 billion VND annual revenue by 2029');
  });

  it('gives milestones of a goal on a neutral KPI (ad spend) the goal’s own direction', () => {
    const rows = chooseRows(plan, 'year', false);
    const goals = milestoneGoals(bhag({ direction: 'down' }), rows, { ...plainMilestones, meaning: 'total' });
    expect(goals.length).toBeGreaterThan(0);
    expect(goals.every((g) => g.direction === 'down' && Goal.safeParse(g).success)).toBe(true);
  });
});

describe('goalReadingFor', () => {
  const REV = { aggregation: 'sum', direction: 'up', unit: { kind: 'currency', currency: 'VND' } } as const;

  it('makes the goal read its target as the wizard was told: a rate per year, or the total', () => {
    const total = bhag({ goalType: 'total', measure: 'cumulative', rollingMonths: undefined });
    expect(goalReadingFor(total, REV, 'annual')).toEqual({
      goalType: 'level',
      measure: 'latest',
      rollingMonths: 12,
    });
    expect(goalReadingFor(total, REV, 'total')).toBeNull();
    const annual = bhag({ goalType: 'level', rollingMonths: 12 });
    expect(goalReadingFor(annual, REV, 'annual')).toBeNull();
    expect(goalReadingFor(annual, REV, 'total')).toEqual({
      goalType: 'total',
      measure: 'cumulative',
      rollingMonths: undefined,
    });
    // A level metric has one reading; a keep goal holds its line whatever the wizard split.
    expect(goalReadingFor(total, { ...REV, aggregation: 'last' }, 'annual')).toBeNull();
    expect(goalReadingFor(bhag({ goalType: 'keep' }), REV, 'annual')).toBeNull();
  });
});

/**
 * Siblings' budgets are "round" (lib/app/round-split.ts): each a whole multiple of one step — three
 * significant figures of the largest of them, no finer than the part they split needs (a quarter of
 * ₫1.723B splits in ₫1M steps), and one figure more where that keeps equal periods equal — never to
 * the đồng.
 */
function expectRound(parts: readonly number[], whole: number) {
  const largest = Math.max(...parts.map(Math.abs));
  if (largest === 0) return;
  let step = Math.max(1, 10 ** (Math.floor(Math.log10(largest)) - 2));
  while (step > 1 && whole % step !== 0) step /= 10;
  step = Math.max(1, step / 10);
  for (const p of parts) expect(Number.isInteger(p / step), `${p} in steps of ${step}`).toBe(true);
}

describe('planCascade: properties', () => {
  it('children add up to their parent (targets and budgets) for totals and annual rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 30, max: 1500 }),
        fc.constantFrom('total' as const, 'annual' as const),
        fc.constantFrom('ramp' as const, 'flat' as const),
        fc.double({ min: 1, max: 1e12, noNaN: true }),
        fc.option(fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 12, maxLength: 12 })),
        // A budget as typed: a round figure (₫13.5B, $2,000,000) at any magnitude.
        fc.integer({ min: 1, max: 999 }).chain((m) => fc.constantFrom(m * 1e3, m * 1e6, m * 1e7, m * 1e9)),
        (startDay, days, meaning, annualPath, target, weights, budget) => {
          const startAt = local(2025, 1, 1) + startDay * 86_400_000;
          const goal = bhag({ startAt, deadline: startAt + days * 86_400_000 - 1, target });
          const plan = planCascade(goal, SUM, cal, {
            meaning,
            annualPath,
            startRate: target / 3,
            method: weights ? 'phased' : 'linear',
            weights: weights ?? undefined,
            budget,
            now: NOW,
          });
          const byParent = new Map<string, PlanRow[]>();
          for (const r of plan.rows)
            if (r.parentKey) byParent.set(r.parentKey, [...(byParent.get(r.parentKey) ?? []), r]);
          for (const r of plan.rows) {
            const kids = byParent.get(r.key);
            if (!kids) continue;
            const t = kids.reduce((a, k) => a + k.target, 0);
            const b = kids.reduce((a, k) => a + (k.budget ?? 0), 0);
            expect(Math.abs(t - r.target)).toBeLessThanOrEqual(Math.abs(r.target) * 1e-9 + 1e-6);
            // Exactly, in whole units: the budgets are rounded, not their sum.
            expect(b).toBe(r.budget);
            expectRound(
              kids.map((k) => k.budget ?? 0),
              r.budget ?? 0,
            );
          }
          const top = plan.rows.filter((r) => !r.parentKey).map((r) => r.budget ?? 0);
          expect(top.reduce((a, v) => a + v, 0)).toBe(budget);
          expectRound(top, budget);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('rateBeforeStart', () => {
  it('reads complete months only: a December of 7 days is not a whole month', () => {
    // Oct ₫275M, Nov ₫415M, and ₫15M on Dec 1–7; the BHAG starts Jan 1, planned on Dec 7.
    const obs = [
      { time: local(2026, 10, 15), value: 275_000_000, dims: {} },
      { time: local(2026, 11, 15), value: 415_000_000, dims: {} },
      { time: local(2026, 12, 5), value: 15_000_000, dims: {} },
    ];
    const rollups = rollupFromPoints('rev', obs, tz);
    const g = bhag({ metricId: 'rev', startAt: local(2027, 1, 1), deadline: local(2030, 1, 1) - 1 });
    const dec7 = local(2026, 12, 7) + 12 * 3_600_000;
    expect(rateBeforeStart(rollups, g, { id: 'rev', aggregation: 'sum' }, cal, dec7)).toMatchObject({
      rate: ((275_000_000 + 415_000_000) * 12) / 2,
      months: 2,
      figure: { from: '2026-10-01', to: '2026-11-01', scaled: true },
    });
    // Planned once December is over, December counts.
    const jan2 = local(2027, 1, 2);
    expect(rateBeforeStart(rollups, g, { id: 'rev', aggregation: 'sum' }, cal, jan2)?.months).toBe(3);
  });
});
