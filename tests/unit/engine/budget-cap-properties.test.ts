import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGoalView } from '../../../lib/app/goal-views';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Metric } from '../../../lib/schema';
import { contradictions } from './contradictions';
import { goal, metric } from './fixtures';

/**
 * A budget cap (a total whose way is down: lib/engine/goal-types/budget-total.ts) over random
 * histories, caps, windows and days: it is never met while its window runs, a total past it is never
 * on track, and its card never contradicts itself (contradictions.ts).
 */
const tz = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
const NOW = startOfLocalDay('2026-06-17', tz) + 10 * 3_600_000;

const caseArb = fc.record({
  direction: fc.constantFrom<Metric['direction']>('down', 'neutral'),
  unit: fc.constantFrom<Metric['unit']>({ kind: 'count' }, { kind: 'currency', currency: 'VND' }),
  days: fc.integer({ min: 0, max: 500 }),
  every: fc.integer({ min: 1, max: 20 }),
  level: fc.double({ min: 0, max: 100, noNaN: true }),
  noise: fc.double({ min: 0, max: 40, noNaN: true }),
  cap: fc.double({ min: 0, max: 6000, noNaN: true }),
  baseline: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: undefined }),
  startOffset: fc.integer({ min: -300, max: 30 }),
  length: fc.integer({ min: 1, max: 400 }),
  confidence: fc.option(fc.constantFrom('on_track' as const, 'at_risk' as const, 'off_track' as const), {
    nil: undefined,
  }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

describe('a budget cap (property)', () => {
  it('is never met before its end, never on track past its cap, and never contradicts itself', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        let s = c.seed;
        const rand = () => {
          s = (s * 16807) % 2147483647;
          return s / 2147483647;
        };
        const points = [];
        for (let d = c.days; d >= 0; d -= c.every)
          points.push({
            time: NOW - d * DAY - 3_600_000,
            value: Math.max(0, c.level + (rand() - 0.5) * c.noise),
          });
        const m = metric({ id: 'm', unit: c.unit, direction: c.direction, aggregation: 'sum' });
        const startAt = startOfLocalDay('2026-06-17', tz) + c.startOffset * DAY;
        const g = goal({
          id: 'cap',
          metricId: 'm',
          goalType: 'total',
          direction: 'down',
          target: c.cap,
          ...(c.baseline !== undefined ? { baseline: c.baseline } : {}),
          startAt,
          deadline: startAt + c.length * DAY - 1,
          ...(c.confidence ? { confidence: c.confidence, updatedAt: NOW } : {}),
        });
        const r = evaluateAll({
          goals: [g],
          metrics: [m],
          rollups: rollupFromPoints('m', points, tz),
          checkIns: [],
          settings: defaultSettings({ timeZone: tz }),
          now: NOW,
          forecastPaths: 60,
        });
        const ev = r.perGoal.get('cap')!;
        const b = ev.budget;
        const ended = g.deadline! < NOW;
        if (!ended) {
          expect(ev.statusReasons).not.toContain('target_reached');
          expect(ev.progress ?? 0).toBeLessThan(1);
        }
        if (b && b.over > 0 && ev.status !== null) expect(ev.status).toBe('off_track');
        if (b && ended && b.over === 0) expect(ev.decidedBy).toBe('target_reached');
        const view = buildGoalView(g, ev, m, [], {
          t: createTranslator('en'),
          settings: { locale: 'en', timeZone: tz, currency: 'VND' },
          now: NOW,
        });
        expect(contradictions(g, ev, view, r.alerts)).toEqual([]);
      }),
      { numRuns: 120, seed: 20261207 },
    );
  });
});
