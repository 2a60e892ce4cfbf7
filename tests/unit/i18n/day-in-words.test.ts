import { describe, expect, it } from 'vitest';
import { formatDayInWords } from '../../../lib/i18n/format';

/** The words beside a date field (components/shared/day-input.tsx): which day will be saved. */
describe('formatDayInWords', () => {
  it('names the weekday, day, month and year in the page language', () => {
    expect(formatDayInWords('2026-12-07', 'en')).toBe('Mon, Dec 7, 2026');
    // "12/07/2026" in an English browser's field is 12 July to a Vietnamese reader: the words say December.
    expect(formatDayInWords('2026-12-07', 'vi')).toBe('Thứ Hai, 7 tháng 12, 2026');
    expect(formatDayInWords('2024-02-29', 'vi')).toBe('Thứ Năm, 29 tháng 2, 2024');
  });
  it('has a short form for the popup, with the year only when it is not this one', () => {
    expect(formatDayInWords('2026-12-07', 'en', 'short', 2026)).toBe('Mon, Dec 7');
    expect(formatDayInWords('2026-12-07', 'vi', 'short', 2026)).toBe('Thứ 2, 7/12');
    expect(formatDayInWords('2025-12-07', 'vi', 'short', 2026)).toBe('CN, 7/12/2025');
  });
  it('is empty for what is not a real day (a cleared or half-typed field)', () => {
    for (const bad of ['', '2026-02-30', '2026-13-01', '07/12/2026', '2026-12-7'])
      expect(formatDayInWords(bad, 'en'), bad).toBe('');
  });
});
