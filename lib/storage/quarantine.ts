import * as z from 'zod/mini';
import type { PacerDb } from './db';
import { STORES } from './db';

/**
 * A stored record that no longer matches its schema (damaged by hand in DevTools, written by a buggy
 * build, or left invalid by a migration) is moved here with the reason — never dropped silently and
 * never replaced by defaults. The UI lists these; the user can export them or delete them.
 */
export const QuarantineEntry = z.object({
  id: z.string(),
  store: z.string(),
  key: z.unknown(),
  value: z.unknown(),
  problems: z.array(z.string()),
  /** Where it was found: on read, by a migration, before a write over it, or before a restore cleared it. */
  origin: z.enum(['read', 'migration', 'write', 'restore']),
  at: z.number(),
});
export type QuarantineEntry = z.infer<typeof QuarantineEntry>;

let sequence = 0;
/**
 * One id per occurrence: the same record damaged twice (or a block quarantined by a write and then
 * again by a read) gives two entries, never one overwriting the other (issue 15, finding 3). The key
 * stays readable at the front so entries of one record sort together.
 */
export function quarantineId(store: string, key: unknown, at: number = Date.now()): string {
  sequence = (sequence + 1) % 1_000_000;
  const rand = Math.random().toString(36).slice(2, 8);
  return `${store}:${JSON.stringify(key)}@${at.toString(36)}-${sequence.toString(36)}-${rand}`;
}

/** The entry for a damaged record, ready to `put` into the quarantine store inside the caller's transaction. */
export function quarantineEntry(e: Omit<QuarantineEntry, 'id'>): QuarantineEntry {
  return { ...e, id: quarantineId(e.store, e.key, e.at) };
}

interface WritableStore {
  put(value: unknown): Promise<unknown>;
}
interface DeletableStore {
  delete(key: IDBValidKey): Promise<unknown>;
}

/** Moves damaged records out of `store`, inside the caller's readwrite transaction. */
export async function moveToQuarantine(
  target: WritableStore,
  source: DeletableStore,
  entries: readonly Omit<QuarantineEntry, 'id'>[],
): Promise<void> {
  for (const e of entries) {
    await target.put(quarantineEntry(e));
    await source.delete(e.key as IDBValidKey);
  }
}

/**
 * Called after a read found damaged records: moves them in their own transaction. A record that was
 * changed since the read (by another surface) is left where it is and will be checked on the next read.
 */
export async function quarantineDamaged(
  db: PacerDb,
  store: string,
  damaged: readonly Omit<QuarantineEntry, 'id'>[],
) {
  if (damaged.length === 0) return;
  const tx = db.transaction([store, STORES.quarantine], 'readwrite');
  const src = tx.objectStore(store);
  const q = tx.objectStore(STORES.quarantine);
  for (const e of damaged) {
    const current = await src.get(e.key as IDBValidKey);
    if (current === undefined || JSON.stringify(current) !== JSON.stringify(e.value)) continue;
    await q.put(quarantineEntry(e));
    await src.delete(e.key as IDBValidKey);
  }
  await tx.done;
}

export async function listQuarantine(db: PacerDb): Promise<QuarantineEntry[]> {
  const raw = await db.getAll(STORES.quarantine);
  return raw.flatMap((r) => {
    const p = QuarantineEntry.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

export async function countQuarantine(db: PacerDb): Promise<number> {
  return db.count(STORES.quarantine);
}

export async function clearQuarantineEntry(db: PacerDb, id: string): Promise<void> {
  await db.delete(STORES.quarantine, id);
}
