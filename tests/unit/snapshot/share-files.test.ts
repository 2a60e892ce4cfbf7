import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSlug, shareFileName } from '../../../lib/snapshot/share-files';

const AT = Date.UTC(2025, 2, 14, 23, 30); // 2025-03-14, late in the UTC day

describe('fileSlug', () => {
  it.each([
    ['Q4 revenue 1.5B ₫', 'q4-revenue-1-5b'],
    ['Doanh thu quý 4 đạt 1,5 tỷ ₫', 'doanh-thu-quy-4-dat-1-5-ty'],
    ['ĐẠT 100 khách', 'dat-100-khach'],
    ['Qualified leads <from ads> & referrals', 'qualified-leads-from-ads-referrals'],
    ['  --hello--  ', 'hello'],
    ['收入目标', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(fileSlug(input)).toBe(expected);
  });

  it('cuts long titles to 60 characters without a trailing dash', () => {
    const slug = fileSlug(`${'a'.repeat(59)} bcd`);
    expect(slug).toBe('a'.repeat(59));
  });

  it('always yields lowercase ASCII words joined by single dashes, at most 60 long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const slug = fileSlug(s);
        expect(slug.length).toBeLessThanOrEqual(60);
        expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
      }),
    );
  });
});

describe('shareFileName', () => {
  it('names whole-snapshot files after the title and the UTC day', () => {
    expect(shareFileName('json', { generatedAt: AT, title: 'Board review: Q1' })).toBe(
      'pacer-board-review-q1-2025-03-14.json',
    );
    expect(shareFileName('html', { generatedAt: AT })).toBe('pacer-snapshot-2025-03-14.html');
    expect(shareFileName('html', { generatedAt: AT, title: '   ' })).toBe('pacer-snapshot-2025-03-14.html');
  });

  it('names card images after the goal, falling back to its id', () => {
    expect(shareFileName('svg', { generatedAt: AT, goal: { id: 'g-1', title: 'Doanh thu quý 4' } })).toBe(
      'pacer-goal-doanh-thu-quy-4.svg',
    );
    expect(shareFileName('png', { generatedAt: AT, goal: { id: 'g-Leads_2', title: '收入' } })).toBe(
      'pacer-goal-g-leads-2.png',
    );
    expect(shareFileName('png', { generatedAt: AT, goal: { id: '目标', title: '收入' } })).toBe(
      'pacer-goal-card.png',
    );
  });

  it('never throws on a non-finite time', () => {
    expect(shareFileName('json', { generatedAt: Number.NaN })).toBe('pacer-snapshot-undated.json');
  });
});
