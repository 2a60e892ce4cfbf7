import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../lib/app/goal-detail-data';
import { ChartView } from '../../../lib/app/goal-view';
import { buildGoalView } from '../../../lib/app/goal-views';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { chanceRank } from '../../../lib/engine/status';
import { addDays, type DayKey, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { formatChance } from '../../../lib/i18n/format';
import { createTranslator } from '../../../lib/i18n/translate';
import { type CheckIn, defaultSettings, type Goal, type Metric } from '../../../lib/schema';
import { contradictions } from './contradictions';
import { goal, metric } from './fixtures';

/**
 * A total whose way is down is a budget cap (lib/engine/goal-types/budget-total.ts; docs/figures.md §
 * Budget cap): "Refunds at most ₫1B in Q1 2027". Summed from 0 it used to read "target reached" before
 * a đồng was refunded. Each state of its window, as the card reads it in en and vi.
 */
const tz = 'Asia/Ho_Chi_Minh';
const day = (d: string) => startOfLocalDay(d as DayKey, tz);
const M = 1_000_000;
const refunds = metric({
  id: 'refunds',
  unit: { kind: 'currency', currency: 'VND' },
  direction: 'down',
  aggregation: 'sum',
});
/** About ₫10M a day (₫8M–₫12M, a fixed pattern), from Jan 2025 on. */
const perDay = (i: number) => 8 * M + ((i * 7919) % 11) * 0.4 * M;
function daily(to: string, extra: (d: DayKey) => number = () => 0) {
  const out: { time: number; value: number }[] = [];
  for (let d = '2025-01-01' as DayKey, i = 0; d <= to; d = addDays(d, 1), i++)
    out.push({ time: day(d) + 12 * 3_600_000, value: perDay(i) + extra(d) });
  return out;
}
const Q1 = { startAt: day('2027-01-01'), deadline: day('2027-04-01') - 1, target: 1_000 * M };
const FEB_15 = day('2027-02-15') + 10 * 3_600_000;
const APR_10 = day('2027-04-10') + 10 * 3_600_000;

/** Vietnamese amounts keep their unit on the line with a no-break space: compared as plain spaces. */
function plain<T extends object>(view: T): T {
  return Object.fromEntries(
    Object.entries(view).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\u00a0\u202f]/g, ' ') : v]),
  ) as T;
}

function read(
  over: Partial<Goal>,
  points: { time: number; value: number }[],
  now: number,
  opts: { metric?: Metric; checkIns?: CheckIn[]; more?: Goal[] } = {},
) {
  const m = opts.metric ?? refunds;
  const g = goal({ id: 'cap', metricId: m.id, goalType: 'total', ...over });
  const input = {
    goals: [g, ...(opts.more ?? [])],
    metrics: [m],
    rollups: rollupFromPoints(m.id, points, tz),
    checkIns: opts.checkIns ?? [],
    settings: defaultSettings({ timeZone: tz }),
    now,
    forecastPaths: 400,
  };
  const r = evaluateAll(input);
  const ev = r.perGoal.get('cap')!;
  const view = (locale: 'en' | 'vi') =>
    buildGoalView(g, ev, m, [], {
      t: createTranslator(locale),
      settings: { locale, timeZone: tz, currency: 'VND' },
      now,
    });
  const en = view('en');
  const vi = plain(view('vi'));
  const alerts = r.alerts
    .filter((a) => a.subject.id === 'cap')
    .map((a) => ({ ...a, message: { ...a.message, vi: plain(a.message).vi } }));
  // No card of a cap contradicts itself, in either language (contradictions.ts, C1–C12).
  expect(contradictions(g, ev, en, alerts)).toEqual([]);
  expect(contradictions(g, ev, view('vi'), alerts)).toEqual([]);
  const chart = buildChart(g, input, { ...input.settings, locale: 'en' }, now, ev);
  return { r, ev, en, vi, alerts, chart, g };
}

describe('a budget cap, state by state', () => {
  it('at the start of its window: on track, nothing met, nothing used', () => {
    const { ev, en, vi, alerts } = read(Q1, daily('2026-12-31'), day('2027-01-01') + 3_600_000);
    expect(ev.status).toBe('on_track');
    expect(ev.statusReasons).not.toContain('target_reached');
    expect(ev.decidedBy).toBeNull();
    expect(ev.progress).toBeLessThan(0.01);
    expect(ev.budget).toMatchObject({ spent: 0, shareUsed: 0, left: 1_000 * M, over: 0, ended: false });
    expect([en.value, en.target, en.progressText]).toEqual([
      '₫0',
      '₫1B budget',
      '0% of budget used · ₫1B left to spend',
    ]);
    expect([vi.value, vi.target, vi.progressText]).toEqual([
      '0 ₫',
      'ngân sách 1 tỷ ₫',
      'đã dùng 0% ngân sách · còn được chi 1 tỷ ₫',
    ]);
    expect(en.progress).toBe(0);
    expect(en.reason).toBeUndefined();
    // One hour of the 90-day window: ₫1B × 1/2160.
    expect(en.pace).toBe('On plan (₫463K planned by today)');
    expect(vi.pace).toBe('Đúng kế hoạch (kế hoạch đến hôm nay: 463 nghìn ₫)');
    expect(en.forecast).toMatch(
      /^Forecast for Mar 31, 2027: ₫\d+M \(80%: .*\) · (>99%|\d+%) chance to stay within budget$/,
    );
    expect(vi.forecast).toMatch(/^Dự báo .*31\/03\/2027: .* · khả năng không vượt ngân sách: (>99%|\d+%)$/);
    expect(alerts).toEqual([]);
  });

  it('under its planned line: on track, under plan by the gap', () => {
    // Jan 1 – Feb 14: ₫450.8M; the line is at ₫1B × 45 d 10 h ÷ 90 d = ₫504.6M on Feb 15, 10:00.
    const { ev, en, vi } = read(Q1, daily('2027-02-14'), FEB_15);
    expect(ev.current).toBe(450.8 * M);
    expect(ev.budget?.planned).toBeCloseTo((1_000 * M * (45 + 10 / 24)) / 90, -3);
    expect(ev.status).toBe('on_track');
    expect(en.progressText).toBe('45.1% of budget used · ₫549M left to spend');
    expect(vi.progressText).toBe('đã dùng 45,1% ngân sách · còn được chi 549 tr ₫');
    expect(en.pace).toBe('Under plan by ₫53.8M (₫505M planned by today)');
    expect(vi.pace).toBe('Thấp hơn kế hoạch 53,8 tr ₫ (kế hoạch đến hôm nay: 505 tr ₫)');
    // Share of the window gone by within the cap: 45 d 10 h of 90 d.
    expect(ev.progress).toBeCloseTo((45 + 10 / 24) / 90, 6);
  });

  it('over its planned line but forecast to end under the cap: on track, over plan said', () => {
    // A ₫150M refund on Jan 2 puts the total over a ₫1.1B cap's line, the rest of the quarter at the
    // usual rate ends it near ₫1.05B.
    const { ev, en, vi } = read(
      { ...Q1, target: 1_100 * M },
      daily('2027-02-14', (d) => (d === '2027-01-02' ? 150 * M : 0)),
      FEB_15,
    );
    expect(ev.budget?.chanceWithin).toBeGreaterThanOrEqual(0.7);
    expect(ev.status).toBe('on_track');
    expect(en.pace).toBe('Over plan by ₫45.7M (₫555M planned by today)');
    expect(vi.pace).toBe('Cao hơn kế hoạch 45,7 tr ₫ (kế hoạch đến hôm nay: 555 tr ₫)');
    expect(en.forecast).toMatch(/ · \d+% chance to stay within budget$/);
  });

  it('at risk or off track by the chance to end at or under the cap, never "under plan" beside it', () => {
    const seen = new Set<string>();
    for (const cap of [880, 890, 895, 900, 905]) {
      const { ev, en, vi, alerts } = read({ ...Q1, target: cap * M }, daily('2027-02-14'), FEB_15);
      const p = ev.budget?.chanceWithin ?? Number.NaN;
      expect(ev.status).toBe((['on_track', 'at_risk', 'off_track'] as const)[chanceRank(p)]);
      seen.add(ev.status ?? 'none');
      const labels = {
        on_track: ['Within budget', 'Trong ngân sách'],
        at_risk: ['May go over budget', 'Có thể vượt ngân sách'],
        off_track: ['Likely over budget', 'Nguy cơ vượt ngân sách'],
      }[ev.status as 'on_track'];
      expect([en.statusLabel, vi.statusLabel]).toEqual(labels);
      if (ev.status === 'on_track') continue;
      expect(en.reason).toBe(`${formatChance(p, 'en')} chance to stay within budget`);
      expect(vi.reason).toBe(`khả năng không vượt ngân sách: ${formatChance(p, 'vi')}`);
      expect(en.pace).toMatch(/^₫\d+M planned by today$/);
      expect(en.forecast).not.toMatch(/chance/);
      expect(alerts.map((a) => [a.rule, a.severity])).toEqual([
        ['budget_overrun', ev.status === 'off_track' ? 'critical' : 'warning'],
      ]);
      expect(alerts[0]?.message.en).toMatch(
        /over its ₫\d+M budget by Mar 31, 2027 \(chance to stay within: \d+%\)/,
      );
    }
    // Caps around the likely end (₫896M) give every status.
    expect([...seen].sort()).toEqual(['at_risk', 'off_track', 'on_track']);
  });

  it('past the cap: off track for good, over budget by the excess', () => {
    const { ev, en, vi, alerts } = read({ ...Q1, target: 400 * M }, daily('2027-02-14'), FEB_15);
    expect(ev.status).toBe('off_track');
    expect(ev.decidedBy).toBe('budget_over');
    expect(ev.progress).toBe(0);
    // The label says over budget (never vi "Chậm tiến độ", behind schedule); the reason, by how much.
    expect([en.statusLabel, en.reason, en.progressText, en.pace]).toEqual([
      'Over budget',
      'by ₫50.8M',
      '112.7% of budget used',
      undefined,
    ]);
    expect([vi.statusLabel, vi.reason, vi.progressText]).toEqual([
      'Vượt ngân sách',
      'quá 50,8 tr ₫',
      'đã dùng 112,7% ngân sách',
    ]);
    expect(en.forecast).not.toMatch(/chance/);
    expect(alerts.map((a) => [a.rule, a.severity, a.message.en, a.message.vi])).toEqual([
      [
        'budget_over',
        'critical',
        '“cap” is over its ₫400M budget by ₫50.8M.',
        '“cap” đã vượt 50,8 tr ₫ so với ngân sách 400 tr ₫.',
      ],
    ]);
    // The owner's optimism never lifts it.
    const hopeful = read(
      { ...Q1, target: 400 * M, confidence: 'on_track', updatedAt: FEB_15 },
      daily('2027-02-14'),
      FEB_15,
    );
    expect(hopeful.ev.status).toBe('off_track');
  });

  it('ended at or under the cap: met', () => {
    const { ev, en, vi, alerts } = read(Q1, daily('2027-04-10'), APR_10);
    expect(ev.current).toBe(901.2 * M);
    expect([ev.status, ev.decidedBy, ev.progress]).toEqual(['on_track', 'target_reached', 1]);
    expect([en.statusLabel, en.reason, en.progressText, en.pace, en.forecast]).toEqual([
      'Within budget',
      'period ended',
      '90.1% of budget used',
      undefined,
      undefined,
    ]);
    expect([vi.statusLabel, vi.reason, vi.progressText]).toEqual([
      'Trong ngân sách',
      'kỳ đã kết thúc',
      'đã dùng 90,1% ngân sách',
    ]);
    expect(alerts).toEqual([]);
  });

  it('ended over the cap: missed', () => {
    const { ev, en, vi, alerts } = read({ ...Q1, target: 850 * M }, daily('2027-04-10'), APR_10);
    expect([ev.status, ev.decidedBy, ev.progress]).toEqual(['off_track', 'budget_over', 0]);
    expect([en.statusLabel, en.reason, en.progressText]).toEqual([
      'Over budget',
      'by ₫51.2M',
      '106% of budget used',
    ]);
    expect([vi.statusLabel, vi.reason, vi.progressText]).toEqual([
      'Vượt ngân sách',
      'quá 51,2 tr ₫',
      'đã dùng 106% ngân sách',
    ]);
    expect(alerts).toEqual([]);
  });

  it('without a fitted forecast, the planned line decides (a total’s pace thresholds)', () => {
    // Data only from Jan 1: one complete week, no forecast; ₫16M a day against ₫11.1M a day planned.
    const points = daily('2027-01-10', () => 0)
      .filter((p) => p.time >= day('2027-01-01'))
      .map((p) => ({ ...p, value: 16 * M }));
    const { ev, en, vi, alerts } = read(Q1, points, day('2027-01-11') + 10 * 3_600_000);
    expect(ev.budget?.chanceWithin).toBeNull();
    expect([ev.status, ev.decidedBy]).toEqual(['off_track', 'budget_far_over_plan']);
    // ₫160M spent; the line at ₫1B × (10 d 10 h) ÷ 90 d = ₫115.7M: ₫44.3M over.
    expect([en.statusLabel, vi.statusLabel]).toEqual(['Likely over budget', 'Nguy cơ vượt ngân sách']);
    expect(en.reason).toBe('over plan by ₫44.3M');
    expect(vi.reason).toBe('cao hơn kế hoạch 44,3 tr ₫');
    expect(en.pace).toBe('₫116M planned by today');
    expect(alerts.map((a) => [a.rule, a.severity, a.message.en])).toEqual([
      ['budget_over_plan', 'critical', '“cap” is over its plan by ₫44.3M.'],
    ]);
  });

  it('a neutral KPI’s total taken down is a cap too, worded as a budget', () => {
    const spend = { ...refunds, id: 'spend', direction: 'neutral' as const };
    const { ev, en } = read(
      { ...Q1, direction: 'down' },
      daily('2026-12-31'),
      day('2027-01-01') + 3_600_000,
      {
        metric: spend,
      },
    );
    expect(ev.budget).not.toBeNull();
    expect(ev.statusReasons).not.toContain('target_reached');
    expect(en.target).toBe('₫1B budget');
  });

  it('a count is a limit, not a budget', () => {
    const churned = metric({ id: 'churned', unit: { kind: 'count' }, direction: 'down', aggregation: 'sum' });
    const points = daily('2027-02-14').map((p) => ({ ...p, value: 3 }));
    const { en, vi } = read({ ...Q1, target: 400 }, points, FEB_15, { metric: churned });
    // "265 left" read as 265 customers remaining: it is what may still churn before the limit.
    expect([en.value, en.target, en.progressText, en.statusLabel]).toEqual([
      '135',
      '400 limit',
      '33.8% of the limit used · 265 to go before the limit',
      'Within the limit',
    ]);
    expect([vi.target, vi.progressText, vi.statusLabel]).toEqual([
      'mức trần 400',
      'đã dùng 33,8% mức trần · còn 265 trước khi chạm trần',
      'Trong mức trần',
    ]);
  });

  it('the chart draws the total against the planned line and the cap, its band ending at the card’s forecast', () => {
    const { ev, chart } = read(Q1, daily('2027-02-14'), FEB_15);
    expect(chart?.type).toBe('total');
    expect(chart?.cap).toBe(1_000 * M);
    // A snapshot's widget reads the chart across a boundary: the cap travels with it.
    expect(ChartView.parse(chart).cap).toBe(1_000 * M);
    // The planned line from ₫0 on Jan 1 to the cap at the deadline.
    expect(chart?.target[0]).toBe(0);
    expect(chart?.target.at(-1)).toBeCloseTo(1_000 * M, -3);
    expect(chart?.actual.filter((v) => v !== null).at(-1)).toBe(ev.current);
    const end = ev.budget?.end;
    expect([chart?.low.at(-1), chart?.mid.at(-1), chart?.high.at(-1)]).toEqual([
      end?.p10,
      end?.p50,
      end?.p90,
    ]);
  });
});

describe('a cap is never done from the start, anywhere', () => {
  it('as a key result: scores the window gone by, not 1.0; its objective and a milestone likewise', () => {
    const now = day('2027-01-01') + 3_600_000;
    const okr = read({ ...Q1, kind: 'key_result', parentId: 'obj' }, daily('2026-12-31'), now, {
      more: [goal({ id: 'obj', kind: 'objective', goalType: 'objective', perspective: 'financial' })],
    });
    expect(okr.ev.okr?.score).toBe(0);
    expect(okr.r.perGoal.get('obj')?.okr?.score).toBe(0);
    const ms = read({ ...Q1, kind: 'milestone', goalType: 'milestone' }, daily('2026-12-31'), now);
    expect(ms.ev.milestone?.state).not.toBe('done');
    expect(ms.ev.statusReasons).not.toContain('target_reached');
  });

  it('the scorecard counts a cap achieved only once it ended within', () => {
    const running = read({ ...Q1, perspective: 'financial' }, daily('2027-02-14'), FEB_15);
    expect(running.r.scorecard.find((p) => p.perspective === 'financial')?.achievedIds).toEqual([]);
    const ended = read({ ...Q1, perspective: 'financial' }, daily('2027-04-10'), APR_10);
    expect(ended.r.scorecard.find((p) => p.perspective === 'financial')?.achievedIds).toEqual(['cap']);
  });
});

describe('a cap without a KPI', () => {
  it('an imported total taken down, logged by check-ins, is a cap: never "reached" from its first check-in', () => {
    const g = goal({ id: 'cap', goalType: 'total', direction: 'down', ...Q1 });
    const checkIns: CheckIn[] = [
      {
        id: 'c1',
        goalId: 'cap',
        time: FEB_15 - 3_600_000,
        value: 300 * M,
        confidence: 'on_track',
        deletedAt: null,
      },
    ];
    const ev = evaluateAll({
      goals: [g],
      metrics: [],
      rollups: [],
      checkIns,
      settings: defaultSettings({ timeZone: tz }),
      now: FEB_15,
      forecastPaths: 100,
    }).perGoal.get('cap')!;
    // Read upwards it was "₫300M of ₫1B, 30%"; as a cap it has used 30% and ₫700M is left.
    expect(ev.budget).toMatchObject({ cap: 1_000 * M, spent: 300 * M, left: 700 * M, over: 0 });
    expect(ev.statusReasons).not.toContain('target_reached');
  });
});

describe('a total saved before caps existed, its baseline above the cap ("reduce refunds from ₫2B to ₫1.5B")', () => {
  // As the v3 migration left it: a total (inferred from the summed KPI), baseline ₫2B, target ₫1.5B.
  const old = { ...Q1, target: 1_500 * M, baseline: 2_000 * M };

  it('is not over budget before anything was spent: the window counts from 0, the baseline kept and named', () => {
    const { ev, en, vi, alerts, chart } = read(old, daily('2026-12-31'), day('2027-01-01') + 3_600_000);
    // Read with the baseline as spend before the window, it was "₫2B / ₫1.5B budget · Over budget · by ₫500M".
    expect(ev.budget).toMatchObject({ spent: 0, over: 0, left: 1_500 * M });
    expect(ev.status).toBe('on_track');
    expect(ev.statusReasons).not.toContain('budget_over');
    expect([en.value, en.target, en.statusLabel]).toEqual(['₫0', '₫1.5B budget', 'Within budget']);
    expect([vi.value, vi.target, vi.statusLabel]).toEqual(['0 ₫', 'ngân sách 1,5 tỷ ₫', 'Trong ngân sách']);
    expect(alerts).toEqual([]);
    // The planned line runs from 0 to the cap, as the running total does.
    expect(chart?.actual[0]).toBe(0);
    expect(chart?.target[0]).toBe(0);
    // Said where the owner looks when a goal reads oddly, in both languages.
    const said = ev.smart.find((s) => s.code === 'cap_baseline_above')?.message;
    expect(said?.en).toBe(
      'The baseline ₫2B is above the ₫1.5B target, which is read as a cap on what the period adds up to: a cap’s baseline is what was counted before the period, so this one is not added and the period counts from 0. To bring a month’s figure down from ₫2B to ₫1.5B, choose “Reach a level”.'.replace(
        /’/g,
        "'",
      ),
    );
    expect(said?.vi.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'Mức ban đầu 2 tỷ ₫ cao hơn mục tiêu 1,5 tỷ ₫',
    );
    // The record itself is untouched: nothing to lose.
    expect(ev.baseline).toBe(0);
  });

  it('mid-window: spent is what the window added, over budget only once that passes the cap', () => {
    const under = read(old, daily('2027-02-14'), FEB_15);
    expect(under.ev.current).toBe(450.8 * M);
    expect(under.en.progressText).toBe('30.1% of budget used · ₫1.05B left to spend');
    expect(under.ev.status).not.toBe('off_track');
    const over = read({ ...old, target: 400 * M }, daily('2027-02-14'), FEB_15);
    expect(over.ev.budget?.over).toBeCloseTo(50.8 * M, -3);
    expect(over.ev.statusReasons).toContain('budget_over');
  });

  it('a neutral KPI’s total whose way was read from that very baseline reads the same', () => {
    const spend = { ...refunds, id: 'spend', direction: 'neutral' as const };
    const { ev } = read(old, daily('2026-12-31'), day('2027-01-01') + 3_600_000, { metric: spend });
    expect(ev.budget).toMatchObject({ spent: 0, over: 0 });
    expect(ev.status).toBe('on_track');
  });
});
