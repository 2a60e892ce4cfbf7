import { Observation, ObservationBlock } from '../schema';
import {
  type BlockKey,
  blockKeyOf,
  blockKeyString,
  DAY_MS,
  groupIntoBlocks,
  mergeBlock,
  toObservation,
  utcDay,
} from './blocks';
import { notifyChange } from './changes';
import { type PacerDb, STORES } from './db';
import { pruneImports, undoIdOf, undoRecordFrom } from './import-undo';
import { holdIngestLock, ifFree, ingestLockName } from './ingest-lock';
import { quarantineDamaged, quarantineEntry } from './quarantine';
import { describeIssues, ValidationError } from './records';
import { markRollupsStale, refreshRollups, type SeriesRef } from './rollup-store';

export interface IngestOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Blocks written per transaction. One transaction of ~100,000 puts crashed Chromium's renderer here;
   * blocks are larger than rows, so a few hundred per transaction keeps each one small.
   */
  blocksPerTransaction?: number;
  /** Already parsed by the caller (e.g. the CSV importer): skip the second zod pass. */
  trusted?: boolean;
  /** Keep an undo record when committing (CSV imports; see ./import-undo.ts). Journaled ingests only. */
  undoable?: boolean;
}

export interface IngestResult {
  written: number;
  added: number;
  replaced: number;
  /** Of `replaced`, values written again exactly as they were. */
  unchanged: number;
  /** Values the session removed (`IngestSession.remove`). */
  removed: number;
  blocks: number;
  /** Id to pass to `undoImport`, for an undoable ingest. */
  undoId?: string;
}

export class IngestCancelled extends Error {
  constructor() {
    super('Import cancelled: nothing was changed.');
    this.name = 'IngestCancelled';
  }
}

/** Validates every observation; throws a ValidationError naming each bad one by index and field. */
export function validateObservations(input: readonly unknown[]): Observation[] {
  const out: Observation[] = new Array(input.length);
  const problems: string[] = [];
  for (let i = 0; i < input.length; i++) {
    const parsed = Observation.safeParse(input[i], { reportInput: true });
    if (parsed.success) out[i] = parsed.data;
    else if (problems.length < 200) problems.push(...describeIssues(parsed.error, `observations[${i}]`));
    else problems.push('…');
  }
  if (problems.length) throw new ValidationError(problems, 'observations');
  return out;
}

/**
 * Adds or replaces observations (by id), all or nothing.
 *
 * Small ingests run in one transaction. Large ones are split across transactions, and each block's
 * previous version is written to `journal` in the same transaction as the new one; the journal is
 * cleared only after the last chunk. A cancel, an error, or a crash in between rolls every chunk back
 * (on the next open for a crash, see `recoverInterruptedIngest`).
 */
export async function ingestObservations(
  db: PacerDb,
  input: readonly unknown[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  const observations = options.trusted ? (input as Observation[]) : validateObservations(input);
  const session = beginIngest(db, {
    ...options,
    journal: groupIntoBlocks(observations).size > (options.blocksPerTransaction ?? 400),
  });
  try {
    await session.add(observations, { trusted: true });
  } catch (error) {
    await session.rollback();
    throw error;
  }
  return session.commit();
}

export interface IngestSession {
  /** Writes one batch (validated unless `trusted`); may be called many times, e.g. per CSV chunk. */
  add(input: readonly unknown[], opts?: { trusted?: boolean }): Promise<void>;
  /**
   * Removes stored values (by id, in their blocks) as part of this session: journaled like a write, so
   * a rollback puts them back, and undoable with the import (an import that replaces the values a day
   * already held). Returns how many were removed.
   */
  remove(targets: readonly Pick<Observation, 'id' | 'metricId' | 'time' | 'dims'>[]): Promise<number>;
  /** Makes every batch permanent and brings rollups up to date. */
  commit(): Promise<IngestResult>;
  /** Restores every block this session touched to what it was before the first batch. */
  rollback(): Promise<void>;
}

/**
 * An all-or-nothing ingest across any number of batches and transactions (a streamed CSV import):
 * the first time a block is touched, its previous version goes to `journal` in the same transaction
 * as the write. Commit clears the journal; rollback (or `recoverInterruptedIngest` after a crash)
 * puts the previous versions back.
 */
export function beginIngest(db: PacerDb, options: IngestOptions & { journal?: boolean } = {}): IngestSession {
  const per = options.blocksPerTransaction ?? 400;
  const journaled = options.journal ?? true;
  const ingestId = `ingest-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const journaledKeys = new Set<string>();
  const undoable = journaled && options.undoable === true;
  // Point ids written per block, for the undo record, and of those the ones removed.
  const writtenIds = new Map<string, Set<string>>();
  const removedIds = new Map<string, Set<string>>();
  let removed = 0;
  const series = new Map<string, SeriesRef>();
  // Final versions of touched blocks, so rollups need not re-read them; dropped when large.
  let known: Map<string, ObservationBlock> | null = new Map();
  let added = 0;
  let replaced = 0;
  let unchanged = 0;
  let written = 0;
  let blockCount = 0;
  let total = 0;
  let state: 'open' | 'committed' | 'rolled back' = 'open';

  // Held from before the first journal write until commit or rollback: while it is held, no other
  // surface's recovery treats this ingest as crashed.
  let lock: Promise<() => void> | null = null;
  const releaseLock = async () => {
    if (lock) (await lock)();
    lock = null;
  };

  /** Every batch or removal starts here: the session is open, and holds its lock while journaled. */
  const enter = async (): Promise<void> => {
    if (state !== 'open') throw new Error(`This import is already ${state}.`);
    if (journaled) {
      lock ??= holdIngestLock(ingestId);
      await lock;
    }
  };
  /** After a block's write: the ids for the undo record, its before-image once, its final version. */
  const recordBlock = (
    writes: Promise<unknown>[],
    journal: { put(value: unknown): Promise<unknown> },
    key: BlockKey,
    ids: { written: Iterable<string>; removed?: Iterable<string> },
    before: { raw: unknown; quarantinedAs: string | null },
    final: ObservationBlock,
  ): void => {
    const k = blockKeyString(key);
    touch(series, key[0], key[1], key[2]);
    if (undoable) {
      addAll(writtenIds, k, ids.written);
      if (ids.removed) addAll(removedIds, k, ids.removed);
    }
    if (journaled && !journaledKeys.has(k)) {
      journaledKeys.add(k);
      writes.push(
        journal.put({
          key: `${ingestId}\u0000${k}`,
          ingestId,
          blockKey: key,
          before: before.raw ?? null,
          quarantinedAs: before.quarantinedAs,
        }),
      );
    }
    if (known) {
      if (!known.has(k)) blockCount++;
      known.set(k, final);
      if (known.size > 50_000) known = null;
    }
  };

  const add: IngestSession['add'] = async (input, opts = {}) => {
    await enter();
    const observations =
      opts.trusted || options.trusted ? (input as Observation[]) : validateObservations(input);
    const blocks = [...groupIntoBlocks(observations).values()];
    total += observations.length;
    for (let i = 0; i < blocks.length; i += per) {
      if (options.signal?.aborted) throw new IngestCancelled();
      const chunk = blocks.slice(i, i + per);
      const tx = db.transaction([STORES.obsBlocks, STORES.journal, STORES.quarantine], 'readwrite');
      const store = tx.objectStore(STORES.obsBlocks);
      const journal = tx.objectStore(STORES.journal);
      const quarantine = tx.objectStore(STORES.quarantine);
      const existing = await Promise.all(chunk.map((b) => store.get(blockKeyOf(b))));
      const writes: Promise<unknown>[] = [];
      chunk.forEach((incoming, j) => {
        const raw = existing[j];
        const parsed = raw === undefined ? undefined : ObservationBlock.safeParse(raw, { reportInput: true });
        // A damaged stored block is not merged into (its points would be lost): it goes to quarantine
        // in this same transaction, so the overwrite and the quarantine land together or not at all.
        let quarantinedAs: string | null = null;
        if (parsed && !parsed.success) {
          const entry = quarantineEntry({
            store: STORES.obsBlocks,
            key: blockKeyOf(incoming),
            value: raw,
            problems: describeIssues(parsed.error),
            origin: 'write',
            at: Date.now(),
          });
          quarantinedAs = entry.id;
          writes.push(quarantine.put(entry));
        }
        const merged = mergeBlock(parsed?.success ? parsed.data : undefined, incoming);
        added += merged.added;
        replaced += merged.replaced;
        unchanged += merged.unchanged;
        written += incoming.points.length;
        const ids = { written: incoming.points.map((p) => p.id) };
        recordBlock(writes, journal, blockKeyOf(incoming), ids, { raw, quarantinedAs }, merged.block);
        writes.push(store.put(merged.block));
      });
      await Promise.all([...writes, tx.done]);
      options.onProgress?.(written, Math.max(total, written));
    }
  };

  const remove: IngestSession['remove'] = async (targets) => {
    await enter();
    const groups = [
      ...groupIntoBlocks(targets.map((t) => ({ ...t, value: 0, source: 'manual' as const }))).values(),
    ];
    let count = 0;
    for (let i = 0; i < groups.length; i += per) {
      if (options.signal?.aborted) throw new IngestCancelled();
      const chunk = groups.slice(i, i + per);
      const tx = db.transaction([STORES.obsBlocks, STORES.journal], 'readwrite');
      const store = tx.objectStore(STORES.obsBlocks);
      const journal = tx.objectStore(STORES.journal);
      const existing = await Promise.all(chunk.map((b) => store.get(blockKeyOf(b))));
      const writes: Promise<unknown>[] = [];
      chunk.forEach((target, j) => {
        const raw = existing[j];
        // A damaged block is left for the read path to quarantine: nothing in it is removed blind.
        const block = parseBlock(raw);
        if (!block) return;
        const wanted = new Set(target.points.map((p) => p.id));
        const gone = block.points.filter((p) => wanted.has(p.id)).map((p) => p.id);
        if (gone.length === 0) return;
        count += gone.length;
        const keep = block.points.filter((p) => !wanted.has(p.id));
        const key = blockKeyOf(block);
        const next = { ...block, points: keep };
        recordBlock(
          writes,
          journal,
          key,
          { written: gone, removed: gone },
          { raw, quarantinedAs: null },
          next,
        );
        writes.push(keep.length ? store.put(next) : store.delete(key));
      });
      await Promise.all([...writes, tx.done]);
    }
    removed += count;
    return count;
  };

  return {
    add,
    remove,
    async commit() {
      if (state !== 'open') throw new Error(`This import is already ${state}.`);
      state = 'committed';
      try {
        if (undoable) await journalToUndo(db, ingestId, writtenIds, removedIds, { added, replaced, removed });
        else if (journaled) await clearJournal(db, ingestId);
      } finally {
        await releaseLock();
      }
      await refreshRollups(db, [...series.values()], undefined, known ?? new Map());
      notifyChange({
        stores: [STORES.obsBlocks, STORES.rollups],
        ids: [...series.values()].map((s) => s.metricId),
      });
      if (undoable) await pruneImports(db);
      return {
        written,
        added,
        replaced,
        unchanged,
        removed,
        blocks: known ? blockCount : journaledKeys.size,
        ...(undoable ? { undoId: undoIdOf(ingestId) } : {}),
      };
    },
    async rollback() {
      if (state !== 'open') return;
      state = 'rolled back';
      try {
        if (journaled) await rollbackIngest(db, ingestId);
        else await markRollupsStale(db, [...series.values()]);
      } finally {
        await releaseLock();
      }
    },
  };
}

function addAll(into: Map<string, Set<string>>, k: string, ids: Iterable<string>): void {
  const set = into.get(k) ?? new Set<string>();
  into.set(k, set);
  for (const id of ids) set.add(id);
}

function touch(series: Map<string, SeriesRef>, metricId: string, dimKey: string, day: number) {
  const k = `${metricId}\u0000${dimKey}`;
  const s = series.get(k);
  if (s) s.days?.push(day);
  else series.set(k, { metricId, dimKey, days: [day] });
}

/** A stored block that fails its schema is treated as absent (callers that write quarantine it first). */
function parseBlock(raw: unknown): ObservationBlock | undefined {
  if (raw === undefined) return undefined;
  const parsed = ObservationBlock.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const journalRange = (ingestId: string) => IDBKeyRange.bound(`${ingestId}\u0000`, `${ingestId}\u0001`);

/** Commit of an undoable ingest: its journal becomes the undo record, in one transaction. */
async function journalToUndo(
  db: PacerDb,
  ingestId: string,
  written: ReadonlyMap<string, ReadonlySet<string>>,
  removed: ReadonlyMap<string, ReadonlySet<string>>,
  counts: { added: number; replaced: number; removed: number },
): Promise<void> {
  const tx = db.transaction([STORES.journal, STORES.backups], 'readwrite');
  const journal = tx.objectStore(STORES.journal);
  const rows = (await journal.getAll(journalRange(ingestId))) as JournalEntry[];
  await tx
    .objectStore(STORES.backups)
    .put(undoRecordFrom(ingestId, rows, written, counts, Date.now(), removed));
  await journal.delete(journalRange(ingestId));
  await tx.done;
}

async function clearJournal(db: PacerDb, ingestId: string): Promise<void> {
  await db.delete(STORES.journal, journalRange(ingestId));
}

/**
 * Puts back every before-image of one ingest. The journal is read inside the same transaction that
 * writes the before-images and deletes the journal, so a second rollback of the same ingest (another
 * surface recovering at the same moment) finds nothing and cannot write a stale image over newer data.
 */
async function rollbackIngest(db: PacerDb, ingestId: string): Promise<void> {
  const tx = db.transaction([STORES.obsBlocks, STORES.journal, STORES.quarantine], 'readwrite');
  const journal = tx.objectStore(STORES.journal);
  const store = tx.objectStore(STORES.obsBlocks);
  const entries = (await journal.getAll(journalRange(ingestId))) as JournalEntry[];
  const touched = new Map<string, SeriesRef>();
  for (const e of entries) {
    if (e.before) await store.put(e.before);
    else await store.delete(e.blockKey);
    // The damaged block is back where it was: its copy in quarantine would be a duplicate.
    if (e.quarantinedAs) await tx.objectStore(STORES.quarantine).delete(e.quarantinedAs);
    touched.set(`${e.blockKey[0]}\u0000${e.blockKey[1]}`, { metricId: e.blockKey[0], dimKey: e.blockKey[1] });
  }
  await journal.delete(journalRange(ingestId));
  await tx.done;
  if (touched.size) await markRollupsStale(db, [...touched.values()]);
}

interface JournalEntry {
  key: string;
  ingestId: string;
  blockKey: BlockKey;
  before: unknown | null;
  /** Quarantine id of the damaged block this ingest replaced, if any. */
  quarantinedAs?: string | null;
}

/**
 * Rolls back the ingests a crash, a closed tab or a stopped service worker left half-written — and
 * only those: an ingest still running holds its Web Lock (./ingest-lock.ts), and its journal is left
 * alone. Safe to run from every surface at once. Returns how many ingests were rolled back.
 */
export async function recoverInterruptedIngest(db: PacerDb): Promise<number> {
  const keys = (await db.getAllKeys(STORES.journal)) as string[];
  const ids = new Set(keys.map((k) => k.slice(0, k.indexOf('\u0000'))));
  let recovered = 0;
  for (const id of ids) {
    const rolledBack = await ifFree(
      ingestLockName(id),
      async () => {
        await rollbackIngest(db, id);
        return true;
      },
      false,
    );
    if (rolledBack) recovered++;
  }
  return recovered;
}

export interface ReadRange {
  from: number;
  to: number;
  /** One dimension combination only; all of them when absent. */
  dimKey?: string;
}

/**
 * Observations of one metric with from ≤ time < to, ascending by time. Each block is validated; a
 * damaged block is quarantined and its points left out (the quarantine is reported to the user).
 */
export async function readObservations(
  db: PacerDb,
  metricId: string,
  range: ReadRange,
): Promise<Observation[]> {
  const fromDay = utcDay(range.from);
  const toDay = utcDay(range.to - 1);
  const raw =
    range.dimKey === undefined
      ? await db.getAllFromIndex(
          STORES.obsBlocks,
          'by-metric-day',
          IDBKeyRange.bound([metricId, fromDay], [metricId, toDay]),
        )
      : await db.getAll(
          STORES.obsBlocks,
          IDBKeyRange.bound([metricId, range.dimKey, fromDay], [metricId, range.dimKey, toDay]),
        );
  const out: Observation[] = [];
  const damaged = [];
  for (const value of raw) {
    const parsed = ObservationBlock.safeParse(value, { reportInput: true });
    if (!parsed.success) {
      const v = value as Partial<ObservationBlock>;
      damaged.push({
        store: STORES.obsBlocks,
        key: [v.metricId, v.dimKey, v.day],
        value,
        problems: describeIssues(parsed.error),
        origin: 'read' as const,
        at: Date.now(),
      });
      continue;
    }
    for (const p of parsed.data.points) {
      if (p.t >= range.from && p.t < range.to) out.push(toObservation(parsed.data, p));
    }
  }
  if (damaged.length) {
    await quarantineDamaged(db, STORES.obsBlocks, damaged);
    notifyChange({ stores: [STORES.quarantine] });
  }
  if (range.dimKey === undefined) out.sort((a, b) => a.time - b.time);
  return out;
}

/** Every observation of one metric (for export and series views of small metrics). */
export function readAllObservations(db: PacerDb, metricId: string): Promise<Observation[]> {
  return readObservations(db, metricId, { from: 0, to: 8_640_000_000_000 });
}

/**
 * Deletes observations; returns them so the caller can offer undo (re-ingesting them restores
 * exactly what was there, ids included).
 */
export async function deleteObservations(
  db: PacerDb,
  targets: readonly Pick<Observation, 'id' | 'metricId' | 'time' | 'dims'>[],
): Promise<Observation[]> {
  const groups = groupIntoBlocks(targets.map((t) => ({ ...t, value: 0, source: 'manual' as const })));
  const removed: Observation[] = [];
  const tx = db.transaction(STORES.obsBlocks, 'readwrite');
  const series = new Map<string, SeriesRef>();
  for (const target of groups.values()) {
    const key = blockKeyOf(target);
    const block = parseBlock(await tx.store.get(key));
    if (!block) continue;
    const ids = new Set(target.points.map((p) => p.id));
    const keep = block.points.filter((p) => !ids.has(p.id));
    for (const p of block.points) if (ids.has(p.id)) removed.push(toObservation(block, p));
    if (keep.length === block.points.length) continue;
    if (keep.length) await tx.store.put({ ...block, points: keep });
    else await tx.store.delete(key);
    touch(series, block.metricId, block.dimKey, block.day);
  }
  await tx.done;
  await refreshRollups(db, [...series.values()]);
  notifyChange({ stores: [STORES.obsBlocks, STORES.rollups] });
  return removed;
}

/** Every block of one metric in the obsBlocks store (its key: metric, dimensions, day): all dimensions, all days. */
export function metricBlocksRange(metricId: string): IDBKeyRange {
  return IDBKeyRange.bound([metricId, '', 0], [metricId, '\uffff', 8_640_000_000_000]);
}

/** How many values a metric holds (every dimension, every day): what deleting it would take from sight. */
export async function countMetricValues(db: PacerDb, metricId: string): Promise<number> {
  const range = metricBlocksRange(metricId);
  let count = 0;
  let cursor = await db.transaction(STORES.obsBlocks).store.openCursor(range);
  while (cursor) {
    const points = (cursor.value as { points?: unknown }).points;
    if (Array.isArray(points)) count += points.length;
    cursor = await cursor.continue();
  }
  return count;
}

/** Removes every observation of a metric (when the metric itself is deleted for good). */
export async function purgeMetricObservations(db: PacerDb, metricId: string): Promise<void> {
  const range = metricBlocksRange(metricId);
  await db.delete(STORES.obsBlocks, range);
  await db.delete(STORES.rollups, IDBKeyRange.bound([metricId, ''], [metricId, '\uffff']));
  notifyChange({ stores: [STORES.obsBlocks, STORES.rollups], ids: [metricId] });
}

export { DAY_MS };
