import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { type DailyRollup, rollupFromPoints } from '../../../lib/engine/rollup';
import { buildExampleData } from '../../../lib/example/example-data';
import { defaultSettings } from '../../../lib/schema';

/** A keep goal past its line raises its own alert (docs/figures.md § Keep a level), en and vi. */
const tz = 'Asia/Ho_Chi_Minh';

function alertsAt(now: number) {
  const data = buildExampleData(now);
  const byMetric = new Map<string, typeof data.observations>();
  for (const o of data.observations) byMetric.set(o.metricId, [...(byMetric.get(o.metricId) ?? []), o]);
  const rollups: DailyRollup[] = [...byMetric].flatMap(([id, obs]) => rollupFromPoints(id, obs, tz));
  return evaluateAll({
    goals: data.goals,
    metrics: data.metrics,
    rollups,
    checkIns: data.checkIns,
    settings: defaultSettings({ locale: 'en', timeZone: tz }),
    now,
    forecastPaths: 100,
  }).alerts;
}

describe('keep goals: the breach alert', () => {
  const now = Date.UTC(2026, 11, 6, 2);
  const alerts = alertsAt(now);
  const keep = alerts.filter((a) => a.rule === 'keep_breached');

  it('one per breached goal, worded in the good direction, with its month (en, vi)', () => {
    const churn = keep.filter((a) => a.subject.id === 'ex-kr-distributor-churn');
    expect(churn).toHaveLength(1);
    expect(churn[0]?.message.en).toBe(
      '“Keep monthly distributor churn under 1%” is above its 1% ceiling: Nov 2026 3.8%.',
    );
    expect(churn[0]?.message.vi).toBe(
      '“Giữ tỷ lệ nhà phân phối rời bỏ mỗi tháng dưới 1%” đang vượt mức trần 1%: tháng 11/2026 ở mức 3,8%.',
    );
    // 2.82 pt past a 1% ceiling: more than the journey floor (10% of the distance to 0 = 0.1 pt).
    expect(churn[0]?.severity).toBe('critical');
    const margin = keep.find((a) => a.subject.id === 'ex-kpi-gross-margin');
    // December is running: its days so far, as the card's "Dec 1–6: 29.6%".
    expect(margin?.message.en).toMatch(/is below its 30% floor: Dec 1–6, 2026 29\.6%\.$/);
    expect(margin?.message.vi).toMatch(/đang dưới mức sàn 30%: 01–06\/12\/2026 đạt 29,6%\.$/);
    // December is under the floor so far, with about an even chance to end above it: the card is at
    // risk (status.ts rule 4b), and the alert is a warning, as severe as its card.
    expect(margin?.severity).toBe('warning');
    // November, a complete month, past the 98% floor: the card is off track, the alert critical.
    const retention = keep.find((a) => a.subject.id === 'ex-kpi-retail-retention');
    expect(retention?.severity).toBe('critical');
  });

  it('none for a goal on the right side of its line', () => {
    expect(keep.some((a) => a.subject.id === 'ex-kpi-on-time')).toBe(false);
  });

  it('says so when a goal inside its line will likely end the month past it (en, vi)', () => {
    // Lead time 1.98 d against a 2 d ceiling, a 71% chance December ends above it: the card is off
    // track on that chance, and the alert list said nothing of it before.
    const likely = alerts.filter((a) => a.rule === 'keep_breach_likely');
    expect(likely.map((a) => a.subject.id)).toEqual(['ex-kpi-lead-time']);
    const lead = likely[0];
    expect(lead?.severity).toBe('critical');
    expect(lead?.message.en).toMatch(
      /^“Deliver within 2 days of the order” may go above its 2 d ceiling in Dec 2026 \(chance of a breach: \d+%\)\.$/,
    );
    expect(lead?.message.vi).toMatch(
      /có thể vượt mức trần 2 ngày trong tháng 12\/2026 \(khả năng phá ngưỡng: \d+%\)\.$/,
    );
    // Never beside the breach alert of the same goal, nor for the on-time goal (12%).
    for (const a of likely) expect(keep.some((k) => k.subject.id === a.subject.id)).toBe(false);
  });

  it("raised beside the same goal's other alerts, and the same id when evaluated again in the period", () => {
    const again = alertsAt(now + 3_600_000).filter((a) => a.rule === 'keep_breached');
    expect(again.map((a) => a.id).sort()).toEqual(keep.map((a) => a.id).sort());
    expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
    // One "behind" line per goal: trajectory and forecast are one complaint.
    const behind = alerts.filter((a) => a.rule === 'below_trajectory' || a.rule === 'forecast_miss');
    expect(new Set(behind.map((a) => a.subject.id)).size).toBe(behind.length);
    expect(behind.length).toBeGreaterThan(3);
  });
});
