import { describe, expect, it } from 'vitest';
import { monthBoundaries, monthLabels, monthMiddles, monthStep } from '../../../lib/charts/month-axis';

/**
 * A monthly chart draws each point at its month's end; the month's name sits in the middle of its
 * span, so January's point reads as January, not as the "Feb" gridline it lands on.
 */
const s = (y: number, m: number, d = 1, h = 0) => new Date(y, m, d, h).getTime() / 1000;

describe('the month axis', () => {
  it('boundaries are month starts covering the range; the names sit between them', () => {
    const min = s(2026, 0, 31, 23);
    const max = s(2026, 3, 30, 23);
    const b = monthBoundaries(min, max);
    expect(b.slice(0, 5)).toEqual([s(2026, 0), s(2026, 1), s(2026, 2), s(2026, 3), s(2026, 4)]);
    const mids = monthMiddles(b, min, max);
    expect(mids.map((t) => new Date(t * 1000).getMonth())).toEqual([1, 2, 3]);
    expect(monthLabels(mids, 'en')).toEqual(['Feb\n2026', 'Mar', 'Apr']);
    expect(monthLabels(mids, 'vi')).toEqual(['Th2\n2026', 'Th3', 'Th4']);
  });

  it('a point at a month’s end is inside the span named for that month', () => {
    const janEnd = s(2026, 0, 31, 23);
    const b = monthBoundaries(s(2025, 11, 1), s(2026, 5, 1));
    const span = b.findIndex((t, i) => t <= janEnd && janEnd < (b[i + 1] ?? Infinity));
    const mid = ((b[span] as number) + (b[span + 1] as number)) / 2;
    expect(monthLabels([mid], 'en')[0]).toBe('Jan\n2026');
  });

  it('wider ticks step by whole quarters and half-years, and label each January with its year', () => {
    expect(monthStep(30 * 86_400)).toBe(1);
    expect(monthStep(3 * 30 * 86_400)).toBe(3);
    expect(monthStep(5 * 30 * 86_400)).toBe(6);
    const b = monthBoundaries(s(2025, 4, 10), s(2027, 1, 1), 3);
    expect(b[0]).toBe(s(2025, 3));
    const labels = monthLabels(monthMiddles(b, s(2025, 4, 10), s(2027, 1, 1)), 'en');
    expect(labels).toContain('Jan\n2026');
  });
});
