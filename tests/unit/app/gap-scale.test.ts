import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGap, formatUnitValue } from '../../../lib/app/reading-text';
import { belowTrajectoryAlert, keepBreachedAlert } from '../../../lib/engine/alerts';
import type { Pace } from '../../../lib/engine/pace';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Locale, type Unit } from '../../../lib/schema';

/** A pace amount is written on the scale of the value beside it (docs/figures.md § shared rules). */
const ctx = (locale: Locale) => ({
  t: createTranslator(locale),
  settings: defaultSettings({ locale, timeZone: 'Asia/Ho_Chi_Minh' }),
  now: Date.UTC(2026, 11, 6),
});
const vnd = { kind: 'currency', currency: 'VND' } as const;

describe('formatGap', () => {
  it('compacts an amount beside a compact value: ₫87.2K next to ₫4.42B, not ₫87,226', () => {
    expect(formatGap(-87_226, vnd, ctx('en'), [4.42e9, 5.5e9])).toBe('₫87.2K');
    expect(formatGap(-87_226, vnd, ctx('vi'), [4.42e9, 5.5e9])).toBe('87,2\u00a0nghìn\u00a0₫');
    expect(formatGap(1_234, { kind: 'count' }, ctx('en'), [null, 2e6])).toBe('1.23K');
  });

  it('keeps exact amounts beside exact values, whole counts, and fractions of a day', () => {
    expect(formatGap(-87_226, vnd, ctx('en'), [736_662, 900_000])).toBe('₫87,226');
    expect(formatGap(31.15, { kind: 'count' }, ctx('en'), [120, 200])).toBe('31');
    expect(formatGap(0.02, { kind: 'duration', per: 'days' }, ctx('en'), [1.98, 2])).toBe('0.02 d');
    expect(formatGap(3.55, { kind: 'percent' }, ctx('en'), [10, 15])).toBe('3.55 pt');
  });

  it('a duration beside its line keeps its decimals and speaks the UI’s language', () => {
    const days = { kind: 'duration', per: 'days' } as const;
    const hours = { kind: 'duration', per: 'hours' } as const;
    // 1.98 d against a 2 d ceiling read "2 d / 2 d"; Vietnamese read "d" and "h".
    expect(formatUnitValue(1.98, days, ctx('en'))).toBe('1.98 d');
    expect(formatUnitValue(1.98, days, ctx('vi'))).toBe('1,98 ngày');
    expect(formatUnitValue(149, hours, ctx('en'))).toBe('149 h');
    expect(formatUnitValue(149, hours, ctx('vi'))).toBe('149 giờ');
    expect(formatUnitValue(23.69, hours, ctx('en'))).toBe('23.7 h');
    expect(formatGap(0.02, days, ctx('vi'), [1.98, 2])).toBe('0,02 ngày');
  });

  it('the trajectory alert writes an amount as the cards do, with its currency', () => {
    const pace = { gap: -87_226, gapPct: -0.3 } as Parameters<typeof belowTrajectoryAlert>[1];
    const a = belowTrajectoryAlert({ id: 'g', title: 'Profit' }, pace, 'p', undefined, vnd, [4.42e9, 5.5e9]);
    expect(a?.message).toEqual({
      en: '“Profit” is behind its trajectory by ₫87.2K.',
      vi: '“Profit” đang chậm hơn lộ trình 87,2\u00a0nghìn\u00a0₫.',
    });
    // Beside a card of ₫197,037 / ₫165,000 the card writes ₫24,220, and so does the alert.
    const small = { gap: 24_220, gapPct: -0.3 } as Parameters<typeof belowTrajectoryAlert>[1];
    const b = belowTrajectoryAlert(
      { id: 'g', title: 'Cost per MQL' },
      small,
      'p',
      undefined,
      vnd,
      [197_037, 165_000],
    );
    expect(b?.message.en).toBe('“Cost per MQL” is behind its trajectory by ₫24,220.');
    expect(formatGap(24_220, vnd, ctx('en'), [197_037, 165_000])).toBe('₫24,220');
  });

  it('the trajectory alert writes hours as the card does: its decimals, its words (en, vi)', () => {
    const pace = { gap: -23.69, gapPct: -0.15 } as Parameters<typeof belowTrajectoryAlert>[1];
    const hours = { kind: 'duration', per: 'hours' } as const;
    const a = belowTrajectoryAlert({ id: 'g', title: 'Training' }, pace, 'p', undefined, hours);
    expect(a?.message.en).toBe(
      `“Training” is behind its trajectory by ${formatGap(-23.69, hours, ctx('en'))}.`,
    );
    expect(a?.message.en).toBe('“Training” is behind its trajectory by 23.7 h.');
    expect(a?.message.vi).toContain(formatGap(-23.69, hours, ctx('vi')));
    expect(a?.message.vi).toContain('23,7 giờ');
    const short = { gap: -1.234, gapPct: -0.15 } as Parameters<typeof belowTrajectoryAlert>[1];
    const b = belowTrajectoryAlert({ id: 'g', title: 'Training' }, short, 'p', undefined, hours);
    expect(b?.message.en).toContain(formatGap(-1.234, hours, ctx('en')));
  });

  it('a ratio keeps its "×" in the alert, as on the card', () => {
    const pace = { gap: -0.42, gapPct: -0.15 } as Parameters<typeof belowTrajectoryAlert>[1];
    const a = belowTrajectoryAlert({ id: 'g', title: 'ROAS' }, pace, 'p', undefined, { kind: 'ratio' });
    expect(a?.message.en).toBe(
      `“ROAS” is behind its trajectory by ${formatGap(-0.42, { kind: 'ratio' }, ctx('en'))}.`,
    );
  });
});

/**
 * One formatter writes a gap for cards and alerts (format.ts, formatUnitGap); the alert quotes the
 * card's figure in both languages, whatever the unit, size and scale beside it.
 */
describe('alerts and cards write a gap alike', () => {
  const units = fc.constantFrom<Unit>(
    { kind: 'count' },
    { kind: 'currency', currency: 'VND' },
    { kind: 'currency', currency: 'USD' },
    { kind: 'percent' },
    { kind: 'ratio' },
    { kind: 'duration', per: 'days' },
    { kind: 'duration', per: 'hours' },
    { kind: 'duration', per: 'minutes' },
  );
  const size = fc.oneof(
    fc.double({ min: 0.001, max: 10, noNaN: true }),
    fc.double({ min: 10, max: 1e5, noNaN: true }),
    fc.double({ min: 1e5, max: 1e10, noNaN: true }),
  );

  it('the gap in the alert is the card’s, in English and Vietnamese', () => {
    fc.assert(
      fc.property(units, size, size, (unit, gap, value) => {
        const target = value + gap * 10;
        const pace = { gap: -gap, gapPct: -0.5, expected: value + gap, reached: false } as unknown as Pace;
        const alert = belowTrajectoryAlert({ id: 'g', title: 'G' }, pace, 'p', undefined, unit, [
          value,
          target,
        ]);
        expect(alert?.message.en).toContain(`by ${formatGap(-gap, unit, ctx('en'), [value, target])}.`);
        expect(alert?.message.vi).toContain(formatGap(-gap, unit, ctx('vi'), [value, target]));
      }),
    );
  });

  it('a keep alert writes its level as the card does, hours and days in Vietnamese too', () => {
    const days = { kind: 'duration', per: 'days' } as const;
    const a = keepBreachedAlert(
      { id: 'g', title: 'Lead time' },
      { side: 'at_most', threshold: 2, margin: -0.01 },
      2.01,
      { start: '2026-03-01', granularity: 'month' },
      days,
      undefined,
      'off_track',
    );
    expect(a?.message.en).toContain('above its 2 d ceiling: Mar 2026 2.01 d.');
    // It read "2.01 d" and "2 d" in Vietnamese before.
    expect(a?.message.vi).toContain('2,01 ngày');
    expect(a?.message.vi).toContain('trần 2 ngày');
  });
});
