/**
 * A cascade period's name, for the wizard's table and the titles of the milestones it creates:
 * en "January 2027", "Q1 2027", "2027"; vi "Tháng 1/2027", "Quý 1/2027", "Năm 2027". Vietnamese
 * months were ICU's "tháng 1 năm 2027", lower case beside "Quý 1/2027" and "Năm 2027" on the same
 * timeline. Titles already stored keep what they say: only new milestones are named this way.
 */
import { type CalendarSettings, type DayKey, type Granularity, periodLabel } from '../engine/time-buckets';
import { createTranslator } from '../i18n/translate';
import type { Locale } from '../schema';

export function cascadePeriodLabel(
  start: DayKey,
  granularity: Granularity,
  locale: Locale,
  cal: CalendarSettings,
): string {
  const t = createTranslator(locale);
  if (granularity === 'month') {
    // en names the month ("January"); vi numbers it, as it numbers quarters.
    const month = Number(start.slice(5, 7));
    const name =
      locale === 'vi'
        ? String(month)
        : new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
            Date.UTC(2000, month - 1, 15),
          );
    return t('cascade.label.month', { month: name, year: start.slice(0, 4) });
  }
  const name = periodLabel(start, granularity, cal);
  if (locale === 'en') return name;
  if (granularity === 'quarter')
    return t('cascade.label.quarter', { quarter: name.replace(/^Q(\d) (.+)$/, '$1/$2') });
  return granularity === 'year' ? t('cascade.label.year', { year: name }) : name;
}
