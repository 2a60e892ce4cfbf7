import { describe, expect, it } from 'vitest';
import { buildGoalView } from '../../../lib/app/goal-views';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Locale } from '../../../lib/schema';
import { goal, metric } from '../engine/fixtures';

/**
 * A reviewer's card: a stock rising exactly 7 a month (185 in January → 255 in November), to reach 300
 * by June 30, 2027. Its own line gets there in June; the card said a 0.4% chance and September
 * (thirteenth round of docs/forecast-backtest.md). With no noise at all every simulated future is the
 * line, so the card gives one date, never "Jun 30, 2027 – Jun 30, 2027".
 */
const tz = 'Asia/Ho_Chi_Minh';
const at = (day: string) => startOfLocalDay(day, tz);
const now = at('2026-12-07') + 10 * 3_600_000;

function card(locale: Locale, noise = 0) {
  const points = Array.from({ length: 11 }, (_, i) => ({
    // Logged on the last evening of each month, January to November 2026.
    time: at(`2026-${String(i + 2).padStart(2, '0')}-01`) - 4 * 3_600_000,
    value: 185 + 7 * i + noise * Math.sin(i * 1.7),
  }));
  const m = metric({ id: 'stock', aggregation: 'last', direction: 'up' });
  const g = goal({
    id: 'g',
    goalType: 'level',
    metricId: 'stock',
    target: 300,
    startAt: at('2026-01-01'),
    deadline: at('2027-07-01') - 1,
  });
  const settings = defaultSettings({ locale, timeZone: tz });
  const r = evaluateAll({
    goals: [g],
    metrics: [m],
    rollups: rollupFromPoints('stock', points, tz),
    checkIns: [],
    settings,
    now,
  });
  const ev = r.perGoal.get('g');
  if (!ev) throw new Error('no evaluation');
  return { ev, view: buildGoalView(g, ev, m, [], { t: createTranslator(locale), settings, now }) };
}

describe('a steady climb on its card', () => {
  it('reaches its line in June, with one date (en, vi)', () => {
    const en = card('en');
    expect(en.ev.status).toBe('on_track');
    expect(en.ev.forecast?.probabilityByDeadline).toBeGreaterThan(0.9);
    expect(en.view.forecast).toBe('Forecast: Jun 30, 2027');
    expect(card('vi').view.forecast).toBe('Dự báo: 30/06/2027');
  });

  it('with a little noise (±2 a month), keeps a range and a median no later than July', () => {
    const { ev, view } = card('en', 2);
    expect(view.forecast).toMatch(/^Forecast: (Jun 30|Jul 31), 2027 \(80%: .+ – .+\)/);
    expect(ev.forecast?.p10).toBeLessThan(ev.forecast?.p90 ?? 0);
  });
});
