import { describe, expect, it } from 'vitest';
import { buildExampleData } from '../../../lib/example/example-data';
import { createTranslator } from '../../../lib/i18n/translate';
import { comparedValues } from '../../../lib/popup/compared-values';
import { unusualQuestion } from '../../../lib/popup/unusual-question';
import { unusualValue } from '../../../lib/popup/unusual-value';
import type { Observation } from '../../../lib/schema';

const NOW = Date.UTC(2026, 11, 7, 12);
const TZ = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
const example = buildExampleData(NOW, TZ);
const revenue = example.metrics.find((m) => m.id === 'ex-revenue')!;
/** What the popup reads: the half year before the value (popup-model.ts priorValues). */
const halfYear = (metricId: string, at: number) =>
  example.observations.filter(
    (o) => o.metricId === metricId && o.time >= at - 183 * DAY && o.time < at + DAY,
  );
const typed = (dims: Observation['dims']) => ({ id: 'typed', time: NOW, dims });

describe('comparedValues: what an unusual value is compared with', () => {
  it('asks about "50 tỷ" of example revenue typed with no segment, quoting month totals of every segment', () => {
    const stored = halfYear('ex-revenue', NOW);
    // Every example revenue value carries a segment: none without one.
    expect(stored.every((o) => o.dims.segment)).toBe(true);
    const compared = comparedValues(typed({}), revenue, stored, TZ);
    expect(compared.across).toEqual(['segment']);
    // The months' totals of every segment: the whole company's months.
    const months = new Map<string, number>();
    for (const o of stored) {
      const m = new Date(o.time + 7 * 3_600_000).toISOString().slice(0, 7);
      if (m < '2026-12') months.set(m, (months.get(m) ?? 0) + o.value);
    }
    expect(compared.values.sort()).toEqual([...months.values()].sort());
    const unusual = unusualValue(50e9, compared.values, revenue);
    expect(unusual).toEqual({
      kind: 'above',
      low: Math.min(...months.values()),
      high: Math.max(...months.values()),
    });
    // A month's worth is not asked about.
    expect(unusualValue(Math.max(...months.values()), compared.values, revenue)).toBeNull();
  });

  it('still compares a value with its own segment when that segment has history', () => {
    const stored = halfYear('ex-revenue', NOW);
    const compared = comparedValues(typed({ segment: 'retail' }), revenue, stored, TZ);
    expect(compared.across).toEqual([]);
    const retail = stored.filter((o) => o.dims.segment === 'retail');
    const total = retail.reduce((a, o) => a + o.value, 0);
    expect(compared.values.reduce((a, b) => a + b, 0)).toBeLessThan(total);
    expect(unusualValue(50e9, compared.values, revenue)?.kind).toBe('above');
  });

  it('reads a level across segments day by day, combined as the level is (a stock summed, an average averaged)', () => {
    const at = (d: number) => NOW - d * DAY;
    const obs = (id: string, d: number, segment: string, value: number): Observation => ({
      id,
      metricId: 'm',
      time: at(d),
      value,
      dims: { segment },
      source: 'manual',
    });
    const stored = [1, 2, 3, 4, 5].flatMap((d) => [
      obs(`a${d}`, d, 'retail', 100),
      obs(`b${d}`, d, 'b2b', 60),
    ]);
    const stock = { aggregation: 'last' } as const;
    expect(comparedValues(typed({}), stock, stored, 'UTC')).toEqual({
      values: [160, 160, 160, 160, 160],
      across: ['segment'],
    });
    expect(comparedValues(typed({}), { aggregation: 'average' }, stored, 'UTC').values).toEqual([
      80, 80, 80, 80, 80,
    ]);
    // A part (a new segment) is never read against the whole: it would look "far below".
    expect(comparedValues(typed({ segment: 'online' }), stock, stored, 'UTC')).toEqual({
      values: [],
      across: [],
    });
  });

  it("says the range it compared with: a month's, every segment together (en and vi)", () => {
    const params = { value: '50 tỷ', metric: 'Doanh thu', low: '2,9 tỷ', high: '4,2 tỷ' };
    expect(unusualQuestion(createTranslator('en'), 'above', true, ['segment'], params)).toBe(
      '50 tỷ is far above a whole month of Doanh thu lately, every segment together (2,9 tỷ to 4,2 tỷ a month). Log it anyway?',
    );
    expect(unusualQuestion(createTranslator('vi'), 'above', true, ['segment'], params)).toBe(
      '50 tỷ cao hơn nhiều so với cả một tháng Doanh thu gần đây, gộp mọi phân khúc (từ 2,9 tỷ đến 4,2 tỷ mỗi tháng). Vẫn ghi nhận?',
    );
    expect(unusualQuestion(createTranslator('en'), 'below', false, [], params)).toBe(
      '50 tỷ is far below what Doanh thu has read lately (2,9 tỷ to 4,2 tỷ). Log it anyway?',
    );
  });
});
