import { formatExactValue } from '../i18n/format';
import { t, tc } from '../i18n/translate';
import { oddValue } from '../popup/quick-log';
import type { Locale, Unit } from '../schema';

/**
 * Odd values on the new tab's data entry (issue 19, item 6): the same rule as the popup's quick log
 * (`oddValue` — a negative or fractional count, a negative amount, an amount finer than its
 * currency), asked about once before saving rather than refused: a count can be a net change, a
 * profit can be a loss. Normal values are never held up.
 */

/** Values named in the question; the rest are counted, so a long paste keeps the question readable. */
const NAMED = 5;

/** The popup's own question for one value ("-3? This KPI counts things…"), or null when it is fine. */
export function oddQuestion(value: number, unit: Unit, locale: Locale): string | null {
  const notes = oddValue(value, unit);
  if (notes.length === 0) return null;
  return t(locale, 'quickLog.oddValue', {
    value: formatExactValue(value, unit, locale),
    notes: notes.map((n) => t(locale, n.key, n.params)).join(' '),
  });
}

/**
 * The one question asked before saving: "2 values look odd for a count: -3, 2.5. Save them anyway?",
 * each value as it will be stored. Null when none of `values` is odd.
 */
export function oddEntryQuestion(values: readonly number[], unit: Unit, locale: Locale): string | null {
  const odd = values.filter((v) => oddValue(v, unit).length > 0);
  if (odd.length === 0) return null;
  const named = odd.slice(0, NAMED).map((v) => formatExactValue(v, unit, locale));
  if (odd.length > NAMED) named.push(t(locale, 'oddEntry.more', { count: odd.length - NAMED }));
  const what =
    unit.kind === 'currency'
      ? t(locale, 'oddEntry.what.money', { currency: unit.currency })
      : t(locale, 'oddEntry.what.count');
  return tc(locale, 'oddEntry.ask', odd.length, { what, values: named.join(', ') });
}
