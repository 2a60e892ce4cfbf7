import * as z from 'zod/mini';
import { buildExampleData } from '../example/example-data';
import { isExample } from '../example/example-removal';
import { Settings } from '../schema';
import { notifyChange } from './changes';
import { type PacerDb, STORES } from './db';
import {
  deleteExampleRecords,
  EXAMPLE_MARKER,
  EXAMPLE_RANGE,
  type ExampleRemovalUndo,
  previewExampleRemoval,
  undoExampleRemoval,
} from './example-removal';
import { ingestObservations } from './observations';
import { ENTITY_STORES } from './records';

/**
 * The example dataset lives beside the user's own data, every record marked (`example: true`, ids
 * starting with `ex-`). "Remove example data" removes what the example put there and keeps what the
 * user built on it (lib/example/example-removal.ts, ./example-removal.ts).
 */

/**
 * Where the example stands. Its metrics are written first and its observations take seconds more, so
 * "the metrics exist" is not "the example is there": a marker in `meta` says 'loading' from the first
 * write and 'complete' after the last. No marker beside example records is an example loaded before the
 * marker existed (or restored from a backup): complete. A 'loading' marker older than LOAD_STALE_MS is
 * a load that died with its page (tab closed mid-load): 'partial', which Remove cleans up.
 */
export type ExampleState = 'absent' | 'loading' | 'partial' | 'complete';

const MARKER = EXAMPLE_MARKER;
const LOAD_STALE_MS = 120_000;
const ExampleMarker = z.object({
  key: z.literal(MARKER),
  state: z.enum(['loading', 'complete']),
  at: z.number(),
});

export async function exampleDataState(db: PacerDb, now = Date.now()): Promise<ExampleState> {
  const [metrics, raw] = await Promise.all([
    db.getAll(STORES.metrics, EXAMPLE_RANGE),
    db.get(STORES.meta, MARKER),
  ]);
  // A KPI kept by a remove (the user's values or goals use it) keeps its id but is no longer marked.
  const metric = metrics.find((m) => isExample(m as { id: string; example?: boolean }));
  const marker = ExampleMarker.safeParse(raw);
  if (marker.success && marker.data.state === 'loading') {
    return now - marker.data.at < LOAD_STALE_MS ? 'loading' : 'partial';
  }
  return metric === undefined ? 'absent' : 'complete';
}

/** True once the example is fully there (its observations included), not while it is being written. */
export async function hasExampleData(db: PacerDb): Promise<boolean> {
  return (await exampleDataState(db)) === 'complete';
}

/**
 * Load and remove take turns: a Remove pressed during a load waits for it and then removes all of it,
 * never half. Across pages (the new tab's first-run load, the options page's Remove) through a Web Lock;
 * where there is none (unit tests in Node), through a queue in this module.
 */
const LOCK = 'pacer:example-data';
let queue: Promise<unknown> = Promise.resolve();
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(LOCK, fn) as Promise<T>;
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * `timeZone` defaults to the stored settings' zone (the one every screen reads dates in), so the
 * example's deadlines end on the user's own Dec 31 (lib/example/example-zone.ts).
 */
export async function loadExampleData(
  db: PacerDb,
  now = Date.now(),
  timeZone?: string,
): Promise<{ observations: number }> {
  return exclusive(() => writeExampleData(db, now, timeZone));
}

async function writeExampleData(
  db: PacerDb,
  now: number,
  timeZone?: string,
): Promise<{ observations: number }> {
  const data = buildExampleData(now, timeZone ?? (await storedTimeZone(db)));
  const tx = db.transaction([...ENTITY_STORES, STORES.meta], 'readwrite');
  // A record a remove kept for the user (no longer marked) is theirs: a new load does not overwrite it,
  // nor add example values to a KPI of theirs.
  const theirs = new Set<string>();
  for (const store of ENTITY_STORES) {
    for (const r of (await tx.objectStore(store).getAll(EXAMPLE_RANGE)) as {
      id?: unknown;
      example?: unknown;
    }[])
      if (r?.example !== true && typeof r?.id === 'string') theirs.add(r.id);
  }
  const fresh = <R extends { id: string }>(records: readonly R[]) => records.filter((r) => !theirs.has(r.id));
  // In the same transaction as the metrics: no moment where they exist without the 'loading' marker.
  const writes: Promise<unknown>[] = [
    tx.objectStore(STORES.meta).put({ key: MARKER, state: 'loading', at: Date.now() }),
  ];
  for (const m of fresh(data.metrics)) writes.push(tx.objectStore(STORES.metrics).put(m));
  for (const g of fresh(data.goals)) writes.push(tx.objectStore(STORES.goals).put(g));
  for (const c of fresh(data.checkIns)) writes.push(tx.objectStore(STORES.checkIns).put(c));
  for (const l of fresh(data.leads)) writes.push(tx.objectStore(STORES.leads).put(l));
  for (const s of fresh(data.channelSpend)) writes.push(tx.objectStore(STORES.channelSpend).put(s));
  await Promise.all([...writes, tx.done]);
  const observations = data.observations.filter((o) => !theirs.has(o.metricId));
  notifyChange({ stores: [STORES.meta] });
  try {
    await ingestObservations(db, observations);
  } catch (error) {
    await deleteExampleRecords(db);
    throw error;
  }
  // Written last: only now does the example count as there.
  await db.put(STORES.meta, { key: MARKER, state: 'complete', at: Date.now() });
  notifyChange({ stores: [...ENTITY_STORES, STORES.meta] });
  return { observations: observations.length };
}

/** Read without loadSettings: a damaged record is the session's to quarantine, not the example's. */
async function storedTimeZone(db: PacerDb): Promise<string> {
  const parsed = Settings.safeParse((await db.get(STORES.settings, 'settings')) ?? {});
  return parsed.success ? parsed.data.timeZone : 'UTC';
}

/** Removes what the example put there (./example-removal.ts); returns what Undo puts back. */
export function removeExampleData(db: PacerDb, now = Date.now()): Promise<ExampleRemovalUndo> {
  return exclusive(() => deleteExampleRecords(db, now));
}

export function putBackExampleData(db: PacerDb, undo: ExampleRemovalUndo): Promise<void> {
  return exclusive(() => undoExampleRemoval(db, undo));
}

export { previewExampleRemoval };
