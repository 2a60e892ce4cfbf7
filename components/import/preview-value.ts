import { formatDate, formatExactValue, formatNumber } from '../../lib/i18n/format';
import type { Translator } from '../../lib/i18n/translate';
import type { ImportField } from '../../lib/import/column-aliases';
import type { ImportRecord } from '../../lib/import/plan';
import type { Unit } from '../../lib/schema';

const TIME_FIELDS = new Set<string>(['date', 'createdDate', 'wonDate', 'periodStart', 'periodEnd']);
const DIM_FIELDS = new Set<string>(['channel', 'segment', 'owner', 'businessUnit']);

/**
 * The value Pacer will store for `field`, shown the way the user reads it (dates and numbers parsed).
 * A spend period's stored end is exclusive (the first moment after it: lib/import/plan.ts), so the
 * day shown is the one before it, the period's last day as the file wrote it: "30/11/2026" stays
 * 30/11/2026, never 01/12/2026.
 */
export function previewValue(
  t: Translator,
  field: ImportField,
  record: ImportRecord,
  raw: string,
  timeZone: string,
  unit: Unit | undefined,
): string {
  const r = record as Record<string, unknown>;
  let value: unknown = r[field];
  if ('metricId' in record) {
    if (field === 'date') value = record.time;
    else if (DIM_FIELDS.has(field)) value = record.dims[field as keyof typeof record.dims];
    // In the chosen KPI's unit: "95.3%" shows a spreadsheet's 0.953 read as a percentage.
    else if (field === 'value' && unit) return formatExactValue(record.value, unit, t.locale);
  }
  if (value === undefined) return raw;
  if (TIME_FIELDS.has(field) && typeof value === 'number') {
    const shownAt = field === 'periodEnd' ? value - 1 : value;
    return formatDate(shownAt, t.locale, timeZone, 'medium');
  }
  if (typeof value === 'number') return formatNumber(value, t.locale, { maximumFractionDigits: 6 });
  return String(value);
}
