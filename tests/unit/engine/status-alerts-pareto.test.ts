import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alertId,
  belowTrajectoryAlert,
  conversionBelowTargetAlert,
  dedupeAlerts,
  forecastMissAlert,
  kpiMovedAlert,
  milestoneOverdueAlert,
  noCheckInAlert,
} from '../../../lib/engine/alerts';
import { computePace } from '../../../lib/engine/pace';
import { normaliseThresholds, paretoTiers } from '../../../lib/engine/pareto';
import { computeStatus } from '../../../lib/engine/status';
import { goal, metric } from './fixtures';

const now = Date.parse('2025-06-01T00:00:00Z');
const DAY = 86_400_000;
const s = { done: false, reached: false, deadlinePassed: false, gapPct: null, probability: null, now };

describe('computeStatus', () => {
  it('combines pace and forecast, taking the worse', () => {
    expect(computeStatus({ ...s, gapPct: 0.1, probability: 0.9 })).toEqual({
      status: 'on_track',
      reasons: [],
      decidedBy: null,
    });
    // The reason shown with a status is the one that decided it: the worse signal.
    expect(computeStatus({ ...s, gapPct: 0.1, probability: 0.2 })).toMatchObject({
      status: 'off_track',
      decidedBy: 'forecast_very_unlikely',
    });
    expect(computeStatus({ ...s, gapPct: -0.25, probability: 0.5 })).toMatchObject({
      status: 'off_track',
      reasons: ['pace_far_behind', 'forecast_unlikely'],
      decidedBy: 'pace_far_behind',
    });
    expect(computeStatus({ ...s, gapPct: -0.1, probability: 0.9 }).status).toBe('at_risk');
    expect(computeStatus({ ...s, gapPct: 0, probability: 0.5 }).status).toBe('at_risk');
    expect(computeStatus({ ...s, gapPct: -0.25, probability: 0.9 }).status).toBe('off_track');
    expect(computeStatus({ ...s, gapPct: 0, probability: 0.2 }).status).toBe('off_track');
    expect(computeStatus({ ...s, probability: 0.75 }).status).toBe('on_track');
  });
  it('lets manual confidence worsen by one level at most, never improve', () => {
    const c = (value: 'on_track' | 'at_risk' | 'off_track', age = 1) => ({ value, time: now - age * DAY });
    expect(computeStatus({ ...s, gapPct: 0, confidence: c('off_track') }).status).toBe('at_risk');
    expect(computeStatus({ ...s, gapPct: -0.3, confidence: c('on_track') }).status).toBe('off_track');
    expect(computeStatus({ ...s, gapPct: 0, confidence: c('off_track', 40) }).status).toBe('on_track');
    expect(computeStatus({ ...s, confidence: c('at_risk') })).toEqual({
      status: 'at_risk',
      reasons: ['manual_confidence'],
      decidedBy: 'manual_confidence',
    });
    expect(computeStatus({ ...s, gapPct: 0, confidence: c('off_track') }).decidedBy).toBe(
      'manual_confidence',
    );
    expect(computeStatus(s)).toEqual({ status: null, reasons: ['no_data'], decidedBy: 'no_data' });
  });
  it('handles done, reached and missed deadlines first', () => {
    expect(computeStatus({ ...s, done: true, gapPct: -1 }).status).toBe('on_track');
    expect(computeStatus({ ...s, reached: true, probability: 0 }).status).toBe('on_track');
    expect(computeStatus({ ...s, deadlinePassed: true }).status).toBe('off_track');
  });
  it('reads a keep goal by its latest period, worst first, with manual confidence on top', () => {
    expect(computeStatus({ ...s, holding: 'held' })).toMatchObject({
      status: 'on_track',
      decidedBy: 'keep_held',
    });
    expect(computeStatus({ ...s, holding: 'close' })).toMatchObject({
      status: 'at_risk',
      decidedBy: 'keep_close',
    });
    expect(computeStatus({ ...s, holding: 'breached' })).toMatchObject({
      status: 'off_track',
      decidedBy: 'keep_breached',
    });
  });
  it("weighs a keep goal's month read and the chance its running month holds, the worse first", () => {
    // The running month past the line so far can still come back: at risk, not off track, by itself.
    expect(computeStatus({ ...s, holding: 'breached_so_far' })).toMatchObject({
      status: 'at_risk',
      decidedBy: 'keep_breached_so_far',
    });
    // The chance to hold, with a total's or level's thresholds (30%, 70%).
    expect(computeStatus({ ...s, holding: 'close', keepHoldChance: 0.29 })).toMatchObject({
      status: 'off_track',
      decidedBy: 'keep_breach_likely',
      reasons: ['keep_close', 'keep_breach_likely'],
    });
    expect(computeStatus({ ...s, holding: 'held', keepHoldChance: 0.5 })).toMatchObject({
      status: 'at_risk',
      decidedBy: 'keep_breach_possible',
    });
    expect(computeStatus({ ...s, holding: 'held', keepHoldChance: 0.7 }).status).toBe('on_track');
    // A good chance never lifts a complete month's breach.
    expect(computeStatus({ ...s, holding: 'breached', keepHoldChance: 0.95 }).status).toBe('off_track');
    expect(computeStatus({ ...s, holding: 'breached_so_far', keepHoldChance: 0.2 }).status).toBe('off_track');
  });
  it('never gives a keep goal a milder status for a lower chance to hold (property)', () => {
    const rank = { on_track: 0, at_risk: 1, off_track: 2 } as const;
    const holding = fc.constantFrom('held', 'close', 'breached', 'breached_so_far', null);
    fc.assert(
      fc.property(
        holding,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (h, a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const worse = computeStatus({ ...s, holding: h, keepHoldChance: lo }).status;
          const better = computeStatus({ ...s, holding: h, keepHoldChance: hi }).status;
          expect(worse).not.toBeNull();
          expect(rank[worse ?? 'on_track']).toBeGreaterThanOrEqual(rank[better ?? 'on_track']);
        },
      ),
    );
  });
});

describe('alerts', () => {
  const g = goal({
    id: 'g1',
    title: 'Revenue 2025',
    translations: { vi: 'Doanh thu 2025' },
    deadline: now + 10 * DAY,
  });
  it('fires below trajectory with a stable id and bilingual message', () => {
    const pace = computePace(
      { startAt: now - 100 * DAY, deadline: now + 100 * DAY, timeZone: 'UTC' },
      0,
      100,
      35,
      now,
    );
    const a = belowTrajectoryAlert(g, pace, '2025-05-26');
    expect(a).toMatchObject({
      id: 'below_trajectory:goal:g1:2025-05-26',
      severity: 'critical',
      rule: 'below_trajectory',
    });
    // By the gap in the metric's unit (35 against an expected 50), never a clamped share as a percent.
    expect(a?.message.en).toBe('“Revenue 2025” is behind its trajectory by 15.');
    expect(a?.message.vi).toBe('“Doanh thu 2025” đang chậm hơn lộ trình 15.');
    // A lower-is-better percentage behind its line: "behind by 0.45 pt", not "100% below".
    const churn = computePace(
      { startAt: now - 100 * DAY, deadline: now + 100 * DAY, timeZone: 'UTC' },
      1.7,
      1,
      1.8,
      now,
      { direction: 'down', unit: 'percent' },
    );
    expect(belowTrajectoryAlert(g, churn, 'p', undefined, 'percent')?.message).toEqual({
      en: '“Revenue 2025” is behind its trajectory by 0.45 pt.',
      vi: '“Doanh thu 2025” đang chậm hơn lộ trình 0,45 điểm %.',
    });
    const fine = computePace(
      { startAt: now - 100 * DAY, deadline: now + 100 * DAY, timeZone: 'UTC' },
      0,
      100,
      48,
      now,
    );
    expect(belowTrajectoryAlert(g, fine, 'p')).toBeNull();
  });
  it('covers forecast miss, conversion, check-ins, milestones and KPI moves', () => {
    const fc1 = {
      method: 'damped_trend' as const,
      p10: null,
      p50: null,
      p90: null,
      probabilityByDeadline: 0.4,
      reachedAlready: false,
    };
    expect(forecastMissAlert(g, fc1, 'w')?.severity).toBe('warning');
    // Critical exactly where the card turns off track (p < 0.3, status.ts), so an alert never reads
    // milder or harsher than its card: 0.28 was a warning beside an off-track card before.
    const byChance = (probability: number) => ({
      alert: forecastMissAlert(g, { ...fc1, probabilityByDeadline: probability }, 'w')?.severity,
      card: computeStatus({
        done: false,
        reached: false,
        deadlinePassed: false,
        gapPct: null,
        probability,
        now,
      }).status,
    });
    expect(byChance(0.28)).toEqual({ alert: 'critical', card: 'off_track' });
    expect(byChance(0.3)).toEqual({ alert: 'warning', card: 'at_risk' });
    expect(forecastMissAlert(g, { ...fc1, probabilityByDeadline: 0.1 }, 'w')?.message.vi).toContain('10%');
    // A warning wherever the card is At risk by its chance (0.59 had no alert beside "At risk"), none
    // once it is On track.
    expect(byChance(0.59)).toEqual({ alert: 'warning', card: 'at_risk' });
    // From 50% on it is a risk, not a forecast to fall short: "may fall short … (chance of making it: 53%)".
    const likely = forecastMissAlert(g, { ...fc1, probabilityByDeadline: 0.53 }, 'w')?.message;
    expect(likely?.en).toMatch(/” may fall short of its target by .+ \(chance of making it: 53%\)\.$/);
    expect(likely?.vi).toContain('có thể không đạt mục tiêu trước');
    expect(forecastMissAlert(g, { ...fc1, probabilityByDeadline: 0.49 }, 'w')?.message.en).toContain(
      'is forecast to fall short',
    );
    expect(byChance(0.7)).toEqual({ alert: undefined, card: 'on_track' });
    // Dates inside sentences are localised on the user's calendar, not "2026-12-31".
    const yearEnd = { ...g, deadline: Date.UTC(2026, 11, 31, 17) - 1 };
    expect(forecastMissAlert(yearEnd, fc1, 'w', undefined, 'Asia/Ho_Chi_Minh')?.message).toEqual({
      en: expect.stringContaining('fall short of its target by Dec 31, 2026 '),
      vi: expect.stringContaining('không đạt mục tiêu trước 31/12/2026 '),
    });
    expect(conversionBelowTargetAlert(g, 2.5, 4, 'up', '2025-06-01')?.message.en).toContain(
      '2.5 is below the target rate 4',
    );
    // In the metric's unit, as the card writes it: "7.7%", never "7.68" beside a card's "7.7%".
    const pct = conversionBelowTargetAlert(g, 7.68, 12, 'up', 'p', { kind: 'percent' })?.message;
    expect(pct?.en).toContain('conversion 7.7% is below the target rate 12%');
    expect(pct?.vi).toContain('tỷ lệ chuyển đổi 7,7% thấp hơn tỷ lệ mục tiêu 12%');
    expect(conversionBelowTargetAlert(g, 5, 4, 'up', 'p')).toBeNull();
    const owned = { ...g, owner: 'An' };
    expect(noCheckInAlert(owned, now - 15 * DAY, now)?.id).toBe('no_check_in:goal:g1:2025-05-17');
    expect(noCheckInAlert(owned, now - 3 * DAY, now)).toBeNull();
    expect(noCheckInAlert({ ...owned, createdAt: now - 30 * DAY }, null, now)?.severity).toBe('warning');
    expect(
      milestoneOverdueAlert({ ...g, deadline: now - DAY }, { state: 'overdue', daysLeft: -1, budget: null })
        ?.period,
    ).toBe('2025-05-31');
    const m = metric({ id: 'leads', name: 'Leads', translations: { vi: 'Khách hàng tiềm năng' } });
    expect(kpiMovedAlert(m, 50, 100, 'w')?.message).toEqual({
      en: 'Leads fell 50% week over week.',
      vi: 'Khách hàng tiềm năng giảm 50% so với tuần trước.',
    });
    expect(kpiMovedAlert(m, 110, 100, 'w')).toBeNull();
    expect(kpiMovedAlert(m, 10, 0, 'w')).toBeNull();
  });
  it('deduplicates by id and sorts by severity', () => {
    const a = kpiMovedAlert(metric({ id: 'x' }), 1, 10, 'w');
    const b = forecastMissAlert(
      g,
      { method: 'none', p10: null, p50: null, p90: null, probabilityByDeadline: 0, reachedAlready: false },
      'w',
    );
    const out = dedupeAlerts([a, null, b, a]);
    expect(out.map((x) => x.id)).toEqual([
      alertId('forecast_miss', 'goal', 'g1', 'w'),
      alertId('kpi_moved', 'metric', 'x', 'w'),
    ]);
  });
});

describe('paretoTiers', () => {
  it('splits A/B/C at 80/95/100% by default', () => {
    const values = [50, 30, 10, 5, 3, 2, 0, -4];
    const tiers = paretoTiers(values, (v) => v);
    expect(tiers.map((t) => t.label).join('')).toBe('AABBCCCC');
    expect(tiers[0]?.cumulativeShare).toBe(0.5);
    expect(tiers.find((t) => t.item === -4)?.value).toBe(0);
    // One dominant customer is A even if alone it is over 80%.
    expect(paretoTiers([90, 5, 5], (v) => v).map((t) => t.label)).toEqual(['A', 'B', 'C']);
    expect(paretoTiers([0, 0], (v) => v).map((t) => t.label)).toEqual(['C', 'C']);
    expect(paretoTiers([], (v: number) => v)).toEqual([]);
  });
  it('sanitises thresholds', () => {
    expect(normaliseThresholds([0.5, 0.2, 0.9])).toEqual([0.2, 0.5, 1]);
    expect(normaliseThresholds([0.5, 0.5])).toEqual([0.8, 0.95, 1]);
    expect(normaliseThresholds([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])).toHaveLength(7);
  });
  it('tiers are monotone in value and cover every item (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 1e6, noNaN: true }), { maxLength: 60 }),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 7 }),
        (values, thresholds) => {
          const th = normaliseThresholds(thresholds);
          const t = paretoTiers(values, (v) => v, thresholds);
          expect(t).toHaveLength(values.length);
          for (let i = 1; i < t.length; i++) {
            expect(t[i]!.value).toBeLessThanOrEqual(t[i - 1]!.value);
            expect(t[i]!.tier).toBeGreaterThanOrEqual(t[i - 1]!.tier);
          }
          for (const x of t) expect(x.tier >= 0 && x.tier < th.length).toBe(true);
          if (t.length && t[0]!.value > 0) expect(t[0]!.tier).toBe(0);
        },
      ),
    );
  });
});
