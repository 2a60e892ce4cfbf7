import { describe, expect, it } from 'vitest';
import { formatClockTime } from '../../../lib/i18n/format';

/** Settings' reminder time and quiet hours: one way of writing a time per language. */
describe('formatClockTime', () => {
  it('writes 12-hour times in English and 24-hour times in Vietnamese', () => {
    expect(formatClockTime(9, 30, 'en')).toBe('9:30 AM');
    expect(formatClockTime(13, 0, 'en')).toBe('1:00 PM');
    expect(formatClockTime(0, 0, 'en')).toBe('12:00 AM');
    expect(formatClockTime(13, 0, 'vi')).toBe('13:00');
    expect(formatClockTime(0, 15, 'vi')).toBe('0:15');
  });
});
