import type { ImportKind } from '../import/column-aliases';
import { abortError } from '../import/csv-rows';
import { dayKeyOf, type OverlapChoice, type OverlapReport } from '../import/overlap';
import {
  type ImportBatch,
  type ImportCsvOptions,
  importCsv,
  type ValidationSummary,
} from '../import/run-import';
import { type TouchedKpi, type TouchedKpis, touchedList, touchKpis } from '../import/touched-kpis';
import { ChannelSpend, Lead, type LeadSighting, type Observation } from '../schema';
import { notifyChange } from '../storage/changes';
import { type PacerDb, STORES } from '../storage/db';
import { mergeSighting } from '../storage/leads';
import { beginIngest, IngestCancelled } from '../storage/observations';
import { moveToQuarantine, type QuarantineEntry } from '../storage/quarantine';
import { describeIssues, parseOrThrow } from '../storage/records';

/**
 * Glue between `importCsv` (lib/import) and storage: one sink per kind of file, each all or nothing.
 *
 * - KPI series stream into an `IngestSession` (journaled across transactions), so a million rows never
 *   sit in memory and a cancel or crash rolls every batch back.
 * - Leads and channel spend are staged in memory and written in ONE transaction at commit; a cancel
 *   before that simply drops the stage. Leads go through `mergeSighting` so a re-import keeps each
 *   lead's first-seen time and stage history. Staging is why these kinds are capped (`ENTITY_IMPORT_LIMIT`).
 */

/** Leads or spend rows one import may hold in memory and write in one transaction. */
export const ENTITY_IMPORT_LIMIT = 200_000;

/**
 * Bytes read per chunk. Every chunk is parsed and validated in one go on the main thread, so smaller
 * chunks mean shorter tasks; at 256 KiB (~2,500 KPI rows) a chunk stays near 100 ms on a slow machine.
 */
export const IMPORT_CHUNK_BYTES = 256 * 1024;

export interface ImportCounts {
  added: number;
  /** Records whose id was there already, `unchanged` included. */
  replaced: number;
  /** KPI files: of `replaced`, values written again exactly as they were. */
  unchanged?: number;
  /** Values logged another way that the import replaced (the "replace" choice on occupied days). */
  removed?: number;
  /** The file's values left out because their day already held values (the "skip" choice). */
  held?: number;
  /** KPI files: each KPI the values went into, with their count and time span. */
  kpis?: TouchedKpi[];
}

export interface ImportSink {
  readonly kind: ImportKind;
  write(batch: ImportBatch): Promise<void>;
  /** Makes the import permanent. */
  commit(): Promise<ImportCounts>;
  /** Undoes everything written so far; safe to call twice or after nothing was written. */
  rollback(): Promise<void>;
}

export class ImportTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`This file has more than ${limit} records; import at most ${limit} at a time.`);
    this.name = 'ImportTooLargeError';
  }
}

export interface SinkOptions {
  signal?: AbortSignal;
  /** Lead first/last-seen time. Default: now. */
  now?: number;
  /** Default ENTITY_IMPORT_LIMIT. */
  limit?: number;
  /** KPI files: what to do on days that already hold values logged another way (lib/import/overlap.ts). */
  overlap?: OverlapPlan;
}

export interface OverlapPlan {
  choice: OverlapChoice;
  report: OverlapReport;
  timeZone: string;
}

export function createImportSink(db: PacerDb, kind: ImportKind, options: SinkOptions = {}): ImportSink {
  return kind === 'kpi-series' ? observationSink(db, options) : entitySink(db, kind, options);
}

function observationSink(db: PacerDb, options: SinkOptions): ImportSink {
  // Undoable: a completed CSV import can be taken back by its id (lib/storage/import-undo.ts).
  const session = beginIngest(db, { signal: options.signal, trusted: true, undoable: true });
  const plan = options.overlap;
  // "skip": the file's values on days that already hold values are left out.
  const skipped = plan?.choice === 'skip' ? plan.report.occupiedKeys : null;
  let held = 0;
  const touched: TouchedKpis = new Map();
  // "replace": the values the occupied days held go first, in the same journaled session, so a cancel
  // puts them back and undoing the import restores them.
  let cleared: Promise<number> | null = null;
  const clear = () => {
    cleared ??=
      plan?.choice === 'replace' ? session.remove(plan.report.storedOnOccupied) : Promise.resolve(0);
    return cleared;
  };
  return {
    kind: 'kpi-series',
    async write(batch) {
      await clear();
      let records = batch.records as Observation[];
      if (skipped && plan) {
        const kept = records.filter((o) => !skipped.has(dayKeyOf(o.time, o.dims, plan.timeZone)));
        held += records.length - kept.length;
        records = kept;
      }
      if (records.length) await session.add(records, { trusted: true });
      touchKpis(touched, records);
    },
    async commit() {
      await clear();
      const { added, replaced, unchanged, removed } = await session.commit();
      return { added, replaced, unchanged, removed, held, kpis: touchedList(touched) };
    },
    rollback: () => session.rollback(),
  };
}

type EntityKind = Exclude<ImportKind, 'kpi-series'>;
type Entity = Lead | ChannelSpend;

function entitySink(db: PacerDb, kind: EntityKind, options: SinkOptions): ImportSink {
  const limit = options.limit ?? ENTITY_IMPORT_LIMIT;
  const store = kind === 'leads' ? STORES.leads : STORES.channelSpend;
  let staged: Map<string, Entity> | null = new Map();
  const open = (): Map<string, Entity> => {
    if (!staged) throw new Error('This import is already finished.');
    return staged;
  };
  return {
    kind,
    async write(batch) {
      const stage = open();
      if (options.signal?.aborted) throw abortError(options.signal);
      for (const record of batch.records as Entity[]) {
        stage.set(record.id, record);
        if (stage.size > limit) throw new ImportTooLargeError(limit);
      }
    },
    async commit() {
      const records = [...open().values()];
      staged = null;
      return writeEntities(db, kind, store, records, options.now ?? Date.now());
    },
    async rollback() {
      staged = null;
    },
  };
}

/** Reads the stored versions, merges, and writes — one transaction, so either all land or none. */
async function writeEntities(
  db: PacerDb,
  kind: EntityKind,
  store: string,
  records: readonly Entity[],
  now: number,
): Promise<ImportCounts> {
  if (records.length === 0) return { added: 0, replaced: 0 };
  const schema = kind === 'leads' ? Lead : ChannelSpend;
  const tx = db.transaction([store, STORES.quarantine], 'readwrite');
  const target = tx.objectStore(store);
  const existingRaw = await Promise.all(records.map((r) => target.get(r.id)));
  const damaged: Omit<QuarantineEntry, 'id'>[] = [];
  const final: Entity[] = [];
  let added = 0;
  try {
    records.forEach((record, i) => {
      const raw = existingRaw[i];
      let existing: Entity | undefined;
      if (raw !== undefined) {
        const parsed = schema.safeParse(raw, { reportInput: true });
        if (parsed.success) existing = parsed.data;
        // A damaged stored record is set aside (never overwritten unseen) and the import's one replaces it.
        else
          damaged.push({
            store,
            key: record.id,
            value: raw,
            problems: describeIssues(parsed.error),
            origin: 'read',
            at: now,
          });
      }
      if (!existing) added++;
      final.push(
        kind === 'leads'
          ? parseOrThrow(
              Lead,
              mergeSighting(existing as Lead | undefined, toSighting(record as Lead), now),
              'lead',
            )
          : (record as ChannelSpend),
      );
    });
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => {});
    throw error;
  }
  await moveToQuarantine(tx.objectStore(STORES.quarantine), target, damaged);
  await Promise.all([...final.map((r) => target.put(r)), tx.done]);
  // Listeners re-read everything when no ids are given: cheaper than broadcasting 200,000 ids.
  notifyChange({ stores: [store], ...(final.length <= 1000 ? { ids: final.map((r) => r.id) } : {}) });
  if (damaged.length > 0) notifyChange({ stores: [STORES.quarantine] });
  return { added, replaced: final.length - added };
}

/** What a CSV row tells about a lead, in the shape a CRM page sighting has. */
export function toSighting(lead: Lead): LeadSighting {
  const sighting: Record<string, unknown> = { ...lead };
  for (const key of ['id', 'firstSeen', 'lastSeen', 'stageHistory', 'example', 'deletedAt'])
    delete sighting[key];
  return sighting as LeadSighting;
}

export type AtomicImportResult =
  | {
      status: 'imported';
      added: number;
      replaced: number;
      /** Of `replaced`, values written again exactly as they were (KPI files). */
      unchanged?: number;
      /** Values logged another way that the import replaced ("replace" on occupied days). */
      removed?: number;
      /** The file's values left out as their day already held values ("skip"). */
      held?: number;
      /** KPI files: each KPI the values went into, with their count and time span. */
      kpis?: TouchedKpi[];
      /** Bad rows left out (only with `skipBadRows`). */
      skipped: number;
      /** Rows repeated within the file, imported once. */
      duplicates: number;
      summary: ValidationSummary;
    }
  | { status: 'refused'; summary: ValidationSummary }
  | { status: 'too-large'; limit: number }
  | { status: 'cancelled' };

export interface AtomicImportOptions extends Omit<ImportCsvOptions, 'sink'> {
  now?: number;
  limit?: number;
  /** Called once reading is over and the write is being made permanent (too late to cancel). */
  onCommitting?: () => void;
  overlap?: OverlapPlan;
}

/**
 * Reads, validates and stores a CSV, all or nothing: 'imported' means every good row is stored;
 * any other outcome (bad rows without `skipBadRows`, too many records, cancel, an error) leaves the
 * database exactly as it was.
 */
export async function importIntoDb(
  db: PacerDb,
  input: Blob | string,
  options: AtomicImportOptions,
): Promise<AtomicImportResult> {
  const { signal } = options;
  const limit = options.limit ?? ENTITY_IMPORT_LIMIT;
  const now = options.now ?? Date.now();
  if (options.kind !== 'kpi-series' && (options.validated?.goodRows ?? 0) > limit) {
    return { status: 'too-large', limit };
  }
  const sink = createImportSink(db, options.kind, {
    signal,
    now,
    limit,
    ...(options.overlap ? { overlap: options.overlap } : {}),
  });
  try {
    const result = await importCsv(input, {
      chunkSize: IMPORT_CHUNK_BYTES,
      ...options,
      now,
      sink: (batch) => sink.write(batch),
    });
    if (result.status === 'refused') {
      await sink.rollback();
      return { status: 'refused', summary: result.summary };
    }
    if (signal?.aborted) throw abortError(signal);
    options.onCommitting?.();
    const counts = await sink.commit();
    return {
      status: 'imported',
      ...counts,
      skipped: result.summary.badRows,
      duplicates: result.summary.duplicateRows,
      summary: result.summary,
    };
  } catch (error) {
    await sink.rollback();
    if (error instanceof ImportTooLargeError) return { status: 'too-large', limit: error.limit };
    if (signal?.aborted || error instanceof IngestCancelled) return { status: 'cancelled' };
    throw error;
  }
}
