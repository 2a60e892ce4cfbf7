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

export async function hasExampleData(db: PacerDb): Promise<boolean> {
  const raw = await db.get(STORES.metrics, IDBKeyRange.bound('ex-', 'ex-\uffff'));
  return raw !== undefined;
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
  const data = buildExampleData(now, timeZone ?? (await storedTimeZone(db)));
  const tx = db.transaction([...ENTITY_STORES], 'readwrite');
  const writes: Promise<unknown>[] = [];
  for (const m of data.metrics) writes.push(tx.objectStore(STORES.metrics).put(m));
  for (const g of data.goals) writes.push(tx.objectStore(STORES.goals).put(g));
  for (const c of data.checkIns) writes.push(tx.objectStore(STORES.checkIns).put(c));
  for (const l of data.leads) writes.push(tx.objectStore(STORES.leads).put(l));
  for (const s of data.channelSpend) writes.push(tx.objectStore(STORES.channelSpend).put(s));
  await Promise.all([...writes, tx.done]);
  try {
    await ingestObservations(db, data.observations);
  } catch (error) {
    await removeExampleData(db);
    throw error;
  }
  notifyChange({ stores: [...ENTITY_STORES] });
  return { observations: data.observations.length };
}

/** Read without loadSettings: a damaged record is the session's to quarantine, not the example's. */
async function storedTimeZone(db: PacerDb): Promise<string> {
  const parsed = Settings.safeParse((await db.get(STORES.settings, 'settings')) ?? {});
  return parsed.success ? parsed.data.timeZone : 'UTC';
}

export async function removeExampleData(db: PacerDb): Promise<void> {
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
  notifyChange({ stores: [...ENTITY_STORES, STORES.obsBlocks, STORES.rollups] });
}
