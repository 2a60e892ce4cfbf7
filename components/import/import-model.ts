import { computed, signal } from '@preact/signals';
import { browser } from '#imports';
import { type AtomicImportResult, IMPORT_CHUNK_BYTES, importIntoDb } from '../../lib/app/import-sinks';
import type { CrmMapping } from '../../lib/crm/mapping';
import { streamCsvRows } from '../../lib/import/csv-rows';
import type { ImportGuess } from '../../lib/import/detect-kind';
import { detectImport } from '../../lib/import/detect-kind';
import {
  addIncoming,
  compareWithStored,
  emptyIncoming,
  type IncomingValues,
  type OverlapChoice,
  type OverlapReport,
  storedRangeFor,
} from '../../lib/import/overlap';
import { type ValidationSummary, validateCsv } from '../../lib/import/run-import';
import { DEFAULT_SAMPLE_BYTES, type Delimiter, isBlankRow, sniffCsv } from '../../lib/import/sniff';
import { MAPPINGS_KEY, parseMappings } from '../../lib/overlay/stored';
import type { Metric, Observation } from '../../lib/schema';
import { onChange } from '../../lib/storage/changes';
import { readObservations } from '../../lib/storage/observations';
import { repository } from '../../lib/storage/repository';
import { yourValues } from '../../lib/team/whose-values';
import { getDb, settings } from '../app/session';
import {
  csvOptions,
  cutSample,
  type Draft,
  draftForProfile,
  draftFromGuess,
  draftImportMetric,
  type Layout,
  type LeadKey,
  layoutFromSniff,
  NEW_METRIC,
  percentScaleFor,
  withCustomTarget,
  withDefaultTarget,
  withFormats,
} from './import-draft';

/**
 * The import page's state: the chosen file, how it is read (layout + draft), and where the import
 * stands. One flow: choose → configure → validating → report → importing → saving → done.
 */
export type Phase = 'choose' | 'configure' | 'validating' | 'report' | 'importing' | 'saving' | 'done';

export const phase = signal<Phase>('choose');
export const file = signal<File | null>(null);
/** 'binary' | 'empty' when the chosen file cannot be read as CSV. */
export const fileProblem = signal<'binary' | 'empty' | null>(null);
export const warnings = signal<string[]>([]);
export const layout = signal<Layout | null>(null);
export const draft = signal<Draft | null>(null);
export const metrics = signal<Metric[]>([]);
export const progress = signal({ fraction: 0, rows: 0 });
export const validation = signal<ValidationSummary | null>(null);
export const outcome = signal<AtomicImportResult | null>(null);
/** The KPI the last import wrote into, as it was then: the summary names it even before `metrics` reloads. */
export const importedInto = signal<Metric[]>([]);
/** A KPI file compared with the values its KPI already holds (lib/import/overlap.ts); null for others. */
export const overlap = signal<OverlapReport | null>(null);
/** What to do on days that already hold values; null until the user chooses (when there are any). */
export const overlapChoice = signal<OverlapChoice | null>(null);
/** The file had too many values to compare (OVERLAP_VALUE_LIMIT): the report says so. */
export const overlapUnchecked = signal(false);
export const failure = signal<string | null>(null);
/** The user's mappings of CRMs without an adapter: "Other CRM" exports are tied to one of them. */
export const customMappings = signal<CrmMapping[]>([]);
/** Identities of the leads Pacer read on those CRMs' pages, to infer record templates and count matches. */
export const customLeads = signal<LeadKey[]>([]);
/** Every reading's detection score for the chosen file, by profile id. */
export const scores = signal<{ detected: string; byProfile: Record<string, number> } | null>(null);
export const busy = computed(() => ['validating', 'importing', 'saving'].includes(phase.value));
/** The existing KPI the file goes to (none for a new KPI or another kind of file). */
export const targetMetric = computed(() => metrics.value.find((m) => m.id === draft.value?.metricId));
/** A percentage KPI: how cells without a % sign are read (import-draft.ts, percentScaleFor). */
export const percentScale = computed(() => {
  const d = draft.value;
  const l = layout.value;
  return d && l ? percentScaleFor(d, l, targetMetric.value) : undefined;
});

let controller: AbortController | null = null;
/** The id a new metric will get, made once per file so validation and import agree. */
let newMetricId = '';

const locale = () => settings.value.locale;

/** A new file, a new check or a fresh start: no comparison with the KPI's values, no choice made. */
function resetOverlap(): void {
  overlap.value = null;
  overlapChoice.value = null;
  overlapUnchecked.value = false;
}
const keep = (): Pick<Draft, 'metricId' | 'newMetricName' | 'currency'> => ({
  metricId: draft.value?.metricId ?? '',
  newMetricName: draft.value?.newMetricName ?? '',
  currency: settings.value.currency,
});

export async function loadMetrics(): Promise<void> {
  const list = await repository(await getDb(), 'metrics').list();
  metrics.value = list.filter((m) => !m.archived).sort((a, b) => a.name.localeCompare(b.name));
}

export async function loadCustomTargets(): Promise<void> {
  const raw = await browser.storage.local.get(MAPPINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  customMappings.value = parseMappings(raw[MAPPINGS_KEY]);
  const leads = await repository(await getDb(), 'leads').list();
  customLeads.value = leads
    .filter((l) => l.crm.startsWith('custom:') && !l.example)
    .map(({ id, crm, objectType, externalId }) => ({ id, crm, objectType, externalId }));
}

export function startImportModel(): void {
  void loadMetrics();
  void loadCustomTargets();
  onChange((e) => {
    if (e.stores.includes('metrics')) void loadMetrics();
    if (e.stores.includes('leads')) void loadCustomTargets();
  });
}

/** Ties the import to the mapped CRM at `origin`, or to a built-in CRM. */
export function setCrmTarget(value: string): void {
  const d = draft.value;
  if (!d) return;
  const mapping = customMappings.value.find((m) => `custom:${m.origin}` === value);
  if (mapping) {
    draft.value = withCustomTarget(d, mapping, customLeads.value);
    return;
  }
  const next = { ...d, crm: value as Draft['crm'] };
  delete next.customOrigin;
  delete next.recordTemplate;
  delete next.templateSource;
  draft.value = next;
}

function keepScores(guess: ImportGuess): void {
  const byProfile: Record<string, number> = { [guess.profileId]: guess.confidence };
  for (const alt of guess.alternatives) byProfile[alt.profileId] = alt.confidence;
  scores.value = { detected: guess.profileId, byProfile };
}

export async function chooseFile(chosen: File | undefined): Promise<void> {
  if (busy.value || !chosen) return;
  file.value = chosen;
  fileProblem.value = null;
  validation.value = null;
  resetOverlap();
  outcome.value = null;
  failure.value = null;
  const sniff = await sniffCsv(chosen);
  if (!sniff.ok) {
    fileProblem.value = sniff.reason;
    layout.value = null;
    phase.value = 'choose';
    return;
  }
  newMetricId = '';
  warnings.value = sniff.warnings;
  const l = layoutFromSniff(sniff);
  layout.value = l;
  redetect(l);
  phase.value = 'configure';
}

function redetect(l: Layout): void {
  const guess = detectImport(l.headers, l.rows, {});
  keepScores(guess);
  draft.value = withDefaultTarget(
    draftFromGuess(guess, l, keep(), locale()),
    customMappings.value,
    customLeads.value,
  );
}

/** Re-reads the start of the file with another separator (the sniffed one can be wrong). */
export async function setDelimiter(delimiter: Delimiter): Promise<void> {
  const f = file.value;
  const l = layout.value;
  if (!f || !l) return;
  const read: string[][] = [];
  const truncated = f.size > DEFAULT_SAMPLE_BYTES;
  await streamCsvRows(f.slice(0, DEFAULT_SAMPLE_BYTES), { ...l, delimiter }, ({ rows }) => {
    read.push(...rows);
  });
  if (truncated) read.pop();
  // Blank rows are left out, as the sniff leaves them, each row keeping its number in the file.
  const sample: string[][] = [];
  const numbers: number[] = [];
  read.forEach((row, i) => {
    if (isBlankRow(row) || sample.length >= 21) return;
    sample.push(row);
    numbers.push(i + 1);
  });
  const next = { ...l, delimiter, ...cutSample(sample, l.hasHeader, numbers) };
  layout.value = next;
  redetect(next);
}

export function setHasHeader(hasHeader: boolean): void {
  const l = layout.value;
  if (!l) return;
  const next = { ...l, ...cutSample(l.sample, hasHeader, l.sampleRowNumbers) };
  layout.value = next;
  redetect(next);
}

export function setProfile(profileId: string): void {
  if (draft.value && layout.value)
    draft.value = withDefaultTarget(
      draftForProfile(profileId, draft.value, layout.value, locale()),
      customMappings.value,
      customLeads.value,
    );
}

export function updateDraft(patch: Partial<Draft>, refreshFormats = false): void {
  const d = draft.value;
  if (!d) return;
  const next = { ...d, ...patch };
  draft.value = refreshFormats && layout.value ? withFormats(next, layout.value, locale()) : next;
}

function targetMetricId(d: Draft): string {
  if (d.metricId !== NEW_METRIC) return d.metricId;
  newMetricId ||= `metric-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return newMetricId;
}

function optionsFor(d: Draft, l: Layout) {
  const options = csvOptions(d, l, settings.value.timeZone, targetMetricId(d));
  // Into a KPI that sums its values (a new one does), one row per order: rows on a day add up.
  const sums = d.metricId === NEW_METRIC || targetMetric.value?.aggregation === 'sum';
  const scale = percentScale.value;
  return {
    ...options,
    ...(d.kind === 'kpi-series' && sums ? { rowsAddUp: true } : {}),
    ...(scale ? { percentScale: scale } : {}),
  };
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function validate(): Promise<void> {
  const f = file.value;
  const d = draft.value;
  const l = layout.value;
  if (!f || !d || !l || busy.value) return;
  controller = new AbortController();
  progress.value = { fraction: 0, rows: 0 };
  phase.value = 'validating';
  failure.value = null;
  resetOverlap();
  // A file for an existing KPI is compared with what that KPI holds (a new KPI holds nothing).
  const incoming = d.kind === 'kpi-series' && d.metricId !== NEW_METRIC ? emptyIncoming() : null;
  try {
    validation.value = await validateCsv(
      f,
      {
        ...optionsFor(d, l),
        chunkSize: IMPORT_CHUNK_BYTES,
        signal: controller.signal,
        onProgress: (fraction, rows) => {
          progress.value = { fraction, rows };
        },
      },
      incoming ? (record) => addIncoming(incoming, record as Observation) : undefined,
    );
    if (incoming) {
      overlapUnchecked.value = incoming.tooMany;
      overlap.value = await compareWithKpi(d.metricId, incoming);
    }
    phase.value = 'report';
  } catch (e) {
    // A cancel returns to the choices; any other error is shown there too.
    if (!controller.signal.aborted) failure.value = reason(e);
    phase.value = 'configure';
  }
}

async function compareWithKpi(metricId: string, incoming: IncomingValues): Promise<OverlapReport | null> {
  const range = storedRangeFor(incoming);
  if (!range) return null;
  // An import meets your values only: a teammate's number for a day is neither a repeat nor replaced.
  const stored = yourValues(await readObservations(await getDb(), metricId, range));
  return compareWithStored(incoming, stored, settings.value.timeZone);
}

export async function runImport(skipBadRows: boolean): Promise<void> {
  const f = file.value;
  const d = draft.value;
  const l = layout.value;
  const checked = validation.value;
  if (!f || !d || !l || !checked || busy.value) return;
  controller = new AbortController();
  progress.value = { fraction: 0, rows: 0 };
  phase.value = 'importing';
  failure.value = null;
  const db = await getDb();
  const metricId = d.kind === 'kpi-series' ? targetMetricId(d) : '';
  const created =
    d.kind === 'kpi-series' && d.metricId === NEW_METRIC
      ? draftImportMetric(d.newMetricName, d.mapping, Date.now(), metricId)
      : null;
  try {
    // The new metric is written first and removed again unless the import lands: a metric without data
    // is visible and harmless, data without a metric would be invisible.
    if (created) await repository(db, 'metrics').put(created);
    const result = await importIntoDb(db, f, {
      ...optionsFor(d, l),
      skipBadRows,
      ...(skipBadRows ? {} : { validated: checked }),
      signal: controller.signal,
      onProgress: (fraction, rows) => {
        progress.value = { fraction, rows };
      },
      onCommitting: () => {
        phase.value = 'saving';
      },
      ...(overlap.value && overlapChoice.value
        ? {
            overlap: {
              choice: overlapChoice.value,
              report: overlap.value,
              timeZone: settings.value.timeZone,
            },
          }
        : {}),
    });
    if (created && result.status !== 'imported') await repository(db, 'metrics').purge([created.id]);
    if (created && result.status === 'imported') {
      // Later imports of this file go to the metric just made.
      draft.value = { ...d, metricId: created.id, newMetricName: '' };
      newMetricId = '';
    }
    const into = created ?? targetMetric.value;
    importedInto.value = into ? [into] : [];
    outcome.value = result;
    phase.value = result.status === 'refused' ? 'report' : 'done';
    if (result.status === 'refused') validation.value = result.summary;
  } catch (e) {
    if (created)
      await repository(db, 'metrics')
        .purge([created.id])
        .catch(() => {});
    failure.value = reason(e);
    phase.value = 'report';
  }
}

export function cancel(): void {
  if (phase.value === 'saving') return;
  if (busy.value) controller?.abort();
  else if (phase.value === 'report' || phase.value === 'configure') startOver();
}

/** Back to choosing a file; the metric choice stays for the next file. */
export function startOver(): void {
  if (busy.value) return;
  phase.value = 'choose';
  file.value = null;
  layout.value = null;
  validation.value = null;
  outcome.value = null;
  resetOverlap();
  failure.value = null;
  fileProblem.value = null;
}
