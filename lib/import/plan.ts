import { parseAmount } from '../crm/amount';
import { addDays, localDayKey, startOfLocalDay } from '../engine/time-buckets';
import { isClosedStage } from '../overlay/stages';
import {
  ChannelSpend,
  DIMENSIONS,
  type Dimension,
  type DimensionValues,
  dimKey,
  Lead,
  Observation,
} from '../schema';
import {
  type BuiltinCrm,
  type ColumnMapping,
  type ImportField,
  type ImportKind,
  type LeadObjectType,
  normalizeHeader,
  requiredFields,
  usesFallbackIdentity,
} from './column-aliases';
import { type CrmLinkOptions, crmRecordUrl, normalizeExternalId } from './crm-records';
import { type CustomRecordTarget, customRecord, customTargetCrm, templateProblem } from './custom-records';
import {
  addToWall,
  type DateFormat,
  detectCurrency,
  type NumberFormat,
  parseNumber,
  parseWallTime,
  wallToUtc,
} from './formats';
import { fnv1a64 } from './hash';
import { type PercentScale, scalePercent } from './percent-scale';
import { isValidTimeZone } from './time-zone';

/**
 * Turns CSV rows, one at a time, into validated records or row errors. It holds no records, only
 * counters, the first errors and a bounded duplicate index, so the same plan runs over a million
 * rows streamed from papaparse and gives the same answers on the validation pass and the import pass.
 */

export type SpendPeriod = 'day' | 'week' | 'month';

export interface ImportConfig extends CrmLinkOptions {
  kind: ImportKind;
  mapping: ColumnMapping;
  /** Column names as the user sees them, for error messages ("Column 3" when there is no header). */
  headers: readonly string[];
  dateFormat: DateFormat;
  numberFormat: NumberFormat;
  /** IANA zone dates without an offset are read in (the user's settings). */
  timeZone: string;
  /** kpi-series: the metric every row is an observation of. */
  metricId?: string;
  /**
   * kpi-series into a metric that sums its values: rows with the same date and dimensions are each a
   * value of their own (one row per order), never merged or refused as duplicates. Their ids count the
   * occurrence, so the same file imported again still rewrites, never adds.
   */
  rowsAddUp?: boolean;
  /** kpi-series into a percentage KPI: how cells without a % sign are written (./percent-scale.ts). */
  percentScale?: PercentScale;
  /** leads: which CRM and which object the export holds. */
  crm?: BuiltinCrm;
  /** leads from a CRM the user mapped by pointing ("Other CRM"): used instead of `crm`. */
  custom?: CustomRecordTarget;
  objectType?: LeadObjectType;
  /** Currency for amounts when neither a column nor a symbol says. */
  currency?: string;
  /** channel-spend without an end column: how long each period is. Default 'month'. */
  spendPeriod?: SpendPeriod;
  /** leads: first/last seen time of the import. Default Date.now() when the plan is built. */
  now?: number;
  /** Errors kept in memory; the count goes on. Default 1000. */
  maxErrors?: number;
}

export interface RowError {
  /** 1-based, as a spreadsheet numbers it: with a header, the header is row 1 and data starts at 2. */
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface FooterRow {
  row: number;
  text: string;
}

export type ImportRecord = Observation | Lead | ChannelSpend;

export interface PlanSummary {
  /** Data rows seen: good + bad + duplicate (blank, footer and header rows excluded). */
  rows: number;
  goodRows: number;
  badRows: number;
  blankRows: number;
  /** Rows identical to an earlier row of the file: imported once. */
  duplicateRows: number;
  /** `rowsAddUp`: rows sharing their date and dimensions with an earlier row, each kept as a value. */
  sameDayRows: number;
  /** "Grand Totals", copyright and similar lines CRM reports append. */
  footerRows: number;
  /** The first such lines, so the report can name them rather than drop them silently. */
  footers: FooterRow[];
  /** kpi-series: the currencies the values are in when there is more than one (the first one first). */
  mixedCurrencies: string[];
  errors: RowError[];
  errorCount: number;
  errorsTruncated: boolean;
}

export interface ImportPlan {
  readonly kind: ImportKind;
  /** The record for this row, or null when the row is blank, a footer, a duplicate or bad. */
  addRow(cells: readonly string[], row: number): ImportRecord | null;
  /** A row the CSV parser itself could not read (e.g. an unclosed quote). Always null. */
  rejectRow(row: number, reason: string): null;
  /** The counters alone: cheap enough to call after every row. */
  counts(): Omit<PlanSummary, 'errors' | 'errorCount' | 'errorsTruncated' | 'footers' | 'mixedCurrencies'>;
  summary(): PlanSummary;
}

export class ImportConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'ImportConfigError';
  }
}

/** What stops an import before it starts; empty when the config is usable. */
export function configProblems(config: ImportConfig): string[] {
  const problems: string[] = [];
  for (const field of requiredFields(config.kind, config.mapping)) {
    if (config.mapping[field] === undefined) problems.push(`Choose the column for “${field}”.`);
  }
  if (!isValidTimeZone(config.timeZone)) problems.push(`Unknown time zone “${config.timeZone}”.`);
  if (config.kind === 'kpi-series' && !config.metricId)
    problems.push('Choose the metric these values belong to.');
  if (config.kind === 'leads' && ((!config.crm && !config.custom) || !config.objectType)) {
    problems.push('Choose the CRM and the kind of record this export holds.');
  }
  const template = config.kind === 'leads' && config.custom ? templateProblem(config.custom) : null;
  if (template === 'missing-slot')
    problems.push('Write {id} in the record address where the export’s ID goes.');
  else if (template === 'other-origin')
    problems.push(`The record address must be on ${config.custom?.origin}, the CRM the rows belong to.`);
  else if (template === 'not-a-url') problems.push('The record address is not a valid web address.');
  if (config.currency !== undefined && !/^[A-Z]{3}$/.test(config.currency)) {
    problems.push(`“${config.currency}” is not a currency code such as VND or USD.`);
  }
  return problems;
}

const DUPLICATE_INDEX_LIMIT = 200_000;
const OCCURRENCE_INDEX_LIMIT = 1_000_000;
const FOOTER_TOTAL = /^(?:grand\s+)?totals?(?:\s*\(\d+\s+records?\))?:?$|^tổng(?:\s+cộng)?:?$/i;
const FOOTER_TEXT = /^(?:copyright\s*\(c\)|confidential information|generated by|salesforce\.com)/i;

interface Draft {
  record: Record<string, unknown>;
  /** What makes two rows the same record, for the duplicate message. */
  key: string;
}

export function buildImportPlan(config: ImportConfig): ImportPlan {
  const problems = configProblems(config);
  if (problems.length > 0) throw new ImportConfigError(problems);

  const maxErrors = config.maxErrors ?? 1000;
  const now = config.now ?? Date.now();
  const { mapping, headers } = config;
  const errors: RowError[] = [];
  let errorCount = 0;
  const counts = {
    rows: 0,
    goodRows: 0,
    badRows: 0,
    blankRows: 0,
    duplicateRows: 0,
    sameDayRows: 0,
    footerRows: 0,
  };
  const seen = new Map<string, { row: number; fingerprint: string }>();
  // rowsAddUp: how many rows each date and dimensions had so far.
  const occurrences = new Map<string, number>();
  let inFooter = false;
  const footers: FooterRow[] = [];
  const currencies: { code: string; row: number }[] = [];
  const currencyColumn = config.kind === 'kpi-series' ? findCurrencyColumn(headers, mapping) : undefined;

  const columnName = (index: number | undefined, field: string): string =>
    index === undefined ? field : (headers[index] ?? `Column ${index + 1}`);

  const pushError = (error: RowError): void => {
    errorCount++;
    if (errors.length < maxErrors) errors.push(error);
  };

  function addRow(cells: readonly string[], row: number): ImportRecord | null {
    const nonEmpty = cells.filter((c) => c.trim() !== '');
    if (nonEmpty.length === 0) {
      counts.blankRows++;
      return null;
    }
    const first = nonEmpty[0]!.trim();
    // Report footers: once "Copyright (c) … salesforce.com" starts them, the org name and the like follow.
    if (nonEmpty.length === 1 && FOOTER_TEXT.test(first)) inFooter = true;
    if (FOOTER_TOTAL.test(first) || (inFooter && nonEmpty.length === 1)) {
      counts.footerRows++;
      if (footers.length < MAX_FOOTERS) footers.push({ row, text: nonEmpty.join(' · ').slice(0, 120) });
      return null;
    }
    counts.rows++;

    const rowErrors: RowError[] = [];
    const cell = (field: ImportField): string => {
      const index = mapping[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const fail = (field: ImportField, reason: string): void => {
      rowErrors.push({ row, column: columnName(mapping[field], field), value: cell(field), reason });
    };

    for (const field of requiredFields(config.kind, mapping)) {
      const index = mapping[field];
      if (index !== undefined && index >= cells.length) {
        const n = cells.length;
        fail(
          field,
          `this row has ${n} column${n === 1 ? '' : 's'}, so “${columnName(index, field)}” is missing`,
        );
      } else if (cell(field) === '') fail(field, 'empty');
    }

    if (config.kind === 'kpi-series' && rowErrors.length === 0) {
      // Pacer never converts currencies: one series in two currencies would add USD to VND.
      const code = rowCurrency(
        cell('value'),
        currencyColumn === undefined ? '' : (cells[currencyColumn] ?? ''),
      );
      if (code) {
        const earlier = currencies[0];
        if (!currencies.some((c) => c.code === code)) currencies.push({ code, row });
        if (earlier && earlier.code !== code)
          fail('value', `in ${code}, but row ${earlier.row} is in ${earlier.code}: one series, one currency`);
      }
    }
    const draft = rowErrors.length > 0 ? null : buildDraft(config, cell, fail, now);
    if (draft && rowErrors.length === 0) {
      const schema =
        config.kind === 'kpi-series' ? Observation : config.kind === 'leads' ? Lead : ChannelSpend;
      const parsed = schema.safeParse(draft.record);
      if (parsed.success) {
        const record = parsed.data as ImportRecord;
        if (config.kind === 'kpi-series' && config.rowsAddUp) {
          const n = occurrences.get(record.id) ?? 0;
          // Past the limit a new date is not remembered (memory); files that large are daily series.
          if (n > 0 || occurrences.size < OCCURRENCE_INDEX_LIMIT) occurrences.set(record.id, n + 1);
          counts.goodRows++;
          if (n === 0) return record;
          counts.sameDayRows++;
          return { ...record, id: `obs-${fnv1a64(`${record.id}\u001f#${n}`)}` };
        }
        const fingerprint = fnv1a64(JSON.stringify(record));
        const earlier = seen.get(record.id);
        if (earlier) {
          if (earlier.fingerprint === fingerprint) {
            counts.duplicateRows++;
            return null;
          }
          const field = KEY_FIELD[config.kind];
          fail(field, `same ${draft.key} as row ${earlier.row} but different values`);
        } else {
          if (seen.size < DUPLICATE_INDEX_LIMIT) seen.set(record.id, { row, fingerprint });
          counts.goodRows++;
          return record;
        }
      } else {
        for (const issue of parsed.error.issues) fail(fieldForPath(issue.path), issueReason(issue));
      }
    }
    counts.badRows++;
    for (const e of rowErrors) pushError(e);
    return null;
  }

  function rejectRow(row: number, reason: string): null {
    counts.rows++;
    counts.badRows++;
    pushError({ row, column: '', value: '', reason });
    return null;
  }

  return {
    kind: config.kind,
    addRow,
    rejectRow,
    counts: () => ({ ...counts }),
    summary: () => ({
      ...counts,
      footers: [...footers],
      mixedCurrencies: currencies.length > 1 ? currencies.map((c) => c.code) : [],
      errors: [...errors],
      errorCount,
      errorsTruncated: errorCount > errors.length,
    }),
  };
}

const MAX_FOOTERS = 20;
const CURRENCY_HEADERS = new Set(['currency', 'tien te', 'loai tien', 'don vi tien', 'ccy']);

/** A KPI file's own currency column ("Currency", "Deal - Currency"), when one is not mapped to anything. */
function findCurrencyColumn(headers: readonly string[], mapping: ColumnMapping): number | undefined {
  const used = new Set(Object.values(mapping));
  const index = headers.findIndex((h, i) => {
    const n = normalizeHeader(h);
    return !used.has(i) && (CURRENCY_HEADERS.has(n) || n.endsWith(' currency'));
  });
  return index === -1 ? undefined : index;
}

function rowCurrency(valueText: string, currencyText: string): string | undefined {
  const code = currencyText.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(code)) return code;
  return detectCurrency(valueText) ?? undefined;
}

const KEY_FIELD: Record<ImportKind, ImportField> = {
  'kpi-series': 'date',
  leads: 'externalId',
  'channel-spend': 'periodStart',
};

interface SchemaIssue {
  code: string;
  message: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  expected?: string;
}

/**
 * zod/mini ships no messages ("Invalid input") unless a locale is loaded app-wide, which is not this
 * module's call; so the issue codes are put in words here. Messages the schemas set themselves win.
 */
function issueReason(issue: SchemaIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `longer than ${issue.maximum}${unit}`
        : `above ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `shorter than ${issue.minimum}${unit}`
        : `below ${issue.minimum}`;
    case 'invalid_type':
      return `expected ${issue.expected ?? 'another kind of value'}`;
    case 'invalid_format':
      return 'wrong format';
    default:
      return 'invalid value';
  }
}

/** Schema paths use record names (time, dims.channel); the user knows the columns. */
function fieldForPath(path: readonly PropertyKey[]): ImportField {
  const head = String(path[0] ?? '');
  if (head === 'time') return 'date';
  if (head === 'dims') return String(path[1] ?? 'channel') as ImportField;
  return head as ImportField;
}

type Cell = (field: ImportField) => string;
type Fail = (field: ImportField, reason: string) => void;

function buildDraft(config: ImportConfig, cell: Cell, fail: Fail, now: number): Draft | null {
  switch (config.kind) {
    case 'kpi-series':
      return observationDraft(config, cell, fail, now);
    case 'leads':
      return leadDraft(config, cell, fail, now);
    case 'channel-spend':
      return spendDraft(config, cell, fail);
  }
}

function readNumber(config: ImportConfig, cell: Cell, fail: Fail, field: ImportField): number | undefined {
  const text = cell(field);
  if (text === '') return undefined;
  const n = parseNumber(text, config.numberFormat);
  if (!n.ok) {
    fail(field, n.reason);
    return undefined;
  }
  return n.value;
}

function readTime(config: ImportConfig, cell: Cell, fail: Fail, field: ImportField): number | undefined {
  const text = cell(field);
  if (text === '') return undefined;
  const wall = parseWallTime(text, config.dateFormat);
  if (!wall.ok) {
    fail(field, wall.reason);
    return undefined;
  }
  const utc = wallToUtc(wall.value, config.timeZone);
  if (utc < 0) {
    fail(field, 'dates before 1970 are not supported');
    return undefined;
  }
  return utc;
}

/** A currency column, a symbol in the amount ("₫"), or the configured default. */
function readCurrency(config: ImportConfig, cell: Cell, fail: Fail): string | undefined {
  const text = cell('currency');
  if (text !== '') {
    const upper = text.toUpperCase();
    if (/^[A-Z]{3}$/.test(upper)) return upper;
    const fromSymbol = detectCurrency(text);
    if (fromSymbol) return fromSymbol;
    fail('currency', 'not a currency code such as VND or USD');
    return undefined;
  }
  return detectCurrency(cell('amount')) ?? config.currency;
}

function observationDraft(config: ImportConfig, cell: Cell, fail: Fail, now: number): Draft | null {
  const time = readTime(config, cell, fail, 'date');
  const read = readNumber(config, cell, fail, 'value');
  const value = read === undefined ? undefined : scalePercent(read, cell('value'), config.percentScale);
  if (time === undefined || value === undefined) return null;
  // A value is logged once its day has come, as the quick log and data entry refuse a future day: a
  // row for the 15th imported on the 7th sat unseen and added itself to the total on the 15th.
  const tomorrow = startOfLocalDay(addDays(localDayKey(now, config.timeZone), 1), config.timeZone);
  if (time >= tomorrow) {
    fail('date', 'is after today: a value is imported once its day has come');
    return null;
  }
  const dims: DimensionValues = {};
  for (const d of DIMENSIONS) {
    const text = cell(d as Dimension);
    if (text !== '') dims[d] = text;
  }
  const metricId = config.metricId ?? '';
  const note = cell('note');
  return {
    key: 'date and dimensions',
    record: {
      id: `obs-${fnv1a64(`${metricId}\u001f${time}\u001f${dimKey(dims)}`)}`,
      metricId,
      time,
      value,
      dims,
      source: 'import',
      ...(note ? { note } : {}),
    },
  };
}

function leadDraft(config: ImportConfig, cell: Cell, fail: Fail, now: number): Draft | null {
  if (config.custom) return customLeadDraft(config, config.custom, cell, fail, now);
  const crm = config.crm!;
  const objectType = config.objectType!;
  const amount = readNumber(config, cell, fail, 'amount');
  const createdDate = readTime(config, cell, fail, 'createdDate');
  const wonDate = readTime(config, cell, fail, 'wonDate');
  const fallback = usesFallbackIdentity(config.kind, config.mapping);
  // Without an ID column the record is named by title + created time + organisation: the same row
  // imported again gets the same id. Its link goes to the CRM's home, as there is no record to name.
  const externalId = fallback
    ? `row-${fnv1a64(`${cell('name')}\u001f${createdDate ?? cell('createdDate')}\u001f${cell('company')}`)}`
    : normalizeExternalId(crm, cell('externalId'));
  const currency =
    amount === undefined && cell('currency') === '' ? undefined : readCurrency(config, cell, fail);
  const fullName = [cell('firstName'), cell('lastName')].filter((s) => s !== '').join(' ');
  const name = cell('name') || fullName || cell('email') || cell('company');
  const linked = cell('url');
  const recordUrl = crmRecordUrl(crm, objectType, externalId, config);
  const url = /^https?:\/\//i.test(linked) ? linked : fallback ? `${new URL(recordUrl).origin}/` : recordUrl;
  const stage = cell('stage');
  const optional = optionalLeadFields(cell, { stage, amount, currency, createdDate });
  return {
    key: fallback ? 'title, created time and organisation' : 'record ID',
    record: {
      id: `${crm}:${objectType}:${externalId}`,
      crm,
      objectType,
      externalId,
      url,
      name,
      ...optional,
      firstSeen: now,
      lastSeen: now,
      // The won time is when the deal reached its stage, which the month-by-month views count by.
      stageHistory:
        wonDate !== undefined ? [{ stage: stage || 'Won', at: wonDate }] : stage ? [{ stage, at: now }] : [],
      deletedAt: null,
    },
  };
}

/** A lead row's optional fields: the text columns that are filled, and the values read from others. */
function optionalLeadFields(
  cell: Cell,
  read: {
    stage: string;
    amount?: number;
    currency?: string;
    createdDate?: number;
    closeDate?: number;
  },
): Record<string, unknown> {
  const optional: Record<string, unknown> = {};
  for (const field of ['company', 'email', 'status', 'owner', 'channel', 'segment'] as const) {
    const v = cell(field);
    if (v !== '') optional[field] = v;
  }
  if (read.stage) optional.stage = read.stage;
  for (const key of ['amount', 'currency', 'createdDate', 'closeDate'] as const)
    if (read[key] !== undefined) optional[key] = read[key];
  return optional;
}

/**
 * A row of an "Other CRM" export: stored under the mapped origin's CrmId with the external id the
 * page reads for the same record, so a later page visit merges into it instead of adding a double.
 */
function customLeadDraft(
  config: ImportConfig,
  target: CustomRecordTarget,
  cell: Cell,
  fail: Fail,
  now: number,
): Draft | null {
  const crm = customTargetCrm(target);
  const objectType = config.objectType!;
  const rawId = cell('externalId');
  if (rawId === '' && !usesFallbackIdentity(config.kind, config.mapping)) {
    fail('externalId', 'empty: every record needs its ID');
    return null;
  }
  const money = readMoney(config, cell, fail);
  const createdDate = readTime(config, cell, fail, 'createdDate');
  const closeDate = readTime(config, cell, fail, 'wonDate');
  const { externalId, url } =
    rawId !== ''
      ? customRecord(target, rawId)
      : {
          externalId: `row-${fnv1a64(`${cell('name')}\u001f${createdDate ?? cell('createdDate')}\u001f${cell('company')}`)}`,
          url: `${target.origin}/`,
        };
  const fullName = [cell('firstName'), cell('lastName')].filter((s) => s !== '').join(' ');
  const name = cell('name') || fullName || cell('email') || cell('company') || rawId;
  const linked = cell('url');
  const stage = cell('stage');
  // The close date as the CRM shows it (expected for open deals, actual for closed ones): the same
  // field the picker reads from the page, so an imported row and a page-read one carry the same.
  const optional = optionalLeadFields(cell, {
    stage,
    amount: money?.amount,
    currency: money?.currency,
    createdDate,
    closeDate,
  });
  // A generic export's close date is the expected one for open deals: it dates the stage only when
  // the stage (or status) says the deal is won or lost.
  const closed = isClosedStage(stage) || isClosedStage(cell('status'));
  const at = closed && closeDate !== undefined ? closeDate : now;
  return {
    key: 'record ID',
    record: {
      id: `${crm}:${objectType}:${externalId}`,
      crm,
      objectType,
      externalId,
      url: /^https?:\/\//i.test(linked) ? linked : url,
      name,
      ...optional,
      firstSeen: now,
      lastSeen: now,
      stageHistory: stage ? [{ stage, at }] : [],
      deletedAt: null,
    },
  };
}

/**
 * An amount and its currency. Exports of smaller CRMs often write the shown value ("$52.6K",
 * "₫1,2 tỷ", "52.600 €") rather than a plain number: such a cell is read as the page reads it.
 */
function readMoney(
  config: ImportConfig,
  cell: Cell,
  fail: Fail,
): { amount?: number; currency?: string } | undefined {
  const text = cell('amount');
  let amount: number | undefined;
  let shown: string | null = null;
  if (text !== '') {
    const n = parseNumber(text, config.numberFormat);
    if (n.ok) amount = n.value;
    else {
      // As the CRM's page shows it, in its own locale: "₫1,2 tỷ" even in a file of 1,234.5 numbers.
      const parsed = parseAmount(text);
      if (!parsed) {
        fail('amount', n.reason);
        return undefined;
      }
      amount = parsed.amount;
      shown = parsed.currency;
    }
  }
  if (amount === undefined && cell('currency') === '') return {};
  const currency = cell('currency') === '' && shown ? shown : readCurrency(config, cell, fail);
  return { ...(amount !== undefined ? { amount } : {}), ...(currency ? { currency } : {}) };
}

function spendDraft(config: ImportConfig, cell: Cell, fail: Fail): Draft | null {
  const startWall = parseWallTime(cell('periodStart'), config.dateFormat);
  if (!startWall.ok) {
    fail('periodStart', startWall.reason);
    return null;
  }
  let endWall = startWall.value;
  const endText = cell('periodEnd');
  if (endText !== '') {
    const parsed = parseWallTime(endText, config.dateFormat);
    if (!parsed.ok) {
      fail('periodEnd', parsed.reason);
      return null;
    }
    // "1 Jan – 31 Jan" includes the 31st: a bare end date means the end of that day.
    endWall = parsed.value.hasTime
      ? parsed.value
      : { ...parsed.value, wallMs: addToWall(parsed.value.wallMs, 'day') };
  } else {
    endWall = {
      ...startWall.value,
      wallMs: addToWall(startWall.value.wallMs, config.spendPeriod ?? 'month'),
    };
  }
  const periodStart = wallToUtc(startWall.value, config.timeZone);
  const periodEnd = wallToUtc(endWall, config.timeZone);
  if (periodStart < 0) {
    fail('periodStart', 'dates before 1970 are not supported');
    return null;
  }
  const amount = readNumber(config, cell, fail, 'amount');
  const currency = readCurrency(config, cell, fail);
  if (amount === undefined) return null;
  if (currency === undefined) {
    if (cell('currency') === '') fail('currency', 'no currency: add a Currency column or choose one');
    return null;
  }
  const channel = cell('channel');
  const note = cell('note');
  return {
    key: 'channel and period',
    record: {
      id: `spend-${fnv1a64(`${channel}\u001f${periodStart}\u001f${periodEnd}`)}`,
      channel,
      periodStart,
      periodEnd,
      amount,
      currency,
      ...(note ? { note } : {}),
      deletedAt: null,
    },
  };
}
