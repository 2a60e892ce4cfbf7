import { describe, expect, it } from 'vitest';
import { monthSoFar, valueText } from '../../../lib/app/reading-text';
import type { GoalEvaluation } from '../../../lib/engine/evaluate-all';
import { createTranslator } from '../../../lib/i18n/translate';
import type { Locale } from '../../../lib/schema';

/**
 * A level read on the running month names the days it covers (docs/figures.md § Reach a level):
 * "Dec 1–6: 13%", never "Dec: 13%" on the 6th, which read as a whole month's figure.
 */
const ctx = (locale: Locale, now: number, timeZone = 'UTC') => ({
  t: createTranslator(locale),
  settings: { locale, timeZone, currency: 'VND' },
  now,
});
const percent = { kind: 'percent' } as const;
const levelEv = (partial: boolean, start = '2026-12-01') =>
  ({
    type: 'level',
    current: 13,
    period: { granularity: 'month', start, end: '2026-12-31', partial },
  }) as unknown as GoalEvaluation;

describe('the running month on a card', () => {
  const dec6 = Date.UTC(2026, 11, 6, 2);

  it('names its days so far, in each language', () => {
    expect(valueText(levelEv(true), percent, ctx('en', dec6))).toBe('Dec 1–6: 13%');
    expect(valueText(levelEv(true), percent, ctx('vi', dec6))).toBe('01–06/12: 13%');
  });

  it('a single day on the 1st, and the local day, not UTC', () => {
    const dec1 = Date.UTC(2026, 11, 1, 2);
    expect(monthSoFar('2026-12-01', ctx('en', dec1))).toBe('Dec 1');
    expect(monthSoFar('2026-12-01', ctx('vi', dec1))).toBe('01/12');
    // 30 Nov 20:00 UTC is already 1 Dec in Ho Chi Minh City (UTC+7).
    const late = Date.UTC(2026, 10, 30, 20);
    expect(monthSoFar('2026-12-01', ctx('en', late, 'Asia/Ho_Chi_Minh'))).toBe('Dec 1');
  });

  it('a rolling sum names the month it runs to, lower case mid-sentence in Vietnamese', () => {
    const rolling = {
      type: 'level',
      current: 44.3e9,
      period: {
        granularity: 'month',
        start: '2025-12-01',
        end: '2026-11-30',
        partial: false,
        rollingMonths: 12,
      },
    } as unknown as GoalEvaluation;
    const vnd = { kind: 'currency', currency: 'VND' } as const;
    expect(valueText(rolling, vnd, ctx('en', dec6))).toBe('12 months to Nov: ₫44.3B');
    expect(valueText(rolling, vnd, ctx('vi', dec6))).toBe('12 tháng tính đến tháng 11: 44,3\u00a0tỷ\u00a0₫');
  });

  it('a complete month keeps its name alone', () => {
    const nov = levelEv(false, '2026-11-01');
    expect(valueText(nov, percent, ctx('en', dec6))).toBe('Nov: 13%');
    expect(valueText(nov, percent, ctx('vi', dec6))).toBe('Tháng 11: 13%');
  });
});
