import type { CrmMapping } from '../../lib/crm/mapping';
import {
  type BuiltinCrm,
  type ColumnMapping,
  FIELDS_BY_KIND,
  type ImportField,
  type ImportKind,
  type LeadObjectType,
  profileById,
  requiredFields,
} from '../../lib/import/column-aliases';
import { inferTemplate, templateFromMapping } from '../../lib/import/custom-records';
import { type DetectOptions, guessFormats, type ImportGuess, mapColumns } from '../../lib/import/detect-kind';
import type { DateFormat, NumberFormat } from '../../lib/import/formats';
import { guessPercentScale, type PercentScale } from '../../lib/import/percent-scale';
import { buildImportPlan, type ImportRecord, type RowError, type SpendPeriod } from '../../lib/import/plan';
import type { CsvImportOptions } from '../../lib/import/run-import';
import type { Delimiter, Newline, SniffOk, TextEncodingName } from '../../lib/import/sniff';
import { DIMENSIONS, type Locale, Metric } from '../../lib/schema';
import { parseOrThrow } from '../../lib/storage/records';

/**
 * The import page's editable choices (what the file holds, which column is which, formats, target) and
 * the pure steps between them and `importCsv`'s options. No Preact here, so it can be reasoned about
 * on its own; import-model.ts holds the signals.
 */

/** How the file is cut into rows and columns: sniffed, then changeable by the user. */
export interface Layout {
  delimiter: Delimiter;
  newline: Newline;
  encoding: TextEncodingName;
  hasHeader: boolean;
  headers: string[];
  /** Up to 20 data rows from the start of the file. */
  rows: string[][];
  /** The file's row number of each of `rows` (blank rows are left out of the sample but counted). */
  rowNumbers: number[];
  /** Every sampled row, header row included: toggling "has header" re-cuts this. */
  sample: string[][];
  /** The file's row number of each row of `sample`. */
  sampleRowNumbers: number[];
}

export const NEW_METRIC = '__new__';

export interface Draft {
  profileId: string;
  kind: ImportKind;
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  numberFormat: NumberFormat;
  dateAmbiguous: boolean;
  numberAmbiguous: boolean;
  /** The user ticked "I checked the formats" (only asked when a format is ambiguous). */
  formatsConfirmed: boolean;
  crm?: BuiltinCrm;
  /** "Other CRM": the origin of one of the user's mappings, used instead of `crm`. */
  customOrigin?: string;
  /** "Other CRM": the record address with {id} (see lib/import/custom-records.ts). */
  recordTemplate?: string;
  /** Where the template came from: leads already read, the mapping alone, or the user. */
  templateSource?: 'leads' | 'mapping' | 'user';
  objectType?: LeadObjectType;
  currency: string;
  spendPeriod: SpendPeriod;
  /** An existing metric's id, NEW_METRIC, or '' (not chosen). */
  metricId: string;
  newMetricName: string;
  /** A percentage KPI: how cells without a % sign are written, when the user chose (else guessed). */
  percentScale?: PercentScale;
}

export function layoutFromSniff(sniff: SniffOk): Layout {
  const sample = sniff.hasHeader ? [sniff.headers, ...sniff.rows] : sniff.rows;
  return {
    ...cutSample(sample, sniff.hasHeader, sniff.rowNumbers),
    delimiter: sniff.delimiter,
    newline: sniff.newline,
    encoding: sniff.encoding,
  };
}

/**
 * Header and data rows of a sample. `sampleRowNumbers` are the file's row numbers of the sample's
 * rows (sniff.ts leaves blank rows out); without them, the sample is taken to hold every row.
 */
export function cutSample(
  sample: string[][],
  hasHeader: boolean,
  sampleRowNumbers?: readonly number[],
): Pick<Layout, 'hasHeader' | 'headers' | 'rows' | 'rowNumbers' | 'sample' | 'sampleRowNumbers'> {
  const columns = Math.max(0, ...sample.map((r) => r.length));
  const first = sample[0] ?? [];
  const headers = Array.from({ length: columns }, (_, i) =>
    hasHeader ? (first[i] ?? '').trim() || `Column ${i + 1}` : `Column ${i + 1}`,
  );
  const numbers = sample.map((_, i) => sampleRowNumbers?.[i] ?? i + 1);
  const skip = hasHeader ? 1 : 0;
  return {
    hasHeader,
    headers,
    rows: sample.slice(skip, skip + 20),
    rowNumbers: numbers.slice(skip, skip + 20),
    sample,
    sampleRowNumbers: numbers,
  };
}

/** The user's locale decides only what the file cannot: dd/mm vs mm/dd, 1.234,5 vs 1,234.5. */
export function detectPreferences(locale: Locale): DetectOptions {
  return locale === 'vi'
    ? { preferredDateFormat: 'dd/mm/yyyy', preferredNumberFormat: '1.234,5' }
    : { preferredDateFormat: 'mm/dd/yyyy', preferredNumberFormat: '1,234.5' };
}

type Keep = Pick<Draft, 'metricId' | 'newMetricName' | 'currency'>;

export function draftFromGuess(guess: ImportGuess, layout: Layout, keep: Keep, locale: Locale): Draft {
  const base: Draft = {
    ...keep,
    profileId: guess.profileId,
    kind: guess.kind,
    mapping: guess.mapping,
    ...(guess.crm ? { crm: guess.crm } : {}),
    ...(guess.objectType ? { objectType: guess.objectType } : {}),
    dateFormat: 'yyyy-mm-dd',
    numberFormat: detectPreferences(locale).preferredNumberFormat ?? '1,234.5',
    dateAmbiguous: false,
    numberAmbiguous: false,
    formatsConfirmed: false,
    spendPeriod: 'month',
  };
  return withFormats(base, layout, locale);
}

/** Re-reads date/number formats, currency and period from the mapped sample columns. */
export function withFormats(draft: Draft, layout: Layout, locale: Locale): Draft {
  const f = guessFormats(draft.kind, draft.mapping, layout.headers, layout.rows, detectPreferences(locale));
  return {
    ...draft,
    dateFormat: f.dateFormat?.format ?? draft.dateFormat,
    numberFormat: f.numberFormat?.format ?? draft.numberFormat,
    dateAmbiguous: f.dateFormat?.ambiguous ?? false,
    numberAmbiguous: f.numberFormat?.ambiguous ?? false,
    formatsConfirmed: false,
    currency: f.currency ?? draft.currency,
    spendPeriod: f.spendPeriod ?? draft.spendPeriod,
  };
}

/** The user picked another reading of the file ("HubSpot deals" rather than "KPI series"). */
export function draftForProfile(profileId: string, draft: Draft, layout: Layout, locale: Locale): Draft {
  const profile = profileById(profileId);
  if (!profile) return draft;
  const { mapping } = mapColumns(profile, layout.headers);
  const next: Draft = { ...draft, profileId, kind: profile.kind, mapping };
  delete next.crm;
  delete next.objectType;
  delete next.customOrigin;
  delete next.recordTemplate;
  delete next.templateSource;
  if (profile.crm) next.crm = profile.crm;
  if (profile.objectType) next.objectType = profile.objectType;
  return withFormats(next, layout, locale);
}

/** Maps `field` to `column` (or unmaps it); a column holds one field, so another field using it lets go. */
export function remap(mapping: ColumnMapping, field: ImportField, column: number | undefined): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [f, c] of Object.entries(mapping) as [ImportField, number][]) {
    if (f !== field && c !== column) next[f] = c;
  }
  if (column !== undefined) next[field] = column;
  return next;
}

export const missingFields = (d: Draft): ImportField[] =>
  requiredFields(d.kind, d.mapping).filter((f) => d.mapping[f] === undefined);

export const fieldsOf = (kind: ImportKind): readonly ImportField[] => FIELDS_BY_KIND[kind];

export function needsConfirmation(d: Draft): boolean {
  return (d.dateAmbiguous || d.numberAmbiguous) && !d.formatsConfirmed;
}

/** Options for validateCsv/importCsv. `metricId` is the real id (a new metric's id is made beforehand). */
export function csvOptions(d: Draft, layout: Layout, timeZone: string, metricId: string): CsvImportOptions {
  return {
    delimiter: layout.delimiter,
    newline: layout.newline,
    encoding: layout.encoding,
    hasHeader: layout.hasHeader,
    headers: layout.headers,
    kind: d.kind,
    mapping: d.mapping,
    dateFormat: d.dateFormat,
    numberFormat: d.numberFormat,
    timeZone,
    ...(d.kind === 'kpi-series' ? { metricId } : {}),
    ...(d.customOrigin
      ? { custom: { origin: d.customOrigin, template: d.recordTemplate ?? '' } }
      : d.crm
        ? { crm: d.crm }
        : {}),
    ...(d.objectType ? { objectType: d.objectType } : {}),
    ...(/^[A-Z]{3}$/.test(d.currency) ? { currency: d.currency } : {}),
    spendPeriod: d.spendPeriod,
  };
}

/** A stored lead's identity, enough to infer record templates and count matching rows. */
export type LeadKey = { id: string; crm: string; objectType: string; externalId: string };

/**
 * Ties a leads import to one of the user's mapped CRMs: its object type, and a record template
 * taken from the leads already read there, or else guessed from the mapping.
 */
export function withCustomTarget(d: Draft, mapping: CrmMapping, leads: readonly LeadKey[]): Draft {
  const next: Draft = { ...d, customOrigin: mapping.origin };
  delete next.crm;
  const objectType = d.customOrigin === mapping.origin && d.objectType ? d.objectType : mapping.objectType;
  next.objectType = objectType;
  const inferred = inferTemplate(mapping.origin, leads, objectType);
  next.recordTemplate = inferred ?? templateFromMapping(mapping);
  next.templateSource = inferred ? 'leads' : 'mapping';
  // Amounts without a currency are in the CRM account's, when its mapping names one.
  if (mapping.defaultCurrency) next.currency = mapping.defaultCurrency;
  return next;
}

/**
 * A leads reading with no CRM of its own ("Other CRM") starts on the first mapping, preferring
 * one of the same object type; without any mapping it stays untied and the import says why.
 */
export function withDefaultTarget(
  d: Draft,
  mappings: readonly CrmMapping[],
  leads: readonly LeadKey[],
): Draft {
  if (d.kind !== 'leads' || d.crm || d.customOrigin) return d;
  const mapping =
    (d.objectType ? mappings.find((m) => m.objectType === d.objectType) : undefined) ?? mappings[0];
  return mapping ? withCustomTarget(d, mapping, leads) : d;
}

export interface PreviewRow {
  row: number;
  cells: string[];
  record: ImportRecord | null;
  errors: RowError[];
  /** What the import does with the row. */
  status: 'ok' | 'bad' | 'repeated' | 'footer' | 'blank';
}

/**
 * How a percentage KPI's cells without a % sign are read: the user's choice, else the sample's
 * reading (lib/import/percent-scale.ts); undefined for any other KPI.
 */
export function percentScaleFor(
  d: Draft,
  layout: Layout,
  metric: Metric | undefined,
): PercentScale | undefined {
  if (d.kind !== 'kpi-series' || metric?.unit.kind !== 'percent') return undefined;
  if (d.percentScale) return d.percentScale;
  const column = d.mapping.value;
  return guessPercentScale(
    column === undefined ? [] : layout.rows.map((r) => r[column] ?? ''),
    d.numberFormat,
  );
}

/** The sample rows read with the current choices: what the import would make of each. */
export function previewRows(
  d: Draft,
  layout: Layout,
  timeZone: string,
  percentScale?: PercentScale,
): PreviewRow[] | null {
  if (missingFields(d).length > 0) return null;
  let plan: ReturnType<typeof buildImportPlan>;
  try {
    plan = buildImportPlan({
      ...csvOptions(d, layout, timeZone, 'preview'),
      ...(percentScale ? { percentScale } : {}),
      headers: layout.headers,
      ...(d.customOrigin ? {} : { crm: d.crm ?? 'hubspot' }),
      objectType: d.objectType ?? 'contact',
      maxErrors: 1_000_000,
    });
  } catch {
    return null;
  }
  // The file's row numbers, as the check report gives them (a blank line is a row there too).
  const offset = layout.hasHeader ? 2 : 1;
  return layout.rows.map((cells, i) => {
    const row = layout.rowNumbers?.[i] ?? i + offset;
    const before = plan.summary();
    const record = plan.addRow(cells, row);
    const after = plan.summary();
    const errors = after.errors.slice(before.errorCount);
    const status: PreviewRow['status'] = record
      ? 'ok'
      : after.badRows > before.badRows
        ? 'bad'
        : after.duplicateRows > before.duplicateRows
          ? 'repeated'
          : after.footerRows > before.footerRows
            ? 'footer'
            : 'blank';
    return { row, cells, record, errors, status };
  });
}

/** A new metric for a KPI series the user names while importing; dimensions follow the mapped columns. */
export function draftImportMetric(name: string, mapping: ColumnMapping, now: number, id?: string): Metric {
  return parseOrThrow(
    Metric,
    {
      id: id ?? `metric-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      name,
      unit: { kind: 'count' },
      direction: 'up',
      aggregation: 'sum',
      dimensions: DIMENSIONS.filter((d) => mapping[d] !== undefined),
      source: 'import',
      archived: false,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    },
    'metric',
  );
}
