import { ObservationBlock, parseDimKey } from '../schema';
import { type BlockKey, blockKeyString } from './blocks';
import { notifyChange } from './changes';
import { type PacerDb, STORES } from './db';
import { markRollupsStale, type SeriesRef } from './rollup-store';

/**
 * Undo of a completed CSV import, by its id (issue 15, finding 7). When an undoable ingest commits,
 * its journal (each touched block's before-image) becomes an undo record in `backups`, with the ids of
 * the points the import wrote. Undo puts back, point by point, what those ids were before — a point the
 * import added is removed, one it replaced gets its old value — and leaves every other point alone, so
 * values logged after the import survive the undo.
 */
export const IMPORTS_KEPT = 5;

export interface ImportUndoBlock {
  blockKey: BlockKey;
  /** Points of this block with the ids the import wrote, as they were before it (absent = added). */
  before: ObservationBlock['points'];
  ids: string[];
  /** Of `ids`, the points the import removed (it replaced what a day held): undo puts them back. */
  removed?: string[];
}

export interface ImportUndoRecord {
  id: string;
  reason: 'import';
  createdAt: number;
  ingestId: string;
  added: number;
  replaced: number;
  /** Values logged another way that the import replaced (absent in records made before it could). */
  removed?: number;
  blocks: ImportUndoBlock[];
}

export interface ImportInfo {
  id: string;
  createdAt: number;
  added: number;
  replaced: number;
}

export const undoIdOf = (ingestId: string) => `import-${ingestId}`;

interface JournalRow {
  blockKey: BlockKey;
  before: unknown | null;
}

/** Builds the undo record from the journal rows and the ids written per block (keyed by blockKeyString). */
export function undoRecordFrom(
  ingestId: string,
  rows: readonly JournalRow[],
  written: ReadonlyMap<string, ReadonlySet<string>>,
  counts: { added: number; replaced: number; removed?: number },
  now: number,
  removed: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): ImportUndoRecord {
  const blocks: ImportUndoBlock[] = [];
  for (const row of rows) {
    const ids = written.get(blockKeyString(row.blockKey));
    if (!ids?.size) continue;
    const parsed = row.before ? ObservationBlock.safeParse(row.before) : null;
    // A damaged before-image went to quarantine when the import wrote over it: nothing to put back here.
    const before = parsed?.success ? parsed.data.points.filter((p) => ids.has(p.id)) : [];
    const gone = removed.get(blockKeyString(row.blockKey));
    blocks.push({
      blockKey: row.blockKey,
      before,
      ids: [...ids],
      ...(gone?.size ? { removed: [...gone] } : {}),
    });
  }
  return { id: undoIdOf(ingestId), reason: 'import', createdAt: now, ingestId, ...counts, blocks };
}

function emptyBlock([metricId, dimKey, day]: BlockKey): ObservationBlock {
  return { metricId, dimKey, day, dims: parseDimKey(dimKey), points: [] };
}

export async function listImports(db: PacerDb): Promise<ImportInfo[]> {
  const all = (await db.getAll(STORES.backups)) as Partial<ImportUndoRecord>[];
  return all
    .filter((r): r is ImportUndoRecord => r?.reason === 'import' && typeof r.id === 'string')
    .map(({ id, createdAt, added, replaced }) => ({ id, createdAt, added, replaced }))
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Keeps the undo records of the newest `keep` imports. */
export async function pruneImports(db: PacerDb, keep = IMPORTS_KEPT): Promise<void> {
  const old = (await listImports(db)).slice(keep);
  if (!old.length) return;
  const tx = db.transaction(STORES.backups, 'readwrite');
  await Promise.all([...old.map((i) => tx.store.delete(i.id)), tx.done]);
}

export class ImportUndoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportUndoError';
  }
}

/** Undoes one import by its id, in one transaction; returns how many values were put back or removed. */
export async function undoImport(db: PacerDb, id: string): Promise<number> {
  const tx = db.transaction([STORES.obsBlocks, STORES.backups], 'readwrite');
  const record = (await tx.objectStore(STORES.backups).get(id)) as ImportUndoRecord | undefined;
  if (record?.reason !== 'import') {
    tx.abort();
    await tx.done.catch(() => {});
    throw new ImportUndoError(`There is no import "${id}" to undo (it was undone already or is too old).`);
  }
  const store = tx.objectStore(STORES.obsBlocks);
  const touched = new Map<string, SeriesRef>();
  let changed = 0;
  for (const b of record.blocks) {
    const raw = await store.get(b.blockKey);
    // A block the import emptied (it replaced the only values a day held) is gone: it starts empty.
    const parsed =
      raw === undefined
        ? b.removed?.length
          ? ({ success: true, data: emptyBlock(b.blockKey) } as const)
          : null
        : ObservationBlock.safeParse(raw);
    // A block damaged since the import is left for the read path to quarantine, never rewritten blind.
    if (!parsed?.success) continue;
    const ids = new Set(b.ids);
    const restored = new Map(b.before.map((p) => [p.id, p]));
    const present = new Set<string>();
    const points = parsed.data.points.flatMap((p) => {
      if (!ids.has(p.id)) return [p];
      present.add(p.id);
      changed++;
      const old = restored.get(p.id);
      return old ? [old] : [];
    });
    // What the import removed comes back, unless a value with its id was logged again since (removed
    // ids are among `ids`, so `present` already holds any such value).
    for (const id of b.removed ?? []) {
      const old = restored.get(id);
      if (old && !present.has(id)) {
        points.push(old);
        changed++;
      }
    }
    if (points.length) await store.put({ ...parsed.data, points: points.sort((x, y) => x.t - y.t) });
    else await store.delete(b.blockKey);
    touched.set(`${b.blockKey[0]}\u0000${b.blockKey[1]}`, { metricId: b.blockKey[0], dimKey: b.blockKey[1] });
  }
  await tx.objectStore(STORES.backups).delete(id);
  await tx.done;
  if (touched.size) await markRollupsStale(db, [...touched.values()]);
  notifyChange({ stores: [STORES.obsBlocks, STORES.rollups, STORES.backups] });
  return changed;
}
