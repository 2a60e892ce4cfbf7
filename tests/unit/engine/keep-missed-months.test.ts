import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { computeStatus } from '../../../lib/engine/status';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { defaultSettings } from '../../../lib/schema';
import { goal, metric } from './fixtures';

/**
 * A keep goal is "every month of the window" (docs/figures.md § Keep a level): once a complete month
 * of a running window is past the line, the goal can no longer be met in full, so it is at risk at
 * best — never a green "On track · held the last 5 months" beside "held 9 of 12 months".
 */
const tz = 'Asia/Ho_Chi_Minh';
const settings = defaultSettings({ timeZone: tz });
const DAY = 86_400_000;
const at = (day: string) => startOfLocalDay(day, tz);
/** July 2, 2025, noon: Jan–Jun are the window's complete months, July is running (2 days). */
const now = at('2025-07-02') + 12 * 3_600_000;
const RANK = { on_track: 0, at_risk: 1, off_track: 2 } as const;
const base = { done: false, reached: false, deadlinePassed: false, gapPct: null, probability: null, now };

describe('computeStatus: months of a keep window missed (rule 4b)', () => {
  it('holds a keep goal whose month read holds at at risk, decided by the months missed', () => {
    expect(computeStatus({ ...base, holding: 'held', keepMissed: 3 })).toEqual({
      status: 'at_risk',
      reasons: ['keep_held', 'keep_missed'],
      decidedBy: 'keep_missed',
    });
    expect(computeStatus({ ...base, holding: 'held', keepHoldChance: 0.9, keepMissed: 1 }).status).toBe(
      'at_risk',
    );
    expect(computeStatus({ ...base, holding: 'held', keepMissed: 0 })).toMatchObject({
      status: 'on_track',
      decidedBy: 'keep_held',
    });
  });

  it('lets a month read or a chance at the same level name itself first, and never lifts off track', () => {
    expect(computeStatus({ ...base, holding: 'close', keepMissed: 2 }).decidedBy).toBe('keep_close');
    expect(computeStatus({ ...base, holding: 'breached_so_far', keepMissed: 2 }).decidedBy).toBe(
      'keep_breached_so_far',
    );
    expect(computeStatus({ ...base, holding: 'held', keepHoldChance: 0.5, keepMissed: 2 }).decidedBy).toBe(
      'keep_breach_possible',
    );
    expect(computeStatus({ ...base, holding: 'breached', keepMissed: 5 })).toMatchObject({
      status: 'off_track',
      decidedBy: 'keep_breached',
    });
    expect(computeStatus({ ...base, holding: 'held', keepHoldChance: 0.1, keepMissed: 5 })).toMatchObject({
      status: 'off_track',
      decidedBy: 'keep_breach_likely',
    });
  });

  it('after the deadline: as before, on track only when every month held (reached), else off track', () => {
    expect(computeStatus({ ...base, reached: true, holding: 'held', keepMissed: 0 }).status).toBe('on_track');
    expect(computeStatus({ ...base, deadlinePassed: true, holding: 'held', keepMissed: 2 })).toMatchObject({
      status: 'off_track',
      decidedBy: 'deadline_passed',
    });
  });

  it('never on track with a month missed; exactly at risk when nothing else is worse (property)', () => {
    const holding = fc.constantFrom('held', 'close', 'breached', 'breached_so_far' as const);
    const chance = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(holding, chance, fc.integer({ min: 1, max: 36 }), (h, p, missed) => {
        const without = computeStatus({ ...base, holding: h, keepHoldChance: p, keepMissed: 0 });
        const st = computeStatus({ ...base, holding: h, keepHoldChance: p, keepMissed: missed });
        expect(st.status).not.toBe('on_track');
        // The months missed only ever raise on track to at risk: off track comes from the month read
        // or the chance, as before.
        const was = RANK[without.status ?? 'on_track'];
        expect(RANK[st.status ?? 'on_track']).toBe(Math.max(was, 1));
        if (was === 0) expect(st.decidedBy).toBe('keep_missed');
        else expect(st.decidedBy).toBe(without.decidedBy);
      }),
    );
  });
});

describe('a keep goal read from its months (keep-level.ts)', () => {
  /**
   * "On-time ≥ 96%" for 2025, read on July 2: 18 months before the window at `before`, Jan–Jun at
   * `window`, July so far at `running` — one value a day, the month's average is its value.
   */
  function evaluate(window: readonly number[], running: number, before = 98) {
    const points: Array<{ time: number; value: number }> = [];
    const valueOn = (day: string) => {
      // Months before the window move a little around `before` (−0.3, 0, +0.3 in turn).
      if (day < '2025-01-01') return before + ((Number(day.slice(5, 7)) % 3) - 1) * 0.3;
      if (day >= '2025-07-01') return running;
      return window[Number(day.slice(5, 7)) - 1] ?? before;
    };
    for (let t = at('2023-07-01'); t <= now; t += DAY) {
      const day = new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
      points.push({ time: t + 9 * 3_600_000, value: valueOn(day) });
    }
    const r = evaluateAll({
      goals: [
        goal({
          id: 'keep',
          goalType: 'keep',
          keepSide: 'at_least',
          metricId: 'onTime',
          target: 96,
          startAt: at('2025-01-01'),
          deadline: at('2026-01-01'),
        }),
      ],
      metrics: [metric({ id: 'onTime', aggregation: 'average', unit: { kind: 'percent' }, direction: 'up' })],
      rollups: rollupFromPoints('onTime', points, tz),
      checkIns: [],
      settings,
      now,
      forecastPaths: 50,
    });
    const ev = r.perGoal.get('keep');
    if (!ev) throw new Error('no evaluation');
    return Object.assign(ev, { alerts: r.alerts.filter((a) => a.subject.id === 'keep') });
  }

  it('July held, three months of the window missed: at risk, "missed 3 of 7"', () => {
    const ev = evaluate([98, 95, 98, 94, 93, 98], 98.5);
    expect(ev.keep).toMatchObject({ periods: 7, held: 4, streak: 2 });
    expect(ev.status).toBe('at_risk');
    expect(ev.decidedBy).toBe('keep_missed');
    expect(ev.period?.partial).toBe(true);
    // No alert of its own (alerts.ts): nothing is past the line now and the card says what was
    // missed; the months missed raised no alert before this rule either.
    expect(ev.alerts.filter((a) => a.rule.startsWith('keep_'))).toEqual([]);
  });

  it('July past the line so far, nothing missed before: at risk from the month read, not a missed month', () => {
    const ev = evaluate([98, 98, 98, 98, 98, 98], 95);
    expect(ev.keep).toMatchObject({ periods: 7, held: 6, streak: 0 });
    expect(ev.status).not.toBe('on_track');
    expect(ev.statusReasons).toContain('keep_breached_so_far');
    expect(ev.statusReasons).not.toContain('keep_missed');
  });

  it('never on track once a complete month of the running window is missed (property)', () => {
    const month = fc.oneof(
      fc.double({ min: 97.5, max: 99.5, noNaN: true }),
      fc.double({ min: 90, max: 95.9, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(month, { minLength: 6, maxLength: 6 }).filter((w) => w.some((v) => v < 96)),
        fc.double({ min: 97.5, max: 99.5, noNaN: true }),
        (window, running) => {
          const ev = evaluate(window, running);
          const missed = window.filter((v) => v < 96).length;
          expect(ev.keep?.periods).toBe(7);
          expect((ev.keep?.periods ?? 0) - (ev.keep?.held ?? 0)).toBe(missed);
          expect(ev.status).not.toBe('on_track');
          expect(ev.statusReasons).toContain('keep_missed');
        },
      ),
      { numRuns: 25 },
    );
  });

  it('on track with no month missed and the month read comfortably held (property)', () => {
    const comfortable = fc.double({ min: 97.8, max: 98.6, noNaN: true });
    fc.assert(
      fc.property(fc.array(comfortable, { minLength: 6, maxLength: 6 }), comfortable, (window, running) => {
        const ev = evaluate(window, running);
        expect(ev.keep).toMatchObject({ periods: 7, held: 7 });
        expect(ev.status).toBe('on_track');
        expect(ev.decidedBy).toBe('keep_held');
      }),
      { numRuns: 25 },
    );
  });
});
