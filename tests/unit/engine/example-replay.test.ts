import { describe, expect, it } from 'vitest';
import { buildGoalView } from '../../../lib/app/goal-views';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { type DailyRollup, rollupFromPoints } from '../../../lib/engine/rollup';
import { buildExampleData } from '../../../lib/example/example-data';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Locale } from '../../../lib/schema';
import { contradictions } from './contradictions';

/**
 * Replays the example dataset as a user would meet it every week of 2026 (the dataset built for that
 * day, as "Load example data" would) and fails on any contradictory card — contradictions.ts defines
 * them (C1–C7). The issue counted 74 + 17 such cards over 2026 before goal types.
 */
const tz = 'Asia/Ho_Chi_Minh';

function rollupsOf(observations: ReturnType<typeof buildExampleData>['observations']): DailyRollup[] {
  const byMetric = new Map<string, typeof observations>();
  for (const o of observations) {
    const list = byMetric.get(o.metricId) ?? [];
    list.push(o);
    byMetric.set(o.metricId, list);
  }
  return [...byMetric].flatMap(([id, obs]) => rollupFromPoints(id, obs, tz));
}

describe('the example dataset, every week of 2026', () => {
  it('never shows a contradictory card, in English or Vietnamese', () => {
    const found: string[] = [];
    let cards = 0;
    for (let week = 0; week < 53; week++) {
      const now = Date.UTC(2026, 0, 5, 2) + week * 7 * 86_400_000;
      if (new Date(now).getUTCFullYear() !== 2026) break;
      const data = buildExampleData(now);
      const locale: Locale = week % 2 ? 'vi' : 'en';
      const settings = defaultSettings({ locale, timeZone: tz });
      const result = evaluateAll({
        goals: data.goals,
        metrics: data.metrics,
        rollups: rollupsOf(data.observations),
        checkIns: data.checkIns,
        settings,
        now,
        forecastPaths: 100,
      });
      const ctx = { t: createTranslator(locale), settings, now };
      for (const goal of data.goals) {
        const ev = result.perGoal.get(goal.id);
        if (!ev) continue;
        const metric = data.metrics.find((m) => m.id === goal.metricId);
        const view = buildGoalView(goal, ev, metric, [], ctx);
        cards++;
        for (const c of contradictions(goal, ev, view, result.alerts))
          found.push(
            `${new Date(now).toISOString().slice(0, 10)} ${goal.id}: ${c} — ${view.statusLabel} · ${view.reason ?? ''} | ${view.pace ?? ''}`,
          );
      }
    }
    expect(cards).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  }, 240_000);
});
