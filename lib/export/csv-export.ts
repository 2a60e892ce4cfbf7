import Papa from 'papaparse';
import type { CheckIn, Lead, Observation } from '../schema';

/**
 * KPI series, check-ins and leads as CSV for spreadsheets. Dates are ISO 8601 in UTC; text is quoted
 * when it holds a delimiter, quote or line break; and cells a spreadsheet would run as a formula get
 * a leading apostrophe (CSV injection), which Excel and Sheets show as plain text.
 *
 * The observation export uses the column names the importer recognises, so an exported series
 * imports back unchanged.
 */

export interface CsvExportOptions {
  /** Start with a UTF-8 byte order mark so Excel reads Vietnamese text correctly. Default false. */
  bom?: boolean;
  /** Default ','. Excel in locales with a decimal comma expects ';'. */
  delimiter?: ',' | ';' | '\t';
  /** Default '\r\n', as RFC 4180 and Excel write. */
  newline?: '\r\n' | '\n';
  /**
   * Write numbers with a decimal comma (1234,5), as Excel reads them where ';' separates cells (a
   * Vietnamese Windows): with a point, "1234.5" opened there as text or a date. Default false.
   */
  decimalComma?: boolean;
}

type Cell = string | number | boolean | null | undefined;

/**
 * Starts with = + - @ (or tab / CR, which some spreadsheets skip before a formula), unless the whole
 * cell is a plain negative number such as -12.5, which no spreadsheet reads as a formula.
 */
const FORMULA_START = /^(?!-\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$)[=+\-@\t\r]/;

const BOM = '\uFEFF';

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const iso = (ms: number | undefined | null): string =>
  ms === undefined || ms === null ? '' : new Date(ms).toISOString();

/** Builds the CSV from a header and row arrays; numbers are written as numbers, text guarded. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly Cell[]>,
  options: CsvExportOptions = {},
): string {
  const data: string[][] = [];
  const comma = options.decimalComma === true && (options.delimiter ?? ',') !== ',';
  for (const row of rows) {
    data.push(
      row.map((cell) => {
        if (cell === null || cell === undefined) return '';
        if (typeof cell === 'number')
          return Number.isFinite(cell) ? (comma ? String(cell).replace('.', ',') : String(cell)) : '';
        if (typeof cell === 'boolean') return cell ? 'true' : 'false';
        return guardFormula(cell);
      }),
    );
  }
  const csv = Papa.unparse(
    { fields: header.map(guardFormula), data },
    { delimiter: options.delimiter ?? ',', newline: options.newline ?? '\r\n', header: true },
  );
  return (options.bom ? BOM : '') + csv;
}

export interface ObservationCsvOptions extends CsvExportOptions {
  /** Metric names for the `metric` column; the id is written when a name is missing. */
  metricName?: (metricId: string) => string | undefined;
}

export function observationsToCsv(
  observations: Iterable<Observation>,
  options: ObservationCsvOptions = {},
): string {
  const header = [
    'date',
    'value',
    'metric',
    'channel',
    'segment',
    'owner',
    'business unit',
    'note',
    'source',
    'id',
  ];
  const rows = map(observations, (o) => [
    iso(o.time),
    o.value,
    options.metricName?.(o.metricId) ?? o.metricId,
    o.dims.channel,
    o.dims.segment,
    o.dims.owner,
    o.dims.businessUnit,
    o.note,
    o.source,
    o.id,
  ]);
  return toCsv(header, rows, options);
}

export interface CheckInCsvOptions extends CsvExportOptions {
  goalTitle?: (goalId: string) => string | undefined;
}

export function checkInsToCsv(checkIns: Iterable<CheckIn>, options: CheckInCsvOptions = {}): string {
  // Progress, plans, problems: the domain's PPP order, as in the check-in form and the goal's history.
  const header = ['date', 'goal', 'value', 'confidence', 'progress', 'plans', 'problems', 'goal id', 'id'];
  const rows = map(checkIns, (c) => [
    iso(c.time),
    options.goalTitle?.(c.goalId) ?? c.goalId,
    c.value,
    c.confidence,
    c.progress,
    c.plans,
    c.problems,
    c.goalId,
    c.id,
  ]);
  return toCsv(header, rows, options);
}

export function leadsToCsv(leads: Iterable<Lead>, options: CsvExportOptions = {}): string {
  const header = [
    'id',
    'crm',
    'object type',
    'external id',
    'name',
    'company',
    'email',
    'stage',
    'status',
    'amount',
    'currency',
    'owner',
    'channel',
    'segment',
    'created date',
    'first seen',
    'last seen',
    'url',
  ];
  const rows = map(leads, (l) => [
    l.id,
    l.crm,
    l.objectType,
    l.externalId,
    l.name,
    l.company,
    l.email,
    l.stage,
    l.status,
    l.amount,
    l.currency,
    l.owner,
    l.channel,
    l.segment,
    iso(l.createdDate),
    iso(l.firstSeen),
    iso(l.lastSeen),
    l.url,
  ]);
  return toCsv(header, rows, options);
}

function* map<T>(items: Iterable<T>, row: (item: T) => Cell[]): Generator<Cell[]> {
  for (const item of items) yield row(item);
}
