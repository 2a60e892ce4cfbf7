import { formatDate } from '../i18n/format';
import { t, tc } from '../i18n/translate';
import type { Locale } from '../schema';
import type { TouchedKpi } from './touched-kpis';

/**
 * The summary's line for one KPI an import wrote into: en "Imported 6 values into Revenue (Jan 1, 2024 –
 * Jan 31, 2024)", vi "Đã nhập 6 giá trị vào Doanh thu (01/01/2024 – 31/01/2024)". Count and dates are
 * written as everywhere else in the app (lib/i18n/format.ts), the days read in the user's time zone,
 * the one the file's dates were read in; a single day is named once.
 */
export function kpiSummaryLine(
  kpi: TouchedKpi,
  name: string,
  locale: Locale,
  timeZone: string,
  /** Nothing the import wrote was new or changed (the same file again): "… were already there". */
  allUnchanged = false,
): string {
  const from = formatDate(kpi.first, locale, timeZone);
  const to = formatDate(kpi.last, locale, timeZone);
  const range = from === to ? from : t(locale, 'csv.range', { from, to });
  return tc(locale, allUnchanged ? 'csv.alreadyInKpi' : 'csv.intoKpi', kpi.count, { name, range });
}
