import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalsOf, formatExactValue, formatValue } from '../../../lib/i18n/format';
import { checkValue } from '../../../lib/popup/quick-log';
import type { Locale, Unit } from '../../../lib/schema';

const VND: Unit = { kind: 'currency', currency: 'VND' };
const USD: Unit = { kind: 'currency', currency: 'USD' };
const COUNT: Unit = { kind: 'count' };
const PERCENT: Unit = { kind: 'percent' };

// Issue 19, item 6: "1.200" read as 1.2 on a VND KPI was confirmed as "Save ₫1", and 0.15 on a
// percent KPI as "0.2%": the confirm button hid the very number it asked about.
describe('formatExactValue: the number as stored', () => {
  it.each([
    [1.2, VND, 'en', '₫1.2'],
    [1200, VND, 'en', '₫1,200'],
    [1.2, VND, 'vi', '1,2\u00a0₫'],
    [1200, VND, 'vi', '1.200\u00a0₫'],
    [0.15, PERCENT, 'en', '0.15%'],
    [0.15, PERCENT, 'vi', '0,15%'],
    [12.5, PERCENT, 'en', '12.5%'],
    [1500.5, USD, 'en', '$1,500.50'],
    [1500.555, USD, 'en', '$1,500.555'],
    [1500, USD, 'en', '$1,500'],
    [1.2345678, COUNT, 'en', '1.2345678'],
    [-3, COUNT, 'en', '-3'],
    [3.25, { kind: 'ratio' }, 'en', '3.25×'],
    [1.5, { kind: 'duration', per: 'hours' }, 'en', '1 h 30 min'],
    [1.2345, { kind: 'duration', per: 'hours' }, 'en', '1.2345 h'],
    [2.01, { kind: 'duration', per: 'days' }, 'en', '2.01 d'],
  ] as const)('%s in %j (%s) → %s', (value, unit, locale, shown) => {
    expect(formatExactValue(value, unit, locale)).toBe(shown);
  });

  it('is what formatValue shows whenever that is already exact', () => {
    expect(formatExactValue(12_000_000, VND, 'en')).toBe(formatValue(12_000_000, VND, 'en'));
    expect(formatExactValue(15, PERCENT, 'vi')).toBe(formatValue(15, PERCENT, 'vi'));
  });

  it('counts the decimals of the shortest form, scientific notation included', () => {
    expect([1200, 1.2, 0.15, 1e-7, 1.5e-7, 1e21].map(decimalsOf)).toEqual([0, 1, 2, 7, 8, 0]);
  });

  // The property the issue asks for: whatever is stored, the label on the confirm button reads back
  // (through the same parser, in the same language) to that very value.
  const typedValue = fc
    .tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }))
    .map(([n, k]) => Number((n / 10 ** k).toPrecision(15)))
    .filter((v) => v !== 0);
  it.each([
    ['count', COUNT],
    ['VND', VND],
    ['USD', USD],
    ['percent', PERCENT],
  ] as const)('the label of a %s value parses back to the stored value (en and vi)', (_, unit) => {
    fc.assert(
      fc.property(typedValue, fc.constantFrom<Locale>('en', 'vi'), (value, locale) => {
        const label = formatExactValue(value, unit, locale);
        const back = checkValue(label, locale, unit, 'plain');
        expect(back.status === 'error' ? back : back.value).toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});
