import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLoggable, rankMetrics } from '../../../lib/popup/metric-search';
import { parseRecent, touchRecent } from '../../../lib/popup/recent-metrics';
import { fold, matchScore } from '../../../lib/popup/text-match';
import { metric } from './fixtures';

const METRICS = [
  metric('revenue', 'Revenue', { translations: { vi: 'Doanh thu' } }),
  metric('orders', 'Orders', { translations: { vi: 'Số đơn hàng' } }),
  metric('gross', 'Gross profit', { translations: { vi: 'Lợi nhuận gộp' } }),
  metric('leads', 'Leads'),
  metric('cpl', 'Cost per lead', { formula: '{spend} / {leads}' }),
  metric('old', 'Old revenue', { archived: true }),
  metric('gone', 'Revenue gone', { deletedAt: 5 }),
];

describe('fold and matchScore', () => {
  it('drops Vietnamese marks, đ and case', () => {
    expect(fold('  Lợi  Nhuận Gộp ')).toBe('loi nhuan gop');
    expect(fold('Đơn hàng')).toBe('don hang');
  });
  it.each([
    ['revenue', 'revenue', 4],
    ['revenue', 'rev', 3],
    ['gross profit', 'pro', 2],
    ['gross profit', 'oss', 1],
    ['gross profit', 'gp', 0.5],
    ['gross profit', 'xyz', 0],
  ])('%s ~ %s = %s', (text, q, score) => {
    expect(matchScore(text, q)).toBe(score);
  });
});

describe('rankMetrics', () => {
  it('lists recent metrics first when nothing is typed, newest first, then by name', () => {
    const recent = [
      { metricId: 'leads', at: 300 },
      { metricId: 'orders', at: 200 },
    ];
    expect(rankMetrics(METRICS, '', recent, 'en').map((r) => r.metric.id)).toEqual([
      'leads',
      'orders',
      'gross',
      'revenue',
    ]);
  });

  it('leaves out archived, deleted and formula (derived) metrics', () => {
    const ids = rankMetrics(METRICS, '', [], 'en', 50).map((r) => r.metric.id);
    expect(ids).not.toContain('cpl');
    expect(ids).not.toContain('old');
    expect(ids).not.toContain('gone');
    expect(isLoggable(METRICS[4]!)).toBe(false);
  });

  it('finds a metric by its Vietnamese name typed without accents', () => {
    expect(rankMetrics(METRICS, 'loi nhuan', [], 'vi')[0]?.metric.id).toBe('gross');
    expect(rankMetrics(METRICS, 'doanh', [], 'vi')[0]?.label).toBe('Doanh thu');
  });

  it('puts a better match first, and the recent one first among equal matches', () => {
    const many = [metric('a', 'Leads won'), metric('b', 'Leads lost'), metric('c', 'Qualified leads')];
    expect(rankMetrics(many, 'leads', [{ metricId: 'b', at: 1 }], 'en').map((r) => r.metric.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('returns nothing for a query that matches no name', () => {
    expect(rankMetrics(METRICS, 'zzz', [], 'en')).toEqual([]);
  });

  it('never returns more than the limit and every result matches (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (q) => {
        const out = rankMetrics(METRICS, q, [], 'en', 3);
        expect(out.length).toBeLessThanOrEqual(3);
        if (fold(q)) for (const r of out) expect(r.score).toBeGreaterThan(0);
      }),
    );
  });
});

describe('recent metrics', () => {
  it('moves a used metric to the front without duplicates, capped at 20', () => {
    let list = touchRecent([], 'a', 1);
    list = touchRecent(list, 'b', 2);
    list = touchRecent(list, 'a', 3);
    expect(list).toEqual([
      { metricId: 'a', at: 3 },
      { metricId: 'b', at: 2 },
    ]);
    for (let i = 0; i < 30; i++) list = touchRecent(list, `m${i}`, 10 + i);
    expect(list).toHaveLength(20);
    expect(list[0]).toEqual({ metricId: 'm29', at: 39 });
  });
  it('reads damaged stored data as empty', () => {
    expect(parseRecent('nope')).toEqual([]);
    expect(parseRecent([{ metricId: 'a', at: 'x' }])).toEqual([]);
    expect(parseRecent([{ metricId: 'a', at: 1 }])).toEqual([{ metricId: 'a', at: 1 }]);
  });
});
