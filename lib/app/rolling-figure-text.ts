import type { RollingFigure } from '../engine/rolling-months';
import type { DayKey } from '../engine/time-buckets';
import { EN_SHORT_MONTHS } from '../i18n/format';
import type { Translator } from '../i18n/translate';
import type { Locale } from '../schema';

/**
 * A rolling figure (rolling-months.ts) in words, as the goal card's baseline and the cascade wizard's
 * yearly rate both write it, so the two read as the one figure they are: the amount ("₫34.1B a year")
 * and the months it rests on ("Jul–Dec 2025 annualised", "12 months to Dec 2025";
 * vi "34,1 tỷ ₫ mỗi năm", "tháng 7–12/2025 quy ra một năm", "12 tháng tính đến tháng 12/2025").
 */

/** Months `from`…`to` (month starts): en `Jul–Dec 2025`, `Dec 2024–Nov 2025`; vi `tháng 7–12/2025`. */
export function monthRangeText(from: DayKey, to: DayKey, locale: Locale): string {
  const [fy, fm] = [from.slice(0, 4), Number(from.slice(5, 7))];
  const [ty, tm] = [to.slice(0, 4), Number(to.slice(5, 7))];
  if (locale === 'vi') {
    if (from === to) return `tháng ${tm}/${ty}`;
    return fy === ty ? `tháng ${fm}–${tm}/${ty}` : `tháng ${fm}/${fy}–${tm}/${ty}`;
  }
  const name = (m: number) => EN_SHORT_MONTHS[m - 1] ?? '';
  if (from === to) return `${name(tm)} ${ty}`;
  return fy === ty ? `${name(fm)}–${name(tm)} ${ty}` : `${name(fm)} ${fy}–${name(tm)} ${ty}`;
}

/** The months a rolling figure rests on, as its label says them. */
export function rollingMonthsText(fig: RollingFigure, t: Translator): string {
  const locale = t.locale;
  if (!fig.scaled)
    return t('rolling.months.full', {
      count: fig.n,
      month: monthRangeText(fig.to, fig.to, locale),
    });
  const months = monthRangeText(fig.from, fig.to, locale);
  return fig.n === 12
    ? t('rolling.months.annualised', { months })
    : t('rolling.months.scaled', { months, count: fig.n });
}

/** The figure's amount, `value` as written by the caller: "₫34.1B a year" when it is annual. */
export function rollingValueText(fig: RollingFigure, value: string, t: Translator): string {
  return fig.n === 12 ? t('rolling.perYear', { value }) : value;
}
