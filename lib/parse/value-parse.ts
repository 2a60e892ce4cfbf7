/**
 * Numbers as people type them in English and Vietnamese: `1.200.000`, `1,200,000`, `1,2tr`, `12tr5`,
 * `3 tỷ`, `1 tỷ 200 triệu`, `500k`, `$1,500`, `₫1.500.000`, `15%`, `1.5B`, `1e6`.
 *
 * Where a separator could mean either thing (`1.200`: 1200 in vi, 1.2 in en) the UI locale picks the
 * value and the other reading is reported in `ambiguous`, so the UI can ask instead of silently storing
 * a number a thousand times off. Percentages keep the number as typed (`15%` → 15, `percent: true`):
 * percent metrics store percentage points, as the example data does. Errors carry both languages, built from the message tables.
 */

import { formatNumber, formatPercent } from '../i18n/format';
import type { MessageKey } from '../i18n/messages-en';
import { type MessageParams, t } from '../i18n/translate';
import type { Locale } from '../schema/common';

export type Bilingual = { readonly en: string; readonly vi: string };

export type ParseErrorCode =
  | 'empty'
  | 'too_long'
  | 'not_a_number'
  | 'unexpected'
  | 'double_separator'
  | 'bad_grouping'
  | 'repeated_scale'
  | 'scale_order'
  | 'too_many_digits_after_scale'
  | 'too_large'
  | 'too_small'
  | 'percent_with_currency'
  | 'percent_with_scale'
  | 'two_currencies';

export type ParsedValue = {
  ok: true;
  value: number;
  /** ISO 4217 code when the input named a currency (`₫`, `đ`, `VND`, `$`, `USD`, `€`…). */
  currency?: string;
  /** The input had a `%` sign; `value` is in percentage points (15% → 15). */
  percent?: boolean;
  ambiguous?: { alternatives: number[]; question: Bilingual };
};
export type ParseFailure = { ok: false; code: ParseErrorCode; error: Bilingual };
export type ParseResult = ParsedValue | ParseFailure;

/** Larger than any KPI a business tracks, and still exact as a double. */
export const MAX_ABS_VALUE = 1e15;
const MAX_INPUT_LENGTH = 100;

const DECIMAL_SEPARATOR: Record<Locale, '.' | ','> = { en: '.', vi: ',' };

/** Size words, longest first so "nghìn tỷ" wins over "nghìn" and "triệu" over "tr". Lower case, NFC. */
const SCALES: ReadonlyArray<readonly [string, number]> = (
  [
    ['nghìn tỷ', 12],
    ['ngàn tỷ', 12],
    ['nghìn tỉ', 12],
    ['ngàn tỉ', 12],
    ['trillion', 12],
    ['billion', 9],
    ['tỷ', 9],
    ['tỉ', 9],
    ['ty', 9],
    ['bn', 9],
    ['b', 9],
    ['million', 6],
    ['triệu', 6],
    ['trieu', 6],
    ['tr', 6],
    ['mio', 6],
    ['mn', 6],
    ['m', 6],
    ['thousand', 3],
    ['nghìn', 3],
    ['nghin', 3],
    ['ngàn', 3],
    ['ngan', 3],
    ['k', 3],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Currency words and symbols (lower case). ISO codes not listed here are accepted via Intl. */
const CURRENCY_WORDS: ReadonlyArray<readonly [string, string]> = (
  [
    ['₫', 'VND'],
    ['vnđ', 'VND'],
    ['vnd', 'VND'],
    ['đồng', 'VND'],
    ['đ', 'VND'],
    ['us$', 'USD'],
    ['$', 'USD'],
    ['€', 'EUR'],
    ['£', 'GBP'],
    ['¥', 'JPY'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

const ISO_CURRENCIES: ReadonlySet<string> = new Set(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['VND', 'USD', 'EUR'],
);

const LETTER = /\p{L}/u;
const DIGIT = /[0-9]/;

/** Digits of one number, kept as strings so `1.1` × 10⁶ is exactly 1100000 (Number("1.1e6")). */
type Digits = { int: string; frac: string };
/** One `number × 10^exp` term; `alt` is the other reading when the separators are ambiguous. */
type Term = { digits: Digits; exp: number; alt?: Digits };

class ParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(code);
  }
}

function bilingual(key: MessageKey, params: MessageParams): Bilingual {
  return { en: t('en', key, params), vi: t('vi', key, params) };
}

/**
 * Unicode and typing variants folded away: NFC (macOS hands over decomposed Vietnamese), no-break and
 * thin spaces, typographic minus signs, runs of spaces.
 */
function normalise(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[\u00a0\u202f\u2007\u2009\t]/g, ' ')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/ {2,}/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Groups are valid thousands grouping when the first has 1–3 digits without a leading zero and every
 * other has exactly 3. A single group is always fine.
 */
function validGrouping(groups: readonly string[]): boolean {
  if (groups.length <= 1) return true;
  const [first, ...rest] = groups;
  if (!first || first.length > 3 || first.startsWith('0')) return false;
  return rest.every((g) => g.length === 3);
}

const GROUP_ONLY = /[ ']/;

type NumberReading = { primary: Digits; alt?: Digits };

/**
 * Reads one number token such as `1.234,5`, `1 200 000`, `1.200`. The token holds digits and the
 * separators . , ' and space, starts with a digit or a separator followed by a digit.
 */
function readNumber(token: string, locale: Locale, input: string, scaled: boolean): NumberReading {
  if (/[.,' ]{2,}/.test(token)) throw new ParseError('double_separator', 'parse.doubleSeparator', { input });
  // ".5" / ",5": only a decimal makes sense.
  if (token.startsWith('.') || token.startsWith(',')) {
    const frac = token.slice(1);
    if (!/^\d+$/.test(frac)) throw new ParseError('bad_grouping', 'parse.badGrouping', { input });
    return { primary: { int: '0', frac } };
  }
  const dots = token.split('.').length - 1;
  const commas = token.split(',').length - 1;
  const badGrouping = () => new ParseError('bad_grouping', 'parse.badGrouping', { input });

  // Both present: the one that comes last, once, is the decimal separator (1.234,5 and 1,234.5).
  if (dots > 0 && commas > 0) {
    const decimal = token.lastIndexOf('.') > token.lastIndexOf(',') ? '.' : ',';
    const at = token.lastIndexOf(decimal);
    const intPart = token.slice(0, at);
    const frac = token.slice(at + 1);
    if (intPart.includes(decimal) || !/^\d+$/.test(frac)) throw badGrouping();
    const groups = intPart.split(/[.,' ]/);
    if (!validGrouping(groups)) throw badGrouping();
    return { primary: { int: groups.join(''), frac } };
  }

  const sep = dots > 0 ? '.' : commas > 0 ? ',' : null;
  const count = dots + commas;
  if (sep === null || count > 1) {
    // No . or , at all, or one of them repeated: everything is grouping (1.200.000, 1 200 000).
    const groups = token.split(/[.,' ]/);
    if (!validGrouping(groups)) throw badGrouping();
    return { primary: { int: groups.join(''), frac: '' } };
  }

  // Exactly one . or ,: a decimal separator, or a thousands separator when exactly 3 digits follow.
  const at = token.indexOf(sep);
  const intPart = token.slice(0, at);
  const after = token.slice(at + 1);
  if (GROUP_ONLY.test(after)) throw badGrouping();
  const intGroups = intPart.split(GROUP_ONLY);
  const asDecimal: Digits | null = validGrouping(intGroups) ? { int: intGroups.join(''), frac: after } : null;
  const allGroups = token.split(/[.,' ]/);
  const asGrouping: Digits | null =
    after.length === 3 && validGrouping(allGroups) ? { int: allGroups.join(''), frac: '' } : null;

  const localeSaysDecimal = sep === DECIMAL_SEPARATOR[locale];
  if (asDecimal && asGrouping) {
    return localeSaysDecimal
      ? { primary: asDecimal, alt: asGrouping }
      : { primary: asGrouping, alt: asDecimal };
  }
  if (asGrouping) return { primary: asGrouping };
  if (!asDecimal) throw badGrouping();
  // Only a decimal reading is valid, but with the other locale's separator (vi "1.5", en "1,5"):
  // the user may have meant a stray separator (15). With a size word ("1,2tr") nobody does.
  const strayReading = asDecimal.int.replace(/^0+/, '') !== '' && !localeSaysDecimal && !scaled;
  return strayReading
    ? { primary: asDecimal, alt: { int: asDecimal.int + asDecimal.frac, frac: '' } }
    : { primary: asDecimal };
}

function termValue(digits: Digits, exp: number): number {
  return Number(`${digits.int || '0'}.${digits.frac || '0'}e${exp}`);
}

/** Rounds away binary noise from adding terms (0.1 + 0.2 style). */
function tidy(value: number): number {
  const v = Number(value.toPrecision(15));
  return v === 0 ? 0 : v;
}

class Scanner {
  pos = 0;
  constructor(readonly s: string) {}
  get rest(): string {
    return this.s.slice(this.pos);
  }
  skipSpaces(): void {
    while (this.s[this.pos] === ' ') this.pos++;
  }
  eat(text: string): boolean {
    if (!this.s.startsWith(text, this.pos)) return false;
    this.pos += text.length;
    return true;
  }
  /** A currency symbol, word or ISO code at the cursor, not running into further letters. */
  currency(): string | null {
    for (const [word, code] of CURRENCY_WORDS) {
      if (this.s.startsWith(word, this.pos) && !this.letterAt(this.pos + word.length)) {
        this.pos += word.length;
        return code;
      }
    }
    const iso = /^[a-z]{3}/.exec(this.rest)?.[0];
    if (iso && ISO_CURRENCIES.has(iso.toUpperCase()) && !this.letterAt(this.pos + 3)) {
      this.pos += 3;
      return iso.toUpperCase();
    }
    return null;
  }
  /** A size word at the cursor; it may run straight into digits ("12tr5") or a currency ("500kđ"). */
  scale(): { word: string; exp: number } | null {
    for (const [word, exp] of SCALES) {
      if (!this.s.startsWith(word, this.pos)) continue;
      const end = this.pos + word.length;
      if (this.letterAt(end) && !this.currencyAt(end)) continue;
      this.pos = end;
      return { word, exp };
    }
    return null;
  }
  numberToken(): string | null {
    const m = /^(?:\d|[.,](?=\d))[\d.,' ]*/.exec(this.rest);
    if (!m) return null;
    // Trailing separators and spaces belong to what follows ("3 tỷ", "15 %"), not to the number.
    const token = m[0].replace(/[.,' ]+$/, '');
    this.pos += token.length;
    return token;
  }
  digits(): string | null {
    const m = /^\d+/.exec(this.rest);
    if (!m) return null;
    this.pos += m[0].length;
    return m[0];
  }
  exponent(): number | null {
    const m = /^e([+-]?\d{1,4})(?!\d)/.exec(this.rest);
    if (!m?.[1]) return null;
    this.pos += m[0].length;
    return Number(m[1]);
  }
  private letterAt(i: number): boolean {
    const ch = this.s[i];
    return ch !== undefined && LETTER.test(ch);
  }
  private currencyAt(i: number): boolean {
    const saved = this.pos;
    this.pos = i;
    const found = this.currency() !== null;
    this.pos = saved;
    return found;
  }
}

function parseOrThrow(raw: string, locale: Locale): ParsedValue {
  const input = raw.trim();
  if (input === '') throw new ParseError('empty', 'parse.empty');
  if (input.length > MAX_INPUT_LENGTH) throw new ParseError('too_long', 'parse.tooLong');
  const sc = new Scanner(normalise(input));
  const unexpected = () =>
    DIGIT.test(sc.s)
      ? new ParseError('unexpected', 'parse.unexpected', { text: sc.rest, input })
      : new ParseError('not_a_number', 'parse.notANumber', { input });

  let negative = false;
  const sign = () => {
    if (sc.eat('-')) negative = true;
    else sc.eat('+');
    sc.skipSpaces();
  };
  sign();
  let currency = sc.currency();
  sc.skipSpaces();
  if (currency && !negative) sign(); // "$-1,500"

  // Terms: a number with an optional size word, then more terms with smaller size words
  // ("1 tỷ 200 triệu"), or bare digits right after a size word ("12tr5" = 12.5 triệu).
  const terms: Term[] = [];
  let lastScale: { word: string; exp: number } | null = null;
  for (;;) {
    const token = sc.numberToken();
    if (token === null) {
      if (terms.length === 0) throw unexpected();
      break;
    }
    const exponent = sc.exponent() ?? 0;
    const afterNumber = sc.pos;
    sc.skipSpaces();
    const scale = sc.scale();
    if (!scale) sc.pos = afterNumber;

    if (lastScale && !scale) {
      // Bare digits after a size word: the leading digits of its fraction. "12tr5" = 12.5 tr;
      // "1 tỷ 200" = 1.2 tỷ. Two digits ("1tr50") could also be the next group of three (1,050,000).
      if (!/^\d+$/.test(token) || exponent !== 0) throw unexpected();
      if (token.length > lastScale.exp) {
        throw new ParseError('too_many_digits_after_scale', 'parse.tooManyDigitsAfterScale', {
          scale: lastScale.word,
          input,
        });
      }
      const term: Term = { digits: { int: '0', frac: token }, exp: lastScale.exp };
      if (token.length === 2) term.alt = { int: '0', frac: token.padStart(3, '0') };
      terms.push(term);
      break;
    }

    const reading = readNumber(token, locale, input, scale !== null);
    const exp = exponent + (scale?.exp ?? 0);
    if (lastScale && scale) {
      if (scale.exp === lastScale.exp) {
        throw new ParseError('repeated_scale', 'parse.repeatedScale', { scale: scale.word });
      }
      if (scale.exp > lastScale.exp) throw new ParseError('scale_order', 'parse.scaleOrder');
      // "1 tỷ 2000 triệu": the smaller part must fit below the larger one.
      if (termValue(reading.primary, scale.exp) >= 10 ** lastScale.exp) {
        throw new ParseError('scale_order', 'parse.scaleOrder');
      }
    }
    terms.push({ digits: reading.primary, exp, ...(reading.alt ? { alt: reading.alt } : {}) });
    if (!scale) break;
    lastScale = scale;
    const afterScale = sc.pos;
    sc.skipSpaces();
    const again = sc.scale();
    if (again) {
      throw again.exp === scale.exp
        ? new ParseError('repeated_scale', 'parse.repeatedScale', { scale: again.word })
        : unexpected();
    }
    sc.pos = afterScale;
    // Only continue into another term if digits follow (possibly after a space).
    sc.skipSpaces();
    if (!DIGIT.test(sc.s[sc.pos] ?? '')) {
      sc.pos = afterScale;
      break;
    }
  }

  // Suffixes in either order ("15 %", "500kđ", "5% VND"), each at most once.
  let percent = false;
  for (let i = 0; i < 2; i++) {
    sc.skipSpaces();
    if (!percent && sc.eat('%')) {
      percent = true;
      continue;
    }
    const suffixCurrency = sc.currency();
    if (!suffixCurrency) break;
    if (currency) throw new ParseError('two_currencies', 'parse.twoCurrencies', { input });
    currency = suffixCurrency;
  }
  sc.skipSpaces();
  if (sc.pos < sc.s.length) {
    const scale = sc.scale();
    if (scale && lastScale?.exp === scale.exp) {
      throw new ParseError('repeated_scale', 'parse.repeatedScale', { scale: scale.word });
    }
    throw new ParseError('unexpected', 'parse.unexpected', { text: sc.rest, input });
  }
  if (percent && currency) throw new ParseError('percent_with_currency', 'parse.percentWithCurrency');
  if (percent && lastScale) {
    throw new ParseError('percent_with_scale', 'parse.percentWithScale', { scale: lastScale.word });
  }

  const finish = (list: readonly Term[]): number => {
    const sum = list.reduce((acc, term) => acc + termValue(term.digits, term.exp), 0);
    const signed = negative ? -sum : sum;
    return tidy(signed);
  };
  const value = finish(terms);
  const anyDigit = terms.some((term) => /[1-9]/.test(term.digits.int + term.digits.frac));
  if (!Number.isFinite(value) || Math.abs(value) > MAX_ABS_VALUE) {
    throw new ParseError('too_large', 'parse.tooLarge', { max: MAX_ABS_VALUE });
  }
  if (value === 0 && anyDigit) throw new ParseError('too_small', 'parse.tooSmall', { input });

  const alternatives: number[] = [];
  terms.forEach((term, i) => {
    if (!term.alt) return;
    const alt = finish(terms.map((other, j) => (i === j ? { digits: term.alt!, exp: term.exp } : other)));
    if (
      Number.isFinite(alt) &&
      Math.abs(alt) <= MAX_ABS_VALUE &&
      alt !== value &&
      !alternatives.includes(alt)
    ) {
      alternatives.push(alt);
    }
  });

  const result: ParsedValue = { ok: true, value };
  if (currency) result.currency = currency;
  if (percent) result.percent = true;
  if (alternatives.length > 0) {
    result.ambiguous = { alternatives, question: ambiguityQuestion(input, value, alternatives, percent) };
  }
  return result;
}

/**
 * "Does “1.200” mean 1.2 or 1200?" Small numbers are shown without grouping, because in vi the
 * grouped 1200 is "1.200" again and the question would answer itself.
 */
function ambiguityQuestion(input: string, value: number, alternatives: readonly number[], percent: boolean) {
  const show = (x: number, locale: Locale) =>
    percent
      ? formatPercent(x / 100, locale, { maximumFractionDigits: 6 })
      : formatNumber(x, locale, { maximumFractionDigits: 6, useGrouping: Math.abs(x) >= 1e5 });
  const question = (locale: Locale) =>
    t(locale, 'parse.ambiguous', {
      input,
      value: show(value, locale),
      alternative: alternatives.map((a) => show(a, locale)).join(' / '),
    });
  return { en: question('en'), vi: question('vi') };
}

/** Parses a typed number for `locale` (the UI language decides what `1.200` means). Never throws. */
export function parseValue(input: string, locale: Locale): ParseResult {
  try {
    return parseOrThrow(input, locale);
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, code: e.code, error: bilingual(e.key, e.params) };
    throw e;
  }
}
