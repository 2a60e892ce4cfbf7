/**
 * Money as CRMs print it in a cell: "$12,500.00", "12.500.000 ₫", "€ 1.234,56", "VND 5,000,000".
 * Deliberately small and local to the adapters (the general value parser lives elsewhere): it only
 * has to read what a CRM renders, in the user's locale, into an amount and an ISO currency code.
 */

export interface ParsedAmount {
  amount: number;
  /** ISO 4217 code, or null when the text names no currency ("12,500"). */
  currency: string | null;
}

export interface AmountOptions {
  /** The page's decimal separator when known (e.g. from the CRM's locale); otherwise guessed. */
  decimalSeparator?: '.' | ',';
}

/** Symbols and local spellings, longest first so "US$" wins over "$" and "VNĐ" over "Đ". */
const SYMBOLS: readonly (readonly [string, string])[] = [
  ['VNĐ', 'VND'],
  ['VNđ', 'VND'],
  ['US$', 'USD'],
  ['HK$', 'HKD'],
  ['NZ$', 'NZD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['S$', 'SGD'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['R$', 'BRL'],
  ['Rs.', 'INR'],
  ['Rs', 'INR'],
  ['Rp', 'IDR'],
  ['RM', 'MYR'],
  ['₫', 'VND'],
  ['đ', 'VND'],
  ['Đ', 'VND'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['฿', 'THB'],
  ['₱', 'PHP'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₦', 'NGN'],
];

/** Currencies whose amounts have no minor unit, so "1.234" in them is always one thousand two hundred… */
const ZERO_DECIMAL = new Set(['VND', 'JPY', 'KRW', 'IDR', 'CLP', 'ISK', 'PYG', 'UGX']);

/** Short scales CRMs use on boards and summaries: "$12.5K", "1,2 tr ₫" (triệu), "3 tỷ" (billion). */
const SCALES: readonly (readonly [RegExp, number])[] = [
  [/^\s*(?:tỷ|ty)(?!\p{L})/iu, 1e9],
  [/^\s*(?:triệu|tr)(?!\p{L})/iu, 1e6],
  [/^\s*(?:bn|b)(?!\p{L})/iu, 1e9],
  [/^\s*(?:mn|mio|m)(?!\p{L})/iu, 1e6],
  [/^\s*k(?!\p{L})/iu, 1e3],
];

const ISO_CODE = /(?:^|[^A-Za-z])([A-Z]{3})(?![A-Za-z])/;

function detectCurrency(text: string): string | null {
  const iso = ISO_CODE.exec(text)?.[1];
  if (iso) return iso;
  for (const [symbol, code] of SYMBOLS) {
    if (text.includes(symbol)) return code;
  }
  return null;
}

/**
 * Turn the digits-and-separators part into a JS number string. When only one kind of separator
 * appears once and is followed by exactly three digits, it is read as a thousands separator:
 * CRMs print money with two decimals or none, so "1.234" is one thousand two hundred thirty-four.
 */
function normalizeNumber(raw: string, currency: string | null, options: AmountOptions): string | null {
  const digits = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^\d[\d.,]*$/.test(digits)) return null;
  const dots = digits.split('.').length - 1;
  const commas = digits.split(',').length - 1;
  let decimal: '.' | ',' | null;
  if (dots > 0 && commas > 0) {
    decimal = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
  } else if (dots + commas === 0) {
    decimal = null;
  } else {
    const sep = dots > 0 ? '.' : ',';
    const count = dots > 0 ? dots : commas;
    const tail = digits.length - digits.lastIndexOf(sep) - 1;
    if (count > 1) decimal = null;
    else if (options.decimalSeparator) decimal = options.decimalSeparator === sep ? sep : null;
    else if (currency && ZERO_DECIMAL.has(currency) && tail === 3) decimal = null;
    else decimal = tail === 3 ? null : sep;
  }
  const thousands = decimal === '.' ? ',' : decimal === ',' ? '.' : null;
  let out = digits;
  if (thousands) out = out.split(thousands).join('');
  if (!decimal) out = out.replace(/[.,]/g, '');
  else if (decimal === ',') out = out.replace(',', '.');
  // A second decimal separator ("1.2.3" read as decimal) is not a number.
  if ((out.match(/\./g) ?? []).length > 1) return null;
  return out;
}

/** Parse a money cell; null when there is no number in it (an empty cell, "--", "Không có"). */
export function parseAmount(
  text: string | null | undefined,
  options: AmountOptions = {},
): ParsedAmount | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (!trimmed) return null;
  const currency = detectCurrency(trimmed);
  const match = /\d[\d\s\u00a0\u202f.,']*/.exec(trimmed);
  if (!match) return null;
  // Keep a trailing separator out of the number ("12,500." at a sentence end).
  const raw = match[0].replace(/[\s\u00a0\u202f.,']+$/, '');
  const normalized = normalizeNumber(raw, currency, options);
  if (normalized === null) return null;
  let amount = Number(normalized);
  if (!Number.isFinite(amount)) return null;
  const rest = trimmed.slice(match.index + match[0].length);
  const scale = SCALES.find(([pattern]) => pattern.test(rest));
  // toPrecision drops binary noise from scaling ("12.3K" × 1000 = 12299.999…).
  if (scale) amount = Number((amount * scale[1]).toPrecision(15));
  const prefix = trimmed.slice(0, match.index);
  if (/[-\u2212]/.test(prefix) || /^\(.*\)$/.test(trimmed)) amount = -amount;
  if (!Number.isFinite(amount)) return null;
  return { amount: Object.is(amount, -0) ? 0 : amount, currency };
}
