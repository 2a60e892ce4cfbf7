import * as z from 'zod/mini';
import { buildExampleData } from '../example/example-data';
import { Settings } from '../schema';
import { notifyChange } from './changes';
import { type PacerDb, STORES } from './db';
import { ingestObservations } from './observations';
import { ENTITY_STORES } from './records';
import { readValid } from './repository';

/**
 * The example dataset lives beside the user's own data, every record marked (`example: true`, ids
 * starting with `ex-`), so "Remove example data" deletes exactly those and nothing else.
 */
const isExample = (r: { id: string; example?: boolean }) => r.example === true && r.id.startsWith('ex-');

/**
 * Where the example stands. Its metrics are written first and its observations take seconds more, so
 * "the metrics exist" is not "the example is there": a marker in `meta` says 'loading' from the first
 * write and 'complete' after the last. No marker beside example records is an example loaded before the
 * marker existed (or restored from a backup): complete. A 'loading' marker older than LOAD_STALE_MS is
 * a load that died with its page (tab closed mid-load): 'partial', which Remove cleans up.
 */
export type ExampleState = 'absent' | 'loading' | 'partial' | 'complete';

const MARKER = 'exampleLoad';
const LOAD_STALE_MS = 120_000;
const ExampleMarker = z.object({
  key: z.literal(MARKER),
  state: z.enum(['loading', 'complete']),
  at: z.number(),
});

export async function exampleDataState(db: PacerDb, now = Date.now()): Promise<ExampleState> {
  const [metric, raw] = await Promise.all([
    db.get(STORES.metrics, IDBKeyRange.bound('ex-', 'ex-\uffff')),
    db.get(STORES.meta, MARKER),
  ]);
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
  // In the same transaction as the metrics: no moment where they exist without the 'loading' marker.
  const writes: Promise<unknown>[] = [
    tx.objectStore(STORES.meta).put({ key: MARKER, state: 'loading', at: Date.now() }),
  ];
  for (const m of data.metrics) writes.push(tx.objectStore(STORES.metrics).put(m));
  for (const g of data.goals) writes.push(tx.objectStore(STORES.goals).put(g));
  for (const c of data.checkIns) writes.push(tx.objectStore(STORES.checkIns).put(c));
  for (const l of data.leads) writes.push(tx.objectStore(STORES.leads).put(l));
  for (const s of data.channelSpend) writes.push(tx.objectStore(STORES.channelSpend).put(s));
  await Promise.all([...writes, tx.done]);
  notifyChange({ stores: [STORES.meta] });
  try {
    await ingestObservations(db, data.observations);
  } catch (error) {
    await deleteExampleData(db);
    throw error;
  }
  // Written last: only now does the example count as there.
  await db.put(STORES.meta, { key: MARKER, state: 'complete', at: Date.now() });
  notifyChange({ stores: [...ENTITY_STORES, STORES.meta] });
  return { observations: data.observations.length };
}

/** Read without loadSettings: a damaged record is the session's to quarantine, not the example's. */
async function storedTimeZone(db: PacerDb): Promise<string> {
  const parsed = Settings.safeParse((await db.get(STORES.settings, 'settings')) ?? {});
  return parsed.success ? parsed.data.timeZone : 'UTC';
}

export function removeExampleData(db: PacerDb): Promise<void> {
  return exclusive(() => deleteExampleData(db));
}

async function deleteExampleData(db: PacerDb): Promise<void> {
  const exampleMetricIds: string[] = [];
  for (const store of ENTITY_STORES) {
    const all = await readValid(db, store, await db.getAll(store, IDBKeyRange.bound('ex-', 'ex-\uffff')));
    const ids = all.filter(isExample).map((r) => r.id);
    if (store === 'metrics') exampleMetricIds.push(...ids);
    const tx = db.transaction(store, 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  }
  const tx = db.transaction([STORES.obsBlocks, STORES.rollups], 'readwrite');
  for (const id of exampleMetricIds) {
    await tx
      .objectStore(STORES.obsBlocks)
      .delete(IDBKeyRange.bound([id, '', 0], [id, '\uffff', 8_640_000_000_000]));
    await tx.objectStore(STORES.rollups).delete(IDBKeyRange.bound([id, ''], [id, '\uffff']));
  }
  await tx.done;
  // Last, so an interrupted remove still reads as 'partial' or 'complete' and can be pressed again.
  await db.delete(STORES.meta, MARKER);
  notifyChange({ stores: [...ENTITY_STORES, STORES.obsBlocks, STORES.rollups, STORES.meta] });
}
