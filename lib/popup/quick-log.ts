import { localDayKey, startOfLocalDay } from '../engine/time-buckets';
import { currencyDigits, decimalsOf, formatExactValue } from '../i18n/format';
import type { MessageKey } from '../i18n/messages-en';
import { type MessageParams, t } from '../i18n/translate';
import { type ParsedValue, parseValue } from '../parse/value-parse';
import type { DimensionValues, Locale, Metric, Observation, Unit } from '../schema';

/** A message for the UI: a key of the string tables and its parameters, or parser text in both languages. */
export type UiText = { key: MessageKey; params?: MessageParams } | { text: { en: string; vi: string } };

export type ValueCheck =
  | { status: 'ok'; value: number }
  | { status: 'confirm'; value: number; alternatives: number[]; question: { en: string; vi: string } }
  | { status: 'error'; message: UiText };

/**
 * Whether an ambiguous reading deserves a question. The parser flags every separator that could mean
 * either thing; asking about all of them would nag an English user for every "1,500". We stay quiet
 * only where the chosen reading is the locale's own thousands grouping (en "1,500" → 1500, vi
 * "1.500" → 1500) and the only other reading is the same digits as a decimal, a thousand times smaller.
 * Everything else is asked: en "1.200" (1.2 or 1200?), vi "1,200", a stray "1.5" in vi (1.5 or 15?),
 * and "1tr50" (1.5 or 1.05 million), which differ by money people care about.
 */
export function needsConfirmation(parsed: ParsedValue): boolean {
  const alts = parsed.ambiguous?.alternatives ?? [];
  if (alts.length === 0) return false;
  const groupingRead =
    Number.isInteger(parsed.value) &&
    alts.every((a) => Math.abs(a * 1000 - parsed.value) <= Math.abs(parsed.value) * 1e-9);
  return !groupingRead;
}

/** Converts a parsed value into the metric's unit, or says why it does not fit. */
function fitUnit(parsed: ParsedValue, unit: Unit): { value: number } | { message: UiText } {
  if (parsed.currency) {
    if (unit.kind !== 'currency')
      return { message: { key: 'quickLog.notMoney', params: { currency: parsed.currency } } };
    if (unit.currency !== parsed.currency) {
      // Pacer never converts currencies: a rate of the day would silently change the user's figures.
      return {
        message: {
          key: 'quickLog.wrongCurrency',
          params: { typed: parsed.currency, expected: unit.currency },
        },
      };
    }
  }
  if (parsed.percent) {
    if (unit.kind === 'percent') return { value: parsed.value };
    if (unit.kind === 'ratio') return { value: Number((parsed.value / 100).toPrecision(15)) };
    return { message: { key: 'quickLog.notPercent' } };
  }
  return { value: parsed.value };
}

/**
 * Whether a value is odd for its KPI (issue 19, item 6): a negative or fractional count, a negative
 * amount, an amount finer than its currency's smallest unit (₫1.2). Asked about, never refused: a
 * count can be a net change, a profit can be a loss. Empty when nothing is odd.
 */
export function oddValue(value: number, unit: Unit): { key: MessageKey; params: MessageParams }[] {
  const notes: { key: MessageKey; params: MessageParams }[] = [];
  if (unit.kind === 'count') {
    if (value < 0) notes.push({ key: 'quickLog.negativeCount', params: {} });
    if (!Number.isInteger(value)) notes.push({ key: 'quickLog.fractionalCount', params: {} });
  }
  if (unit.kind === 'currency') {
    const digits = currencyDigits(unit.currency);
    if (value < 0) notes.push({ key: 'quickLog.negativeMoney', params: {} });
    if (decimalsOf(value) > digits) {
      notes.push({
        key: digits === 0 ? 'quickLog.fractionalMoneyWhole' : 'quickLog.fractionalMoney',
        params: { currency: unit.currency, digits },
      });
    }
  }
  return notes;
}

/**
 * Which checks a value gets: `kpi` where a KPI's value is logged and the surface can ask (the popup's
 * quick log, the omnibox, the check-in): odd values are questioned. `plain` elsewhere — a goal's own
 * number in a check-in (a score of 4.5 is fine), and forms that show a question as a field error
 * (goal targets, budgets), where a question could not be answered.
 */
export type ValueRules = 'kpi' | 'plain';

/** Checks what the user typed against the metric: a value to save, a question to ask, or an error. */
export function checkValue(
  input: string,
  locale: Locale,
  unit: Unit,
  rules: ValueRules = 'plain',
): ValueCheck {
  const parsed = parseValue(input, locale);
  if (!parsed.ok) return { status: 'error', message: { text: parsed.error } };
  const fitted = fitUnit(parsed, unit);
  if ('message' in fitted) return { status: 'error', message: fitted.message };
  const ambiguous = needsConfirmation(parsed) ? parsed.ambiguous : undefined;
  const odd = rules === 'kpi' ? oddValue(fitted.value, unit) : [];
  if (!ambiguous && odd.length === 0) return { status: 'ok', value: fitted.value };
  const alternatives = (ambiguous?.alternatives ?? []).flatMap((a) => {
    const f = fitUnit({ ...parsed, value: a }, unit);
    return 'value' in f ? [f.value] : [];
  });
  // The note names the value exactly as the confirm button will ("-3", "₫1.2"), in each language.
  const question = (l: Locale) => {
    const notes = odd.map((n) => t(l, n.key, n.params)).join(' ');
    // After the ambiguity question the notes stand alone: it has already named the readings.
    const oddLine =
      notes && !ambiguous
        ? t(l, 'quickLog.oddValue', { value: formatExactValue(fitted.value, unit, l), notes })
        : notes;
    return [ambiguous?.question[l], oddLine].filter(Boolean).join(' ');
  };
  return {
    status: 'confirm',
    value: fitted.value,
    alternatives,
    question: { en: question('en'), vi: question('vi') },
  };
}

/** Today as 'YYYY-MM-DD' in the user's zone: the date field's default. */
export function todayKey(now: number, timeZone: string): string {
  return localDayKey(now, timeZone);
}

const NOON_MS = 12 * 3_600_000;

/**
 * The timestamp stored for a value logged on `day`: now when it is today (so "latest value" metrics
 * pick it up), local noon for an earlier day (well inside the day in any zone), null for a future day
 * or a malformed date — Pacer logs what happened, not plans.
 */
export function timeForDay(day: string, timeZone: string, now: number): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const today = localDayKey(now, timeZone);
  if (day === today) return now;
  if (day > today) return null;
  const t = startOfLocalDay(day, timeZone) + NOON_MS;
  return Number.isFinite(t) && t >= 0 ? t : null;
}

/**
 * Why `timeForDay` refused a day, for the message under the date field: an empty field asks for a
 * date (saying "in the future" to someone who cleared it sends them looking for the wrong mistake).
 */
export function dayProblem(day: string, timeZone: string, now: number): MessageKey | null {
  if (day.trim() === '') return 'date.empty';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return 'date.invalid';
  if (timeForDay(day, timeZone, now) !== null) return null;
  return day > localDayKey(now, timeZone) ? 'popup.futureDate' : 'date.invalid';
}

/** Only the dimensions the metric has (channel / segment…), trimmed, empty ones left out. */
export function cleanDims(
  metric: Pick<Metric, 'dimensions'>,
  typed: Partial<Record<string, string>>,
): DimensionValues {
  const out: DimensionValues = {};
  for (const d of metric.dimensions) {
    const v = typed[d]?.trim();
    if (v) out[d] = v.slice(0, 200);
  }
  return out;
}

export interface QuickLogInput {
  metric: Metric;
  value: number;
  time: number;
  dims: DimensionValues;
  note: string;
  /** Unique suffix (random in the app, fixed in tests). */
  nonce: string;
}

/** The observation a quick log writes; the id is what undo deletes. */
export function buildObservation(input: QuickLogInput): Observation {
  const note = input.note.trim().slice(0, 500);
  return {
    id: `manual-${input.time.toString(36)}-${input.nonce}`,
    metricId: input.metric.id,
    time: input.time,
    value: input.value,
    dims: input.dims,
    source: 'manual',
    ...(note ? { note } : {}),
  };
}

export const UNDO_MS = 10_000;
