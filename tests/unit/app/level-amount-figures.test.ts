import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelAmountFigures } from '../../../lib/app/level-amount-figures';
import type { GoalEvaluation } from '../../../lib/engine/evaluate-all';
import { createTranslator } from '../../../lib/i18n/translate';
import type { Locale } from '../../../lib/schema';
import { exampleViews } from '../example/example-views';

/**
 * A level goal's compact amounts are written so that its progress can be checked by hand to the card's
 * one decimal (docs/figures.md § Reach a level).
 */
const NOW = Date.UTC(2026, 11, 6, 2);
const ctx = (locale: Locale) => ({
  t: createTranslator(locale),
  settings: { locale, timeZone: 'UTC', currency: 'VND' },
  now: NOW,
});
const vnd = { kind: 'currency', currency: 'VND' } as const;
const levelEv = (current: number, target: number, baseline: number) =>
  ({
    type: 'level',
    current,
    target,
    baseline,
    progress: (current - baseline) / (target - baseline),
    rolledUpProgress: null,
  }) as unknown as GoalEvaluation;
/** "₫1.7687M" → 1,768,700 (en). */
const amount = (s: string) => {
  const m = /([\d.]+)([KMBT]?)/.exec(s.replace(/,/g, ''));
  const scale = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[m?.[2] ?? ''] ?? 1;
  return Number(m?.[1]) * scale;
};
/** A progress to the card's one decimal, a half rounded up as by hand. */
const tenths = (x: number) => Math.round(x * 1000 + 1e-9);

describe('a level goal on compact amounts', () => {
  it('the example: the average shop reads ₫1.7687M of ₫1.9M from ₫1.7431M, 16.3% (en, vi)', () => {
    const en = exampleViews(NOW, 'Asia/Ho_Chi_Minh', 'en').find((v) => v.goal.id === 'ex-kpi-retail-value');
    const vi = exampleViews(NOW, 'Asia/Ho_Chi_Minh', 'vi').find((v) => v.goal.id === 'ex-kpi-retail-value');
    const [value, target, base] = [en?.view.value ?? '', en?.view.target ?? '', en?.view.progressText ?? ''];
    expect(target).toBe('₫1.9M');
    const pct = Number(/([\d.]+)%/.exec(base)?.[1]);
    const baseline = amount(base.slice(base.indexOf('from')));
    const byHand = ((amount(value) - baseline) / (amount(target) - baseline)) * 100;
    expect(Math.round(byHand * 10) / 10).toBe(pct);
    expect(vi?.view.value).toMatch(/^Tháng 11: 1,\d{4}\str\s₫$/);
    // The BHAG's three digits already add up ((44.3 − 34.1) ÷ (150 − 34.1) = 8.8%): left as they
    // were, with the months its baseline rests on (rolling-months.ts).
    const bhag = exampleViews(NOW, 'Asia/Ho_Chi_Minh', 'en').find((v) => v.goal.id === 'ex-goal-bhag');
    expect(bhag?.view.progressText).toBe('8.8% of the way from ₫34.1B a year (Jul–Dec 2025 annualised)');
  });

  it('writes no spurious zeros: ₫192M from ₫187.43M, not ₫192.00M (en, vi)', () => {
    // Five digits are needed here: (192 − 187) ÷ (200 − 187) = 38.5% and (192.0 − 187.4) ÷ (200 −
    // 187.4) = 36.5% against the card's 36.4%; (192 − 187.43) ÷ (200 − 187.43) = 36.4%.
    const ev = levelEv(192_001_000, 200_000_000, 187_431_000);
    expect(levelAmountFigures(ev, vnd, ctx('en'))).toEqual({
      value: '₫192M',
      target: '₫200M',
      baseline: '₫187.43M',
    });
    expect(levelAmountFigures(ev, vnd, ctx('vi'))).toEqual({
      value: '192\u00a0tr\u00a0₫',
      target: '200\u00a0tr\u00a0₫',
      baseline: '187,43\u00a0tr\u00a0₫',
    });
    // A zero inside a figure is a digit, and stays.
    const inner = levelAmountFigures(levelEv(1_809_040, 1_900_000, 1_743_101), vnd, ctx('en'));
    expect(inner?.value).toBe('₫1.809M');
  });

  it('for any level on amounts: the progress from the figures as written is the card’s, or five digits are used', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 2_000_000_000 }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: 0.005, max: 1.995, noNaN: true }),
        (baseline, moveShare, progress) => {
          const target = Math.round(baseline * (1 + moveShare));
          const current = baseline + progress * (target - baseline);
          const ev = levelEv(current, target, baseline);
          const f = levelAmountFigures(ev, vnd, ctx('en'));
          const written = f ?? null;
          const r3 = (x: number) => Number(x.toPrecision(3));
          const threeDigits = (r3(current) - r3(baseline)) / (r3(target) - r3(baseline));
          if (!written) {
            expect(tenths(threeDigits)).toBe(tenths(progress));
            return;
          }
          const byHand =
            (amount(written.value) - amount(written.baseline)) /
            (amount(written.target) - amount(written.baseline));
          // Five digits where fewer do not add up; 192 and 192.00 are one figure, written "192".
          const r5 = (x: number) => Number(x.toPrecision(5));
          const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.abs(b);
          if (tenths(byHand) !== tenths(progress)) {
            expect(close(amount(written.value), r5(current))).toBe(true);
            expect(close(amount(written.baseline), r5(baseline))).toBe(true);
          }
          // Never a trailing zero after the decimal point, as no other amount on screen has one.
          for (const s of Object.values(written)) expect(s).not.toMatch(/\.\d*0[KMBT]/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
