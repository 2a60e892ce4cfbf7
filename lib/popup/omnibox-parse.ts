import { type ParseResult, parseValue } from '../parse/value-parse';
import type { Locale, Metric } from '../schema';
import { type RankedMetric, rankMetrics } from './metric-search';
import { checkValue, type ValueCheck } from './quick-log';
import type { RecentUse } from './recent-metrics';

/**
 * `kpi revenue 12tr` in the address bar: Chrome hands over "revenue 12tr". The value is the longest
 * tail of words that parses as a number ("3 tỷ", "1 tỷ 200 triệu" span several words), the rest names
 * the metric. "12tr revenue" (value first) is read too.
 */
export interface OmniboxInput {
  query: string;
  valueText: string;
  parsed: ParseResult | null;
  matches: RankedMetric[];
}

export function parseOmnibox(
  text: string,
  metrics: readonly Metric[],
  recent: readonly RecentUse[],
  locale: Locale,
): OmniboxInput {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const split = (query: string, valueText: string, parsed: ParseResult | null): OmniboxInput => ({
    query,
    valueText,
    parsed,
    matches: rankMetrics(metrics, query, recent, locale, 5),
  });
  for (let i = 1; i < words.length; i++) {
    const valueText = words.slice(i).join(' ');
    const parsed = parseValue(valueText, locale);
    if (parsed.ok) return split(words.slice(0, i).join(' '), valueText, parsed);
  }
  for (let j = words.length - 1; j >= 1; j--) {
    const valueText = words.slice(0, j).join(' ');
    const parsed = parseValue(valueText, locale);
    if (parsed.ok) return split(words.slice(j).join(' '), valueText, parsed);
  }
  // No number: either still typing a name, or a bad value ("leads abc", "leads 12x"). The last word is
  // taken as a (bad) value when it has a digit or when the whole text names no KPI.
  const last = words.at(-1) ?? '';
  const whole = split(words.join(' '), '', null);
  if (words.length > 1 && (/\d/.test(last) || whole.matches.length === 0)) {
    return split(words.slice(0, -1).join(' '), last, parseValue(last, locale));
  }
  return whole;
}

/** Why Enter opens the popup page instead of saving: the suggestion line says the same. */
export type OpenReason =
  | { why: 'noValue' }
  | { why: 'noMatch' }
  | { why: 'tie' }
  /** The value was refused (not a number, money on a count…) or needs a question (ambiguous, odd). */
  | { why: 'check'; check: Exclude<ValueCheck, { status: 'ok' }> };

export type OmniboxAction =
  | { kind: 'save'; metric: Metric; value: number }
  /** Anything unclear goes to the popup page, prefilled, where the user can confirm or fix it. */
  | { kind: 'open'; path: string; metric: Metric | null; reason: OpenReason };

/**
 * What Enter does with the text as typed. The suggestion line is written from this same result
 * (lib/background/omnibox.ts), so what the address bar promises is what Enter does (issue 19, item 6).
 */
export function omniboxAction(input: OmniboxInput, locale: Locale): OmniboxAction {
  const top = input.matches[0];
  const params = new URLSearchParams();
  if (top) params.set('metric', top.metric.id);
  if (input.valueText) params.set('value', input.valueText);
  const path = `popup.html${params.size ? `?${params}` : ''}`;
  const open = (reason: OpenReason): OmniboxAction => ({
    kind: 'open',
    path,
    metric: top?.metric ?? null,
    reason,
  });
  if (!top) return open({ why: 'noMatch' });
  if (!input.valueText) return open({ why: 'noValue' });
  // Only a clear winner is saved straight away: a tie between two metrics is the user's call.
  const second = input.matches[1];
  if (second && second.score === top.score && input.query !== '') return open({ why: 'tie' });
  const check: ValueCheck = checkValue(input.valueText, locale, top.metric.unit, 'kpi');
  return check.status === 'ok'
    ? { kind: 'save', metric: top.metric, value: check.value }
    : open({ why: 'check', check });
}

/** Chrome's omnibox descriptions are XML: user text must be escaped. */
export function escapeOmnibox(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
