/**
 * Every number, amount, date and duration Pacer shows goes through here, so en and vi read the same way
 * on every surface. Formatting is `Intl` with cached formatters (a dashboard formats thousands of
 * values per render; building an `Intl.NumberFormat` costs far more than using one).
 *
 * Spaces: ICU puts U+00A0 (no-break space) between a number and its currency ("1.250.000.000 ₫") and
 * U+202F before "PM" in newer versions. We replace both with a plain space so the output is the same
 * on every browser/ICU version and in tests; surfaces that must not wrap a value set
 * `white-space: nowrap` on it.
 *
 * Invalid input (NaN, ±Infinity, null where allowed) renders as NO_VALUE, never as "NaN".
 */
import type { Locale } from '../schema/common';
import type { Unit } from '../schema/metric';

export const NO_VALUE = '—';

const SPACES = /[\u00a0\u202f\u2007\u2009]/g;
function plainSpaces(s: string): string {
  return s.replace(SPACES, ' ');
}

/**
 * Inside one amount ("44,3 tỷ ₫", "1.250.000 ₫") the number, its scale and its currency never part at
 * a line break: a card must not end a line with "150 tỷ" and start the next with "₫". Intl writes these
 * gaps as no-break spaces for that reason; every other space Pacer prints is plain, and everything that
 * reads a typed or pasted amount back (lib/parse/value-parse.ts) takes both.
 */
export const NBSP = '\u00a0';

/** Every space inside one amount as a no-break space (see NBSP). */
function amountSpaces(s: string): string {
  return s.replace(/[ \u00a0\u202f\u2007\u2009]/g, NBSP);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, opts);
    numberFormats.set(key, f);
  }
  return f;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, timeZone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(opts)}`;
  let f = dateFormats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...opts, timeZone });
    } catch {
      // Settings validate the zone, but a zone can disappear from a browser's tz database: fall back
      // to UTC rather than break the whole dashboard.
      f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' });
    }
    dateFormats.set(key, f);
  }
  return f;
}

const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();
function relativeFormat(locale: Locale): Intl.RelativeTimeFormat {
  let f = relativeFormats.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, f);
  }
  return f;
}

/** -0 prints as "-0" in some paths; nobody wants to see it. */
function noNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

const DEFAULT_NUMBER: Intl.NumberFormatOptions = { maximumFractionDigits: 2, signDisplay: 'negative' };

/** en `1,234.5`, vi `1.234,5`. Default: at most 2 decimals. Options replace the default entirely. */
export function formatNumber(value: number, locale: Locale, opts?: Intl.NumberFormatOptions): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  return plainSpaces(numberFormat(locale, opts ?? DEFAULT_NUMBER).format(noNegativeZero(value)));
}

/**
 * vi + VND: `1.250.000.000 ₫`; en + USD: `$1,500` / `$1,500.50`. Cents are dropped when the amount is
 * whole, because KPI amounts are mostly whole and ".00" on every card is noise.
 */
export function formatCurrency(value: number, currency: string, locale: Locale): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  const f = numberFormat(locale, {
    style: 'currency',
    currency,
    trailingZeroDisplay: 'stripIfInteger',
    signDisplay: 'negative',
  });
  return amountSpaces(f.format(noNegativeZero(value)));
}

/**
 * Our own compact scale instead of `notation: 'compact'`: ICU's Vietnamese short forms are
 * "1,3 T" / "12 Tr" / "13 N", where "T" reads as nothing a Vietnamese business user writes (and ICU
 * rounds 1.25 tỷ to "1,3"). Vietnamese dashboards and chats write "tr" and "tỷ"; thousands are
 * written out as "nghìn" because "N"/"k" are ambiguous. English keeps the usual K/M/B/T.
 */
const COMPACT_SCALES: Record<Locale, ReadonlyArray<readonly [number, string]>> = {
  en: [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ],
  vi: [
    [1e12, `${NBSP}nghìn${NBSP}tỷ`],
    [1e9, `${NBSP}tỷ`],
    [1e6, `${NBSP}tr`],
    [1e3, `${NBSP}nghìn`],
  ],
};

/**
 * Amounts are written compact from a million ("₫1.85B", "13,4 tr ₫"), and a figure beside such an
 * amount (a gap, a row of a table) on the same scale: the one rule cards, alerts and tables share.
 */
export function onCompactScale(values: readonly (number | null)[]): boolean {
  return values.some((v) => v !== null && Math.abs(v) >= 1e6);
}

const COMPACT_DIGITS: Intl.NumberFormatOptions = { maximumSignificantDigits: 3, signDisplay: 'negative' };

/**
 * en `1.25B`, vi `1,25 tỷ` / `12 tr`; with a currency: `$1.25B`, `1,25 tỷ ₫`. Three significant digits,
 * or up to `significant` where figures close together must be told apart (level-amount-figures.ts:
 * "₫1.7687M"). Never a trailing zero, whatever the precision: an amount that is ₫192M to five digits
 * reads "₫192M", as every other amount on screen, not "₫192.00M".
 */
export function formatCompact(
  value: number,
  locale: Locale,
  currency?: string,
  precision: { significant?: number } = {},
): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  const significant = precision.significant ?? 3;
  // Round first, so 999,999 picks the million scale ("1M") instead of printing "1,000K".
  const rounded = Number(Math.abs(value).toPrecision(significant));
  const scale = COMPACT_SCALES[locale].find(([size]) => rounded >= size);
  const mantissa = scale ? rounded / scale[0] : rounded;
  const digits =
    significant === 3 ? COMPACT_DIGITS : { ...COMPACT_DIGITS, maximumSignificantDigits: significant };
  const body = formatNumber(mantissa, locale, digits) + (scale ? scale[1] : '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  if (!currency) return sign + body;
  const symbol = currencyPlacement(locale, currency);
  return symbol.before
    ? `${sign}${symbol.text}${symbol.gap}${body}`
    : `${sign}${body}${symbol.gap}${symbol.text}`;
}

type CurrencyPlacement = { text: string; before: boolean; gap: string };
const placements = new Map<string, CurrencyPlacement>();
/** Where the locale puts the currency symbol, read from Intl so `formatCompact` agrees with `formatCurrency`. */
function currencyPlacement(locale: Locale, currency: string): CurrencyPlacement {
  const key = `${locale}|${currency}`;
  const cached = placements.get(key);
  if (cached) return cached;
  const parts = numberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  const symbolAt = parts.findIndex((p) => p.type === 'currency');
  const numberAt = parts.findIndex((p) => p.type === 'integer');
  const before = symbolAt < numberAt;
  const between = parts.slice(Math.min(symbolAt, numberAt) + 1, Math.max(symbolAt, numberAt));
  const gap = amountSpaces(
    between
      .filter((p) => p.type === 'literal')
      .map((p) => p.value)
      .join(''),
  );
  const placement = { text: parts[symbolAt]?.value ?? currency, before, gap };
  placements.set(key, placement);
  return placement;
}

export type PercentOptions = { maximumFractionDigits?: number; signed?: boolean };

/** `fraction` is a ratio: 0.125 → en `12.5%`, vi `12,5%`. `signed` adds "+" for deltas. */
export function formatPercent(fraction: number, locale: Locale, opts: PercentOptions = {}): string {
  if (!Number.isFinite(fraction)) return NO_VALUE;
  const f = numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: opts.maximumFractionDigits ?? 1,
    signDisplay: opts.signed ? 'exceptZero' : 'negative',
  });
  return plainSpaces(f.format(noNegativeZero(fraction)));
}

/**
 * A forecast chance, in whole percent. Simulated chances are never exactly 0 or 1 (the recalibration
 * map keeps them inside), so one that rounds to 0% or 100% reads "<1%" / ">99%": "0% chance" would
 * claim a certainty the forecaster never gives. Exactly 0 or 1 (a goal already reached) stays as is.
 */
export function formatChance(p: number, locale: Locale): string {
  if (p > 0 && p < 0.005) return `<${formatPercent(0.01, locale, { maximumFractionDigits: 0 })}`;
  if (p < 1 && p >= 0.995) return `>${formatPercent(0.99, locale, { maximumFractionDigits: 0 })}`;
  return formatPercent(p, locale, { maximumFractionDigits: 0 });
}

export type DateStyle = 'short' | 'medium' | 'long' | 'dayMonth' | 'monthYear' | 'time' | 'dateTime';

/**
 * Per-locale patterns. vi dates are numeric day-first ("23/11/2026", "23/11") because that is how they
 * are written at work; ICU's "23 thg 11" abbreviations read as machine output.
 */
const DATE_STYLES: Record<Locale, Record<DateStyle, Intl.DateTimeFormatOptions>> = {
  en: {
    short: { day: '2-digit', month: '2-digit', year: 'numeric' },
    medium: { dateStyle: 'medium' },
    long: { dateStyle: 'long' },
    dayMonth: { day: 'numeric', month: 'short' },
    monthYear: { month: 'long', year: 'numeric' },
    time: { hour: 'numeric', minute: '2-digit' },
    dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  },
  vi: {
    short: { day: '2-digit', month: '2-digit', year: 'numeric' },
    medium: { day: '2-digit', month: '2-digit', year: 'numeric' },
    long: { dateStyle: 'long' },
    dayMonth: { day: '2-digit', month: '2-digit' },
    monthYear: { month: 'long', year: 'numeric' },
    time: { hour: '2-digit', minute: '2-digit', hour12: false },
    dateTime: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  },
};

/**
 * A time of day in the page's language: en `9:30 AM`, vi `9:30` (`13:00`). Settings write every time this way,
 * as a browser's time field follows the browser's language instead and sat beside a 24-hour list in
 * English ("09:00 AM" above "13:00").
 */
export function formatClockTime(hour: number, minute: number, locale: Locale): string {
  const f = dateFormat(locale, 'UTC', { hour: 'numeric', minute: '2-digit' });
  return plainSpaces(f.format(Date.UTC(2026, 0, 1, hour, minute)));
}

/** The range Date accepts; anything outside renders as NO_VALUE instead of throwing. */
const MAX_DATE_MS = 8_640_000_000_000_000;

/** en medium `Nov 23, 2026`, vi short/medium `23/11/2026`. `timeZone` is an IANA name from Settings. */
export function formatDate(
  ms: number,
  locale: Locale,
  timeZone: string,
  style: DateStyle = 'medium',
): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return NO_VALUE;
  const f = dateFormat(locale, timeZone, DATE_STYLES[locale][style]);
  if (locale === 'vi' && style === 'dayMonth') {
    // ICU writes vi day + month as "23-11"; people write "23/11".
    const parts = f.formatToParts(ms);
    const day = parts.find((p) => p.type === 'day')?.value;
    const month = parts.find((p) => p.type === 'month')?.value;
    if (day && month) return `${day}/${month}`;
  }
  return plainSpaces(f.format(ms));
}

/**
 * A day key ("2026-12-07") in words, with its weekday: en `Mon, Dec 7, 2026`, vi `Thứ Hai, 7 tháng 12,
 * 2026`; "" for anything that is not a real day. Beside a browser's date field, which writes the day in
 * the browser's order whatever the page's language ("12/07/2026" reads as 12 July to a Vietnamese
 * reader), it says which day is meant.
 */
export function formatDayInWords(
  day: string,
  locale: Locale,
  /** 'short' where room is scarce (the popup): `Mon, Dec 7` / `Thứ 2, 7/12`, the year only when not `thisYear`. */
  style: 'long' | 'short' = 'long',
  thisYear?: number,
): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return '';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d, 12);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return '';
  const year = style === 'short' && y === thisYear ? undefined : 'numeric';
  const options: Intl.DateTimeFormatOptions =
    locale === 'vi'
      ? style === 'short'
        ? { weekday: 'short', day: 'numeric', month: 'numeric', year, timeZone: 'UTC' }
        : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'short', year, timeZone: 'UTC' };
  return plainSpaces(new Intl.DateTimeFormat(locale, options).format(ms));
}

/**
 * Whole days relative to today: en `tomorrow`, `in 3 days`, `2 days ago`; vi `ngày mai`, `sau 3 ngày nữa`.
 * ICU capitalises some vi forms ("Hôm qua") but not others; lower case throughout, like en, so the
 * phrase fits mid-sentence and a surface capitalises with CSS where it starts a line.
 */
export function formatRelativeDays(days: number, locale: Locale): string {
  if (!Number.isFinite(days)) return NO_VALUE;
  const text = plainSpaces(relativeFormat(locale).format(noNegativeZero(Math.round(days)), 'day'));
  return locale === 'vi' ? text.toLocaleLowerCase('vi') : text;
}

export type DurationUnit = 'minutes' | 'hours' | 'days';

const MINUTES_PER: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };
export const DURATION_LABELS: Record<Locale, { d: string; h: string; min: string }> = {
  en: { d: 'd', h: 'h', min: 'min' },
  vi: { d: 'ngày', h: 'giờ', min: 'phút' },
};

/** A duration unit's short label in the UI's language: en `d` / `h` / `min`, vi `ngày` / `giờ` / `phút`. */
export function durationLabel(per: DurationUnit, locale: Locale): string {
  const labels = DURATION_LABELS[locale];
  return per === 'days' ? labels.d : per === 'hours' ? labels.h : labels.min;
}

/**
 * A duration in `per` units, shown as its two largest parts: en `1 h 30 min`, `2 d 4 h`;
 * vi `1 giờ 30 phút`. Rounded to the minute; under a minute shows decimal minutes.
 */
export function formatDuration(value: number, per: DurationUnit, locale: Locale): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  const labels = DURATION_LABELS[locale];
  const sign = value < 0 ? '-' : '';
  const minutes = Math.abs(value) * MINUTES_PER[per];
  if (minutes === 0) {
    const zeroLabel = per === 'days' ? labels.d : per === 'hours' ? labels.h : labels.min;
    return `0 ${zeroLabel}`;
  }
  if (minutes < 1) {
    return `${sign}${formatNumber(minutes, locale, { maximumFractionDigits: 1 })} ${labels.min}`;
  }
  const total = Math.round(minutes);
  const parts: Array<[number, string]> = [
    [Math.floor(total / 1440), labels.d],
    [Math.floor((total % 1440) / 60), labels.h],
    [total % 60, labels.min],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  const shown = parts.slice(first, first + 2).filter(([n]) => n > 0);
  return sign + shown.map(([n, label]) => `${formatNumber(n, locale)} ${label}`).join(' ');
}

export type ValueOptions = { compact?: boolean };

/**
 * A metric value in its unit. Percent metrics store percentage points (15 = 15%), as people type them
 * and as the example data holds them; `formatPercent` itself takes a fraction. `null` renders as "—".
 */
export function formatValue(
  value: number | null,
  unit: Unit,
  locale: Locale,
  opts: ValueOptions = {},
): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  switch (unit.kind) {
    case 'count':
      return opts.compact ? formatCompact(value, locale) : formatNumber(value, locale);
    case 'currency':
      return opts.compact
        ? formatCompact(value, locale, unit.currency)
        : formatCurrency(value, unit.currency, locale);
    case 'percent':
      return formatPercent(value / 100, locale);
    case 'ratio':
      // "×" so a ROAS of 3.2 is not read as 3.2 of some currency.
      return `${formatNumber(value, locale)}×`;
    case 'duration':
      return formatDuration(value, unit.per, locale);
  }
}

/** English month abbreviations, as cards, alerts and chart axes write a month. */
export const EN_SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/**
 * The running month so far, with the days it covers: en `Dec 1–7`, vi `01–07/12` (`Dec 1` / `01/12`
 * on its first day), with `, 2026` / `/2026` when `withYear`. `start` is the month's first local day
 * (YYYY-MM-DD) and `lastDay` the day of the month read to. Cards and alerts both name a running month
 * this way, so "Dec 1–7: 29.6%" on the card is "Dec 1–7, 2026" in its alert.
 */
export function formatMonthSoFar(start: string, lastDay: number, locale: Locale, withYear = false): string {
  const first = Number(start.slice(8, 10));
  const span = (a: string, b: string) => (first === lastDay ? a : `${a}–${b}`);
  const year = start.slice(0, 4);
  if (locale === 'vi') {
    const two = (n: number) => String(n).padStart(2, '0');
    return `${span(two(first), two(lastDay))}/${start.slice(5, 7)}${withYear ? `/${year}` : ''}`;
  }
  const month = EN_SHORT_MONTHS[Number(start.slice(5, 7)) - 1] ?? '';
  return `${month} ${span(String(first), String(lastDay))}${withYear ? `, ${year}` : ''}`;
}

/** A difference of percentages in percentage points: en `0.45 pt`, vi `0,45 điểm %` (never "0.45%",
 * which reads as a relative change). */
export function formatPoints(x: number, locale: Locale, maximumFractionDigits = 2): string {
  const n = formatNumber(x, locale, { maximumFractionDigits });
  return locale === 'vi' ? `${n} điểm %` : `${n} pt`;
}

/**
 * A value in its unit as a goal card writes it: hours as hours ("240 h", never "10 d"), with two
 * decimals under ten (1.98 d against a 2 d ceiling is not "2 d / 2 d"); amounts and counts compact
 * from a million ("₫1.85B").
 */
export function formatUnitAmount(value: number, unit: Unit, locale: Locale): string {
  if (unit.kind === 'duration') {
    const digits = Math.abs(value) < 10 ? 2 : 1;
    return `${formatNumber(value, locale, { maximumFractionDigits: digits })} ${durationLabel(unit.per, locale)}`;
  }
  if (unit.kind === 'currency' && onCompactScale([value])) return formatCompact(value, locale, unit.currency);
  if (unit.kind === 'count' && onCompactScale([value])) return formatCompact(value, locale);
  return formatValue(value, unit, locale);
}

/**
 * A difference in the metric's own unit, the one way cards and alerts write a gap: percentage points
 * for percent metrics, whole numbers for counts, hours as hours (a fraction of a unit keeps two
 * significant digits: "0.02 d from the 2 d line", not "0 d"), ratios with their ×. An amount is
 * written on the scale of the figures beside it (`beside`: the card's value and target): compact when
 * they are ("behind pace by ₫87.2K" next to "₫4.42B", never "₫87,226"), in full when not ("₫24,220"
 * beside ₫197,037). Without a unit, a plain number with up to two decimals.
 */
export function formatUnitGap(
  gap: number,
  unit: Unit | undefined,
  locale: Locale,
  beside: readonly (number | null)[] = [],
): string {
  const x = Math.abs(gap);
  if (!unit) return formatNumber(x, locale, { maximumFractionDigits: x >= 100 ? 0 : 2 });
  if (unit.kind === 'percent') return formatPoints(x, locale);
  if (onCompactScale(beside) && (unit.kind === 'currency' || unit.kind === 'count'))
    return formatCompact(
      unit.kind === 'count' ? Math.round(x) : x,
      locale,
      unit.kind === 'currency' ? unit.currency : undefined,
    );
  if (unit.kind === 'count') return formatUnitAmount(Math.round(x), unit, locale);
  if (unit.kind === 'duration' && x > 0 && x < 1)
    return `${formatNumber(x, locale, { maximumSignificantDigits: 2 })} ${durationLabel(unit.per, locale)}`;
  return formatUnitAmount(x, unit, locale);
}

/** Intl's ceiling for fraction digits in every browser Pacer supports. */
const MAX_FRACTION_DIGITS = 20;

/**
 * How many decimals `value` needs to be written exactly (as JavaScript prints its shortest form):
 * 1.2 → 1, 0.15 → 2, 1200 → 0, 1e-7 → 7. Values come from the parser, which keeps 15 significant
 * digits, so there is no binary noise to print.
 */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const [mantissa = '', exponent = '0'] = Math.abs(value).toString().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(MAX_FRACTION_DIGITS, Math.max(0, fraction - Number(exponent)));
}

/**
 * A value as it is stored, never rounded, for the places where the user confirms what will be saved
 * (issue 19, item 6): "Save ₫1" for a typed "1.200" read as 1.2, or "0.2%" for 0.15, would hide the
 * very reading the question is about. Same shapes as `formatValue` (grouping, symbols), with as many
 * decimals as the number has; money keeps its usual cents ("$1,500.50") once it has any.
 */
export function formatExactValue(value: number, unit: Unit, locale: Locale): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  const digits = decimalsOf(value);
  const plain = (v: number) =>
    plainSpaces(
      numberFormat(locale, { maximumFractionDigits: digits, signDisplay: 'negative' }).format(
        noNegativeZero(v),
      ),
    );
  switch (unit.kind) {
    case 'count':
      return plain(value);
    case 'currency': {
      const usual = currencyDigits(unit.currency);
      if (digits <= usual) return formatCurrency(value, unit.currency, locale);
      const f = numberFormat(locale, {
        style: 'currency',
        currency: unit.currency,
        minimumFractionDigits: usual,
        maximumFractionDigits: digits,
        signDisplay: 'negative',
      });
      return amountSpaces(f.format(noNegativeZero(value)));
    }
    case 'percent':
      return formatPercent(value / 100, locale, { maximumFractionDigits: digits });
    case 'ratio':
      return `${plain(value)}×`;
    case 'duration': {
      // "1 h 30 min" when that is exact (whole minutes, and no minutes dropped behind days); otherwise
      // the number in the KPI's own unit ("1.2345 h").
      const minutes = Number((Math.abs(value) * MINUTES_PER[unit.per]).toPrecision(15));
      if (Number.isInteger(minutes) && (minutes < 1440 || minutes % 60 === 0))
        return formatDuration(value, unit.per, locale);
      const labels = DURATION_LABELS[locale];
      const label = unit.per === 'days' ? labels.d : unit.per === 'hours' ? labels.h : labels.min;
      return `${plain(value)} ${label}`;
    }
  }
}

/** The decimals a currency is normally written with: 0 for VND and JPY, 2 for USD and EUR. */
export function currencyDigits(currency: string): number {
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}
