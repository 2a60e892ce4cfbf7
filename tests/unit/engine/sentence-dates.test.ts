import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { type DailyRollup, rollupFromPoints } from '../../../lib/engine/rollup';
import { smartCheck } from '../../../lib/engine/smart-check';
import { buildExampleData } from '../../../lib/example/example-data';
import { defaultSettings, type Goal } from '../../../lib/schema';
import { goal as makeGoal } from './fixtures';

/** Dates inside engine sentences are localised (en "Dec 31, 2026", vi "31/12/2026"), never ISO. */
const tz = 'Asia/Ho_Chi_Minh';
const ISO = /\d{4}-\d{2}-\d{2}/;

describe('dates in sentences', () => {
  it("SMART: a past deadline and a deadline before the start, in the user's calendar", () => {
    // 31 Dec 2025 at 23:59:59.999 local (UTC+7) is 16:59 UTC that day.
    const deadline = Date.UTC(2025, 11, 31, 16, 59, 59, 999);
    const past = smartCheck(makeGoal({ id: 'g', deadline, target: 10 }) as Goal, {
      now: Date.UTC(2026, 5, 1),
      timeZone: tz,
    });
    const msg = past.find((i) => i.code === 'deadline_past')?.message;
    expect(msg).toEqual({
      en: 'The deadline Dec 31, 2025 has already passed.',
      vi: 'Hạn chót 31/12/2025 đã qua.',
    });
    const startAt = Date.UTC(2026, 0, 31, 17); // 1 Feb 2026, 00:00 local
    const before = smartCheck(makeGoal({ id: 'g', startAt, deadline, target: 10 }) as Goal, {
      now: Date.UTC(2025, 5, 1),
      timeZone: tz,
    }).find((i) => i.code === 'deadline_before_start')?.message;
    expect(before).toEqual({
      en: 'The deadline Dec 31, 2025 is before the start Feb 1, 2026.',
      vi: 'Hạn chót 31/12/2025 sớm hơn ngày bắt đầu 01/02/2026.',
    });
  });

  it('no alert or SMART hint over the example data carries an ISO date', () => {
    for (const now of [Date.UTC(2026, 2, 10, 2), Date.UTC(2026, 11, 6, 2)]) {
      const data = buildExampleData(now);
      const byMetric = new Map<string, typeof data.observations>();
      for (const o of data.observations) byMetric.set(o.metricId, [...(byMetric.get(o.metricId) ?? []), o]);
      const rollups: DailyRollup[] = [...byMetric].flatMap(([id, obs]) => rollupFromPoints(id, obs, tz));
      const r = evaluateAll({
        goals: data.goals.map((g) => ({ ...g, deadline: g.deadline ?? now - 86_400_000 * 40 })),
        metrics: data.metrics,
        rollups,
        checkIns: data.checkIns,
        settings: defaultSettings({ locale: 'en', timeZone: tz }),
        now,
        forecastPaths: 50,
      });
      const texts = [
        ...r.alerts.flatMap((a) => [a.message.en, a.message.vi]),
        ...[...r.perGoal.values()].flatMap((e) => e.smart.flatMap((i) => [i.message.en, i.message.vi])),
      ];
      expect(texts.length).toBeGreaterThan(10);
      expect(texts.filter((t) => ISO.test(t))).toEqual([]);
    }
  });
});
