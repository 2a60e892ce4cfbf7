import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparedPercentDigits, keepPercentFigures } from '../../../lib/app/percent-figures';
import { paceLine, valueText } from '../../../lib/app/reading-text';
import type { GoalEvaluation } from '../../../lib/engine/evaluate-all';
import { createTranslator } from '../../../lib/i18n/translate';
import type { Locale } from '../../../lib/schema';
import { exampleViews as viewsAt } from '../example/example-views';

/**
 * A keep goal on a percentage writes its value, threshold and margin with one precision, and the
 * margin is the difference of the figures as written (docs/figures.md § Keep a level): a manager who
 * reads "29.6%" and "30%" and does the subtraction gets the "0.4 pt" the card shows.
 */
const NOW = Date.UTC(2026, 11, 6, 2);
const ctx = (locale: Locale) => ({
  t: createTranslator(locale),
  settings: { locale, timeZone: 'UTC', currency: 'VND' },
  now: NOW,
});
const percent = { kind: 'percent' } as const;
const keepEv = (current: number, threshold: number, side: 'at_least' | 'at_most' = 'at_least') =>
  ({
    type: 'keep',
    current,
    period: { granularity: 'month', start: '2026-12-01', end: '2026-12-31' },
    decidedBy: 'keep_breached',
    keep: {
      side,
      threshold,
      periods: 12,
      held: 6,
      streak: 0,
      margin: side === 'at_least' ? current - threshold : threshold - current,
      breachNext: null,
      holdToDeadline: null,
    },
  }) as unknown as GoalEvaluation;

/** The number in "0.4 pt", "29.6%", read back (en). */
const num = (s: string) => Number(/-?[\d.]+/.exec(s.replace(/,/g, ''))?.[0]);

describe('a keep goal on a percentage: value, threshold and margin at one precision', () => {
  it('the example: gross margin 29.63% against a 30% floor reads 29.6% and 0.4 pt (en, vi)', () => {
    const en = viewsAt(NOW, 'Asia/Ho_Chi_Minh', 'en').find((v) => v.goal.id === 'ex-kpi-gross-margin');
    expect(en?.view.value).toBe('Dec 1–6: 29.6%');
    expect(en?.view.target).toBe('30%');
    expect(en?.view.pace).toBe('0.4 pt under the 30% floor');
    const vi = viewsAt(NOW, 'Asia/Ho_Chi_Minh', 'vi').find((v) => v.goal.id === 'ex-kpi-gross-margin');
    expect(vi?.view.pace).toBe('0,4 điểm % dưới mức sàn 30%');
  });

  it('more decimals only where one would read as the line: 29.98% is not "30% / 30%"', () => {
    expect(comparedPercentDigits(29.63, 30)).toBe(1);
    expect(comparedPercentDigits(29.98, 30)).toBe(2);
    expect(comparedPercentDigits(29.999, 30)).toBe(3);
    expect(comparedPercentDigits(30, 30)).toBe(1);
    expect(comparedPercentDigits(97.52, 97.55)).toBe(2);
    const f = keepPercentFigures(keepEv(29.98, 30), percent, ctx('en'));
    expect(f).toEqual({ value: '29.98%', threshold: '30%', margin: '0.02 pt' });
    expect(valueText(keepEv(29.98, 30), percent, ctx('en'))).toBe('Dec: 29.98%');
    expect(paceLine(keepEv(3.82, 1, 'at_most'), percent, ctx('en'))).toBe('2.8 pt over the 1% ceiling');
  });

  it('for any value and threshold: the margin is the written threshold minus the written value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (v, th, floor) => {
          const value = v / 1000; // 0–100 with up to three decimals
          const threshold = th / 10; // thresholds as people set them: 0–100 with one decimal
          const ev = keepEv(value, threshold, floor ? 'at_least' : 'at_most');
          const f = keepPercentFigures(ev, percent, ctx('en'));
          if (!f) throw new Error('no figures');
          const shownGap = Math.abs(num(f.threshold) - num(f.value));
          expect(num(f.margin)).toBeCloseTo(shownGap, 9);
          // Never a value that reads as the line it is not on, nor a margin of "0 pt" off the line.
          if (value !== threshold) {
            expect(f.value).not.toBe(f.threshold);
            expect(num(f.margin)).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
