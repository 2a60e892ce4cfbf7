import type { ChannelSpend, Lead, Observation } from '../schema';
import { abortError, type CsvStreamOptions, streamCsvRows } from './csv-rows';
import {
  buildImportPlan,
  type ImportConfig,
  type ImportPlan,
  type ImportRecord,
  type PlanSummary,
} from './plan';

/**
 * The two passes of an atomic import.
 *
 * 1. `validateCsv` reads the whole file and returns counts, row errors and a preview, keeping no
 *    records, so the user can fix the file, skip the bad rows or cancel before anything is written.
 * 2. `importCsv` reads it again and hands validated records to `sink` in batches. The storage layer
 *    stages batches and commits only when `importCsv` resolves with status 'imported'; on a throw
 *    (cancel, read error) or 'refused' it discards what it staged. Record ids are stable, so importing
 *    the same file twice writes the same records again and adds nothing.
 */

export interface CsvImportOptions extends Omit<ImportConfig, 'headers'>, CsvStreamOptions {
  /** Row 1 holds column names (from `sniffCsv`). */
  hasHeader: boolean;
  /** Column names to report errors with when the file has no header row. */
  headers?: readonly string[];
  /** Called after every chunk with the share read (0–1, never decreasing) and data rows processed. */
  onProgress?: (fraction: number, rowsDone: number) => void;
}

export interface ValidationSummary extends PlanSummary {
  headers: string[];
  /** The first `PREVIEW_RECORDS` valid records, to show the user what will be imported. */
  preview: ImportRecord[];
}

export type ImportBatch =
  | { kind: 'kpi-series'; records: Observation[] }
  | { kind: 'leads'; records: Lead[] }
  | { kind: 'channel-spend'; records: ChannelSpend[] };

export interface ImportCsvOptions extends CsvImportOptions {
  /** Receives validated records; awaited before reading on, so a slow store slows the reading. */
  sink: (batch: ImportBatch) => Promise<void>;
  /** False: any bad row refuses the whole import, before `sink` is ever called. */
  skipBadRows: boolean;
  /** Records per `sink` call. Default 5000. */
  chunkRows?: number;
  /**
   * The result of `validateCsv` on this file with these options. With `skipBadRows: false` it spares
   * a second validation pass; without it, `importCsv` validates first.
   */
  validated?: ValidationSummary;
}

export type ImportResult =
  | { status: 'imported'; imported: number; summary: ValidationSummary }
  | { status: 'refused'; summary: ValidationSummary };

export const PREVIEW_RECORDS = 20;

interface PassHooks {
  onRecord: (record: ImportRecord) => void | Promise<void>;
  /** Stop reading at the first bad row (bad rows are not allowed, yet one turned up). */
  stopOnBadRow?: boolean;
  progress?: (fraction: number, rowsDone: number) => void;
}

class StopReading extends Error {}

/** One read of the file through a fresh plan; the plan is deterministic, so both passes agree. */
async function runPass(
  input: Blob | string,
  options: CsvImportOptions,
  hooks: PassHooks,
): Promise<{ summary: PlanSummary; headers: string[] }> {
  let plan: ImportPlan | null = null;
  let headers: string[] = options.headers ? [...options.headers] : [];
  let lastFraction = 0;
  const makePlan = (): ImportPlan => buildImportPlan({ ...options, headers });
  if (!options.hasHeader) plan = makePlan();

  try {
    await streamCsvRows(input, options, async ({ rows, firstRow, parseErrors, fraction }) => {
      for (let i = 0; i < rows.length; i++) {
        const row = firstRow + i;
        const cells = rows[i]!;
        if (!plan) {
          headers = cells.map((h, c) => h.trim() || `Column ${c + 1}`);
          plan = makePlan();
          continue;
        }
        const parseError = parseErrors.get(row);
        const record = parseError ? plan.rejectRow(row, parseError) : plan.addRow(cells, row);
        if (record) await hooks.onRecord(record);
        else if (hooks.stopOnBadRow && plan.counts().badRows > 0) throw new StopReading();
      }
      lastFraction = Math.max(lastFraction, fraction);
      hooks.progress?.(lastFraction, plan?.counts().rows ?? 0);
    });
  } catch (e) {
    if (!(e instanceof StopReading)) throw e;
  }
  const finalPlan = plan ?? makePlan();
  return { summary: finalPlan.summary(), headers };
}

/** `inspect` sees every valid record (e.g. to compare a KPI file with the values already stored). */
export async function validateCsv(
  input: Blob | string,
  options: CsvImportOptions,
  inspect?: (record: ImportRecord) => void,
): Promise<ValidationSummary> {
  const preview: ImportRecord[] = [];
  const { summary, headers } = await runPass(input, options, {
    onRecord: (record) => {
      if (preview.length < PREVIEW_RECORDS) preview.push(record);
      inspect?.(record);
    },
    progress: options.onProgress,
  });
  options.onProgress?.(1, summary.rows);
  return { ...summary, headers, preview };
}

export async function importCsv(input: Blob | string, options: ImportCsvOptions): Promise<ImportResult> {
  const { signal, skipBadRows, sink } = options;
  const chunkRows = Math.max(1, options.chunkRows ?? 5000);
  let validated = options.validated;
  const twoPasses = !skipBadRows && !validated;
  const scaled =
    (from: number, share: number) =>
    (fraction: number, rowsDone: number): void =>
      options.onProgress?.(from + fraction * share, rowsDone);

  if (twoPasses) validated = await validateCsv(input, { ...options, onProgress: scaled(0, 0.5) });
  if (!skipBadRows && validated && validated.badRows > 0) return { status: 'refused', summary: validated };

  const preview: ImportRecord[] = [];
  let batch: ImportRecord[] = [];
  let imported = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    if (signal?.aborted) throw abortError(signal);
    const records = batch;
    batch = [];
    await sink({ kind: options.kind, records } as ImportBatch);
    imported += records.length;
  };

  const { summary, headers } = await runPass(input, options, {
    onRecord: async (record) => {
      if (preview.length < PREVIEW_RECORDS) preview.push(record);
      batch.push(record);
      if (batch.length >= chunkRows) await flush();
    },
    // A bad row here means the file changed since validation: stop rather than write part of it.
    stopOnBadRow: !skipBadRows,
    progress: twoPasses ? scaled(0.5, 0.5) : options.onProgress,
  });
  const result: ValidationSummary = { ...summary, headers, preview };
  if (!skipBadRows && summary.badRows > 0) return { status: 'refused', summary: result };
  await flush();
  options.onProgress?.(1, summary.rows);
  return { status: 'imported', imported, summary: result };
}
