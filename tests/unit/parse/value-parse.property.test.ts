import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCurrency, formatNumber } from '../../../lib/i18n/format';
import { MAX_ABS_VALUE, parseValue } from '../../../lib/parse/value-parse';

const locale = fc.constantFrom('en' as const, 'vi' as const);
const amount = fc.double({ min: -MAX_ABS_VALUE, max: MAX_ABS_VALUE, noNaN: true, noDefaultInfinity: true });

describe('parseValue properties', () => {
  it('parses back what formatNumber wrote, in the same locale (to 2 decimals)', () => {
    fc.assert(
      fc.property(amount, locale, (x, loc) => {
        const text = formatNumber(x, loc);
        const r = parseValue(text, loc);
        expect(r.ok, `${text} (${loc})`).toBe(true);
        if (!r.ok) return;
        // The text shows x to the cent, so what is read back lies within half a cent of x. (Comparing
        // with a rounding of our own failed on ties: Intl rounds the shortest decimal form of x half
        // away from zero, which neither Math.round nor toFixed reproduces.)
        expect(Math.abs(r.value - x)).toBeLessThanOrEqual(0.005 + Math.abs(x) * 1e-14);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses back whole amounts written by formatCurrency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        locale,
        fc.constantFrom('VND', 'USD'),
        (x, loc, cur) => {
          const r = parseValue(formatCurrency(x, cur, loc), loc);
          expect(r).toMatchObject({ ok: true, value: x, currency: cur });
        },
      ),
    );
  });

  it('never returns NaN or Infinity, and never throws, whatever is typed', () => {
    const numberish = fc
      .array(fc.constantFrom(...'0123456789.,  -+%$₫đk tr tỷ nghìn e'.split('')), { maxLength: 24 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), numberish), locale, (input, loc) => {
        const r = parseValue(input, loc);
        if (r.ok) {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(Math.abs(r.value)).toBeLessThanOrEqual(MAX_ABS_VALUE);
          for (const alt of r.ambiguous?.alternatives ?? []) expect(Number.isFinite(alt)).toBe(true);
        } else {
          expect(r.error.en.length).toBeGreaterThan(0);
          expect(r.error.vi.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
