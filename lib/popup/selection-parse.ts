import { parseValue } from '../parse/value-parse';
import type { Locale } from '../schema';

/**
 * "Log selected number to a KPI…": the selection is any text on any page ("Total: 1.500.000 ₫ (VAT
 * incl.)"). The whole selection is tried first; otherwise each number-looking run with its currency,
 * size word or percent sign around it, first one that parses wins.
 */
const CANDIDATE =
  /(?:[$€£¥₫]\s?)?[-+]?\d[\d.,' \u00a0]*(?:\s?(?:nghìn tỷ|ngàn tỷ|tỷ|tỉ|triệu|trieu|tr|nghìn|ngàn|k|m|bn|b|million|billion|thousand))?(?:\s?(?:%|₫|đ|vnđ|vnd|usd|eur|\$))?/giu;

export const MAX_SELECTION = 2_000;

export function numberInSelection(selection: string, locale: Locale): string | null {
  const text = selection.slice(0, MAX_SELECTION).trim();
  if (!text) return null;
  if (parseValue(text, locale).ok) return text;
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0].trim().replace(/[.,]$/, '');
    if (raw && parseValue(raw, locale).ok) return raw;
  }
  return null;
}
