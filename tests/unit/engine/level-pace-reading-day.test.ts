import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGoalView } from '../../../lib/app/goal-views';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { expectedLevel } from '../../../lib/engine/pace';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { addDays, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { type CheckIn, defaultSettings, type Goal, type Locale, type Metric } from '../../../lib/schema';
import { goal, metric } from './fixtures';

/**
 * A level's pace compares its reading with the plan on the reading's day — the day the card names the
 * value by ("Dec 1: 76.3%", "Nov: 3.49×" = Nov 30) — and the card names that day, as a monthly total's
 * "on Nov 30" (docs/figures.md § Reach a level → Pace). The reviewer's cards on Dec 8, 2026 had set a
 * Dec 1 survey and November's ROAS against Dec 8's plan without saying so.
 */
const tz = 'Asia/Ho_Chi_Minh';
const H = 3_600_000;
const DAY = 24 * H;
const at = (day: string) => startOfLocalDay(day, tz);
const NOW = Date.UTC(2026, 11, 8, 1, 30); // Dec 8, 08:30 in Hồ Chí Minh City

function evaluate(g: Goal, m: Metric, pts: { day: string; value: number; hour?: number }[], now = NOW) {
  const rollups = rollupFromPoints(
    m.id,
    pts.map((p) => ({ time: at(p.day) + (p.hour ?? 9) * H, value: p.value, dims: {} })),
    tz,
  );
  return evaluateAll({
    goals: [g],
    metrics: [m],
    rollups,
    checkIns: [],
    settings: defaultSettings({ timeZone: tz }),
    now,
    forecastPaths: 50,
  }).perGoal.get(g.id);
}

const view = (g: Goal, m: Metric, ev: ReturnType<typeof evaluate>, locale: Locale) =>
  buildGoalView(g, ev, m, [], {
    t: createTranslator(locale),
    settings: { ...defaultSettings({ locale, timeZone: tz }) },
    now: NOW,
  });

describe('Employee engagement: a monthly survey (a stock) read on Dec 1', () => {
  const engagement = metric({ id: 'engagement', unit: { kind: 'percent' }, aggregation: 'last' });
  const g = goal({
    id: 'engagement-80',
    goalType: 'level',
    metricId: 'engagement',
    baseline: 75.1,
    target: 80,
    startAt: Date.UTC(2026, 0, 1),
    deadline: Date.UTC(2027, 0, 1) - 1,
  });
  const surveys = ['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'].map((day, i) => ({
    day,
    value: [75.6, 75.9, 76.0, 76.3][i] ?? 0,
  }));
  const ev = evaluate(g, engagement, surveys);

  it('is 76.3 against the plan at the end of Dec 1, not at Dec 8: behind by 3.29 pt, not 3.38', () => {
    // Jan 1 00:00 UTC → Dec 1 24:00 local (Dec 1 17:00 UTC) is 334 days 17 hours of a 365-day year:
    // 75.1 + 4.9 × 334.7083 / 365 = 79.5933; 76.3 − 79.5933 = −3.2933. (Dec 8 08:30 local, today:
    // 75.1 + 4.9 × 341.0625 / 365 = 79.6786, the old "3.38".)
    expect(ev?.current).toBe(76.3);
    expect(ev?.pace?.expected).toBeCloseTo(79.5933, 4);
    expect(ev?.pace?.gap).toBeCloseTo(-3.2933, 4);
    expect(ev?.pace?.asOf).toBe(at('2026-12-02'));
    // Whether the target is reached and what is needed per day stay today's.
    expect(ev?.pace?.reached).toBe(false);
    expect(ev?.pace?.requiredPerDay).toBeCloseTo((80 - 76.3) / ((Date.UTC(2027, 0, 1) - 1 - NOW) / DAY), 6);
  });

  it('names the day on the card, in English and Vietnamese', () => {
    const en = view(g, engagement, ev, 'en');
    const vi = view(g, engagement, ev, 'vi');
    expect(`${en.reason ?? ''} | ${en.pace ?? ''}`).toContain('behind pace by 3.29 pt on Dec 1');
    expect(`${vi.reason ?? ''} | ${vi.pace ?? ''}`).toContain('chậm hơn kế hoạch 3,29 điểm % tính đến 01/12');
    // The status is still decided by the gap, and stays off track: 3.29 of the 4.49 pt planned by then.
    expect(ev?.status).toBe('off_track');
  });

  it('compares a reading logged today with today’s plan, and names no day', () => {
    const today = evaluate(g, engagement, [...surveys, { day: '2026-12-08', value: 76.5, hour: 8 }]);
    expect(today?.pace?.asOf).toBeUndefined();
    expect(today?.pace?.gap).toBeCloseTo(76.5 - (75.1 + (4.9 * 341.0625) / 365), 3);
  });
});

describe('Facebook ROAS: a monthly level read as November on Dec 8', () => {
  const roas = metric({ id: 'roas', unit: { kind: 'ratio' }, aggregation: 'average' });
  const g = goal({
    id: 'roas-q4',
    goalType: 'level',
    metricId: 'roas',
    baseline: 2.59,
    target: 3.4,
    startAt: Date.UTC(2026, 9, 1),
    deadline: Date.UTC(2027, 0, 1) - 1,
  });
  const ev = evaluate(g, roas, [
    { day: '2026-10-01', value: 2.95 },
    { day: '2026-11-01', value: 3.493 },
    { day: '2026-12-01', value: 2.1 },
  ]);

  it('is November against the plan at the end of Nov 30, though the target is reached: 0.37×, not 0.3×', () => {
    // Oct 1 00:00 UTC → Nov 30 24:00 local (Nov 30 17:00 UTC) is 60 days 17 hours of 92:
    // 2.59 + 0.81 × 60.7083 / 92 = 3.1245; 3.493 − 3.1245 = 0.3685. (Against Dec 8 08:30 local:
    // 2.59 + 0.81 × 68.0625 / 92 = 3.1892, the old 0.3038 written "0.3×".)
    expect(ev?.period?.end).toBe('2026-11-30');
    expect(ev?.current).toBeCloseTo(3.493, 9);
    expect(ev?.pace?.reached).toBe(true);
    expect(ev?.pace?.expected).toBeCloseTo(3.1245, 4);
    expect(ev?.pace?.gap).toBeCloseTo(0.3685, 4);
    expect(ev?.pace?.asOf).toBe(at('2026-12-01'));
    expect(ev?.status).toBe('on_track');
    expect(view(g, roas, ev, 'en').pace).toBe('Ahead of pace by 0.37× on Nov 30');
    expect(view(g, roas, ev, 'vi').pace).toBe('Nhanh hơn kế hoạch 0,37× tính đến 30/11');
  });
});

describe('property: a level goal’s pace gap is its reading − the plan on the reading’s day', () => {
  it('holds across random goals and histories (stocks and monthly levels)', () => {
    const startDay = '2025-06-01';
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: 500 }), // window start, days after startDay
        fc.integer({ min: 20, max: 600 }), // window length in days
        fc.integer({ min: 0, max: 700 }), // now, days after startDay
        fc.integer({ min: 0, max: 23 }), // hour of now
        fc.double({ min: 10, max: 90, noNaN: true }),
        fc.double({ min: -40, max: 40, noNaN: true }).filter((d) => Math.abs(d) > 0.5),
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 700 }),
            value: fc.double({ min: 0, max: 100, noNaN: true }),
            hour: fc.integer({ min: 0, max: 23 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (stock, startOff, length, nowOff, nowHour, baseline, journey, history) => {
          const now = at(addDays(startDay, nowOff)) + nowHour * H;
          const m = metric({ id: 'm', unit: { kind: 'percent' }, aggregation: stock ? 'last' : 'average' });
          const g = goal({
            id: 'g',
            goalType: 'level',
            metricId: 'm',
            baseline,
            target: baseline + journey,
            startAt: at(addDays(startDay, startOff)),
            deadline: at(addDays(startDay, startOff + length)),
          });
          const pts = history
            .map((p) => ({ day: addDays(startDay, p.offset), value: p.value, hour: p.hour }))
            .filter((p) => at(p.day) + p.hour * H <= now);
          if (!pts.length) return;
          const ev = evaluate(g, m, pts, now);
          const p = ev?.pace;
          if (!ev || !p || ev.current === null || !ev.period) return;
          const close = startOfLocalDay(addDays(ev.period.end, 1), tz);
          const when = ev.period.partial || close >= now ? now : close;
          const planned = expectedLevel(
            { startAt: g.startAt ?? 0, deadline: g.deadline ?? 0, timeZone: tz },
            baseline,
            baseline + journey,
            when,
          );
          expect(planned).not.toBeNull();
          expect(p.gap).toBeCloseTo(ev.current - (planned ?? 0), 9);
          expect(p.asOf).toBe(when === now ? undefined : when);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('goals without a KPI: the latest check-in value is read on its day', () => {
  const year = { startAt: Date.UTC(2026, 0, 1), deadline: Date.UTC(2027, 0, 1) - 1 };
  const checkIn = (goalId: string, value: number): CheckIn => ({
    id: `${goalId}-c`,
    goalId,
    time: at('2026-11-20') + 10 * H,
    value,
    confidence: 'on_track',
    deletedAt: null,
  });
  const run = (g: Goal, value: number) =>
    evaluateAll({
      goals: [g],
      metrics: [],
      rollups: [],
      checkIns: [checkIn(g.id, value)],
      settings: defaultSettings({ timeZone: tz }),
      now: NOW,
      forecastPaths: 50,
    }).perGoal.get(g.id);
  // Jan 1 00:00 UTC → Nov 20 24:00 local (Nov 20 17:00 UTC): 323 days 17 hours of 365.
  const share = (323 + 17 / 24) / 365;

  it('a level: 17 on Nov 20 against the line at the end of Nov 20 (18.87), not at Dec 8 (19.34)', () => {
    const ev = run(goal({ id: 'lvl', goalType: 'level', baseline: 10, target: 20, ...year }), 17);
    expect(ev?.pace?.expected).toBeCloseTo(10 + 10 * share, 6); // 18.8687
    expect(ev?.pace?.gap).toBeCloseTo(17 - 18.8687, 4);
    expect(ev?.pace?.asOf).toBe(at('2026-11-21'));
  });

  it('a budget cap: ₫700M spent by Nov 20 against ₫887M planned by then, not ₫934M of Dec 8', () => {
    const M = 1_000_000;
    const ev = run(
      goal({ id: 'cap', goalType: 'total', direction: 'down', target: 1_000 * M, ...year }),
      700 * M,
    );
    expect(ev?.budget?.planned).toBeCloseTo(1_000 * M * share, 0); // ₫886.87M
    expect(ev?.budget?.plannedSpent).toBe(700 * M);
    expect(ev?.budget?.planAsOf).toBe(at('2026-11-21'));
  });
});
