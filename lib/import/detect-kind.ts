import {
  type BuiltinCrm,
  type ColumnMapping,
  IMPORT_PROFILES,
  type ImportField,
  type ImportKind,
  type ImportProfile,
  type LeadObjectType,
  normalizeHeader,
  REQUIRED_FIELDS,
  requiredFields,
  usesFallbackIdentity,
} from './column-aliases';
import {
  type DateFormat,
  type DateFormatGuess,
  detectCurrency,
  detectDateFormat,
  detectNumberFormat,
  type NumberFormat,
  type NumberFormatGuess,
  parseWallTime,
} from './formats';
import type { SpendPeriod } from './plan';

/**
 * Which kind of file this is (KPI series, a CRM export, channel spend) and which column holds what.
 * Header names decide first; when they say nothing (no header, unknown language) the values do.
 */

export interface ProfileScore {
  profileId: string;
  kind: ImportKind;
  crm?: BuiltinCrm;
  objectType?: LeadObjectType;
  confidence: number;
}

export interface ImportGuess extends ProfileScore {
  mapping: ColumnMapping;
  /** Per mapped field: 1 exact header, 0.8 header starting with an alias, 0.5 guessed from the values. */
  fieldConfidence: Partial<Record<ImportField, number>>;
  /** Required fields no column was found for: the user must pick them or the import cannot start. */
  missing: ImportField[];
  /** Other readings of the file, best first (the chosen one excluded). */
  alternatives: ProfileScore[];
  formats: FormatGuess;
}

export interface FormatGuess {
  dateFormat: DateFormatGuess | null;
  numberFormat: NumberFormatGuess | null;
  /** Currency named in the amount header ("Amount spent (VND)") or its values ("₫1.000"). */
  currency: string | null;
  /** channel-spend without an end column: the period length the start dates suggest. */
  spendPeriod: SpendPeriod | null;
}

export interface DetectOptions {
  preferredDateFormat?: 'dd/mm/yyyy' | 'mm/dd/yyyy';
  preferredNumberFormat?: NumberFormat;
}

interface Candidate {
  field: ImportField;
  column: number;
  score: number;
  rank: number;
}

/** Maps a profile's fields to columns, strongest header matches first, each column used once. */
export function mapColumns(
  profile: ImportProfile,
  headers: readonly string[],
): { mapping: ColumnMapping; fieldConfidence: Partial<Record<ImportField, number>> } {
  const normalized = headers.map(normalizeHeader);
  const candidates: Candidate[] = [];
  for (const [field, aliases] of Object.entries(profile.aliases) as [ImportField, readonly string[]][]) {
    aliases.forEach((alias, rank) => {
      normalized.forEach((h, column) => {
        if (h === alias) candidates.push({ field, column, score: 1, rank });
        else if (alias.length >= 3 && h.startsWith(`${alias} `))
          candidates.push({ field, column, score: 0.8, rank });
      });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.column - b.column);
  const mapping: ColumnMapping = {};
  const fieldConfidence: Partial<Record<ImportField, number>> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.column)) continue;
    mapping[c.field] = c.column;
    fieldConfidence[c.field] = c.score;
    used.add(c.column);
  }
  return { mapping, fieldConfidence };
}

function scoreProfile(profile: ImportProfile, headers: readonly string[], mapping: ColumnMapping): number {
  const present = new Set(headers.map(normalizeHeader));
  const required = REQUIRED_FIELDS[profile.kind];
  let requiredHit = required.filter((f) => mapping[f] !== undefined).length / required.length;
  // Without its ID column an export is still recognised by its identity columns, with less certainty.
  if (requiredHit < 1 && usesFallbackIdentity(profile.kind, mapping)) requiredHit = 0.75;
  const signatureHits = profile.signature.filter((s) => present.has(s)).length;
  // A few typical headers are enough to recognise an export; more only break ties (the tiny term).
  const score =
    0.6 * requiredHit + 0.4 * Math.min(1, signatureHits / profile.signatureNeeded) + signatureHits * 0.001;
  // Common headers alone (name, email, stage, amount) never make a file one CRM's export: without a
  // header only that CRM writes, and a few of its typical ones, the profile stays below the 0.5 a
  // reading needs to be chosen ("Deal ID, Title, Stage" is not a Pipedrive export).
  const telltale = !profile.telltale || profile.telltale.some((h) => present.has(h));
  if (profile.crm && (!telltale || signatureHits < profile.signatureNeeded))
    return Math.min(score, NO_TELLTALE);
  return Math.min(score, profile.maxConfidence ?? 1);
}

/** The most a CRM profile scores without its telltale headers: listed, never chosen. */
export const NO_TELLTALE = 0.3;

export function detectImport(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: DetectOptions = {},
): ImportGuess {
  const scored = IMPORT_PROFILES.map((profile) => {
    const { mapping, fieldConfidence } = mapColumns(profile, headers);
    return { profile, mapping, fieldConfidence, confidence: scoreProfile(profile, headers, mapping) };
  }).sort((a, b) => b.confidence - a.confidence);

  let best = scored[0]!;
  // No header spoke clearly: look for a date column and a number column and call it a KPI series.
  if (best.confidence < 0.5) {
    const kpi = scored.find((s) => s.profile.kind === 'kpi-series')!;
    best = { ...kpi, mapping: { ...kpi.mapping }, fieldConfidence: { ...kpi.fieldConfidence } };
    best.confidence = 0;
  }
  if (best.profile.kind === 'kpi-series')
    fillFromValues(best.mapping, best.fieldConfidence, headers.length, rows);
  if (best.profile.kind === 'kpi-series' && best.confidence === 0) {
    const ok = best.mapping.date !== undefined && best.mapping.value !== undefined;
    best.confidence = ok ? 0.5 : 0;
  }

  const missing = requiredFields(best.profile.kind, best.mapping).filter(
    (f) => best.mapping[f] === undefined,
  );
  const toScore = (s: (typeof scored)[number]): ProfileScore => ({
    profileId: s.profile.id,
    kind: s.profile.kind,
    ...(s.profile.crm ? { crm: s.profile.crm } : {}),
    ...(s.profile.objectType ? { objectType: s.profile.objectType } : {}),
    confidence: Math.min(1, round2(s.confidence)),
  });
  return {
    ...toScore(best),
    mapping: best.mapping,
    fieldConfidence: best.fieldConfidence,
    missing,
    alternatives: scored.filter((s) => s.profile.id !== best.profile.id).map(toScore),
    formats: guessFormats(best.profile.kind, best.mapping, headers, rows, options),
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function columnValues(rows: readonly (readonly string[])[], column: number | undefined): string[] {
  if (column === undefined) return [];
  return rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
}

/** A KPI series needs a date and a value: when headers did not name them, take the columns that read so. */
function fillFromValues(
  mapping: ColumnMapping,
  fieldConfidence: Partial<Record<ImportField, number>>,
  columnCount: number,
  rows: readonly (readonly string[])[],
): void {
  const used = new Set(Object.values(mapping));
  const fits = (column: number, test: (values: string[]) => boolean): boolean => {
    const values = columnValues(rows, column);
    return values.length > 0 && test(values);
  };
  if (mapping.date === undefined) {
    for (let c = 0; c < columnCount; c++) {
      if (used.has(c)) continue;
      if (fits(c, (v) => isMostly(detectDateFormat(v)))) {
        mapping.date = c;
        fieldConfidence.date = 0.5;
        used.add(c);
        break;
      }
    }
  }
  if (mapping.value === undefined) {
    for (let c = 0; c < columnCount; c++) {
      if (used.has(c)) continue;
      if (fits(c, (v) => isMostly(detectNumberFormat(v)))) {
        mapping.value = c;
        fieldConfidence.value = 0.5;
        used.add(c);
        break;
      }
    }
  }
}

function isMostly(guess: { matched: number; total: number }): boolean {
  return guess.total > 0 && guess.matched / guess.total >= 0.8;
}

const DATE_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  'kpi-series': ['date'],
  leads: ['createdDate', 'wonDate'],
  'channel-spend': ['periodStart', 'periodEnd'],
};
const NUMBER_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  'kpi-series': ['value'],
  leads: ['amount'],
  'channel-spend': ['amount'],
};

/** Formats read from the mapped columns' sample values; call again after the user changes the mapping. */
export function guessFormats(
  kind: ImportKind,
  mapping: ColumnMapping,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: DetectOptions = {},
): FormatGuess {
  const dates = DATE_FIELDS[kind].flatMap((f) => columnValues(rows, mapping[f]));
  const numbers = NUMBER_FIELDS[kind].flatMap((f) => columnValues(rows, mapping[f]));
  let currency: string | null = null;
  const amountColumn = kind === 'kpi-series' ? undefined : mapping.amount;
  if (amountColumn !== undefined) {
    currency =
      detectCurrency(headers[amountColumn] ?? '') ?? numbers.map(detectCurrency).find((c) => c) ?? null;
  }
  const dateFormat = dates.length > 0 ? detectDateFormat(dates, options.preferredDateFormat) : null;
  const spendPeriod =
    kind === 'channel-spend' && mapping.periodEnd === undefined && dateFormat?.format
      ? guessSpendPeriod(columnValues(rows, mapping.periodStart), dateFormat.format)
      : null;
  return {
    dateFormat,
    numberFormat: numbers.length > 0 ? detectNumberFormat(numbers, options.preferredNumberFormat) : null,
    currency,
    spendPeriod,
  };
}

/** Every start on the 1st → months; all seven days apart per channel → weeks; otherwise days. */
export function guessSpendPeriod(starts: readonly string[], format: DateFormat): SpendPeriod {
  const walls: number[] = [];
  for (const s of starts) {
    const w = parseWallTime(s, format);
    if (w.ok) walls.push(w.value.wallMs);
  }
  if (walls.length === 0) return 'month';
  if (walls.every((w) => new Date(w).getUTCDate() === 1)) return 'month';
  const distinct = [...new Set(walls)].sort((a, b) => a - b);
  const WEEK = 7 * 86_400_000;
  const weekly =
    distinct.length > 1 && distinct.every((w, i) => i === 0 || (w - distinct[i - 1]!) % WEEK === 0);
  return weekly ? 'week' : 'day';
}
