/**
 * "Remove example data", read and written (the rule of what goes is lib/example/example-removal.ts).
 * `previewExampleRemoval` is what the question counts; `deleteExampleRecords` plans again inside its
 * one write transaction (a value logged from the popup between the question and the click is kept),
 * removes, and returns what it removed so `undoExampleRemoval` can put it back: the records removed
 * (unless one with the same id was written since), the kept records' example mark (unless edited
 * since), and the example values, re-ingested with their ids.
 */
import {
  type ExampleRemovalPlan,
  isExample,
  planExampleRemoval,
  type ValueCounts,
} from '../example/example-removal';
import { ChannelSpend, CheckIn, Goal, Lead, Metric, type Observation, ObservationBlock } from '../schema';
import { blockKeyOf, toObservation } from './blocks';
import { notifyChange } from './changes';
import { type PacerDb, STORES } from './db';
import { ingestObservations, metricBlocksRange } from './observations';
import { ENTITY_STORES, type EntityStore } from './records';
import { refreshRollups } from './rollup-store';

/** Every id the example writes starts with `ex-` (the user's records kept under one are told apart by their mark). */
export const EXAMPLE_RANGE = IDBKeyRange.bound('ex-', 'ex-\uffff');
export const EXAMPLE_MARKER = 'exampleLoad';

type AnyTx = ReturnType<PacerDb['transaction']>;
type Removed = Record<EntityStore, unknown[]>;

export interface ExampleRemovalUndo {
  plan: ExampleRemovalPlan;
  /** Records removed, as they were stored. */
  removed: Removed;
  /** Records kept, as they were before they stopped being marked as example, and as they are now. */
  unmarked: { store: 'metrics' | 'goals'; before: Metric | Goal; after: Metric | Goal }[];
  /** Example values removed, kept KPIs' included. */
  values: Observation[];
}

function parseAll<T>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, raw: unknown[]) {
  return raw.flatMap((r) => {
    const p = schema.safeParse(r);
    return p.success ? [p.data as T] : [];
  });
}

async function readInput(tx: AnyTx) {
  const [metrics, goals, checkIns, leads, channelSpend] = await Promise.all([
    tx.objectStore(STORES.metrics).getAll(),
    tx.objectStore(STORES.goals).getAll(),
    tx.objectStore(STORES.checkIns).getAll(),
    tx.objectStore(STORES.leads).getAll(EXAMPLE_RANGE),
    tx.objectStore(STORES.channelSpend).getAll(EXAMPLE_RANGE),
  ]);
  const input = {
    metrics: parseAll<Metric>(Metric, metrics),
    goals: parseAll<Goal>(Goal, goals),
    checkIns: parseAll<CheckIn>(CheckIn, checkIns),
    leads: parseAll<Lead>(Lead, leads),
    channelSpend: parseAll<ChannelSpend>(ChannelSpend, channelSpend),
  };
  const values = new Map<string, ValueCounts>();
  const blocks = new Map<string, ObservationBlock[]>();
  for (const m of input.metrics.filter(isExample)) {
    const raw = await tx.objectStore(STORES.obsBlocks).getAll(metricBlocksRange(m.id));
    const valid = parseAll<ObservationBlock>(ObservationBlock, raw);
    const counts = { example: 0, yours: 0 };
    for (const b of valid) for (const p of b.points) counts[p.s === 'example' ? 'example' : 'yours']++;
    // A block that fails its schema may hold the user's values: the KPI stays, the block untouched.
    if (valid.length < raw.length) counts.yours += raw.length - valid.length;
    values.set(m.id, counts);
    blocks.set(m.id, valid);
  }
  return { input: { ...input, values }, blocks };
}

/** What removing the example would do now: what the question before it counts. */
export async function previewExampleRemoval(db: PacerDb): Promise<ExampleRemovalPlan> {
  const tx = db.transaction([...ENTITY_STORES, STORES.obsBlocks], 'readonly');
  const { input } = await readInput(tx);
  await tx.done;
  return planExampleRemoval(input);
}

/** Removes what the example put there and nothing else, in one transaction; returns its undo. */
export async function deleteExampleRecords(db: PacerDb, now = Date.now()): Promise<ExampleRemovalUndo> {
  const tx = db.transaction(
    [...ENTITY_STORES, STORES.obsBlocks, STORES.rollups, STORES.meta, STORES.quarantine],
    'readwrite',
  );
  const { input, blocks } = await readInput(tx);
  const plan = planExampleRemoval(input);
  const removed = Object.fromEntries(ENTITY_STORES.map((s) => [s, [] as unknown[]])) as Removed;
  for (const store of ENTITY_STORES) {
    for (const id of plan.remove[store]) {
      const raw = await tx.objectStore(store).get(id);
      if (raw === undefined) continue;
      removed[store].push(raw);
      await tx.objectStore(store).delete(id);
    }
  }
  // What stays becomes the user's: no longer marked, so team sync and a later Remove treat it so.
  const unmarked: ExampleRemovalUndo['unmarked'] = [];
  const unmark = async <R extends Metric | Goal>(store: 'metrics' | 'goals', before: R) => {
    const { example: _, ...rest } = before;
    const after = { ...rest, updatedAt: Math.max(now, before.updatedAt + 1) } as R;
    await tx.objectStore(store).put(after);
    unmarked.push({ store, before, after });
  };
  for (const k of plan.kept) await unmark('metrics', k.metric);
  for (const k of plan.keptGoals) await unmark('goals', k.goal);

  const values: Observation[] = [];
  const removedMetrics = new Set(plan.remove.metrics);
  const keptSeries: { metricId: string; dimKey: string }[] = [];
  for (const [metricId, valid] of blocks) {
    for (const b of valid) for (const p of b.points) if (p.s === 'example') values.push(toObservation(b, p));
    if (removedMetrics.has(metricId)) {
      // Nothing of the user's in it (a damaged block counts as theirs and keeps the KPI): all goes.
      await tx.objectStore(STORES.obsBlocks).delete(metricBlocksRange(metricId));
      await tx.objectStore(STORES.rollups).delete(IDBKeyRange.bound([metricId, ''], [metricId, '\uffff']));
      continue;
    }
    for (const b of valid) {
      const keep = b.points.filter((p) => p.s !== 'example');
      if (keep.length === b.points.length) continue;
      if (keep.length) await tx.objectStore(STORES.obsBlocks).put({ ...b, points: keep });
      else await tx.objectStore(STORES.obsBlocks).delete(blockKeyOf(b));
      if (!keptSeries.some((s) => s.metricId === metricId && s.dimKey === b.dimKey))
        keptSeries.push({ metricId, dimKey: b.dimKey });
    }
  }
  await tx.objectStore(STORES.meta).delete(EXAMPLE_MARKER);
  await tx.done;
  // The kept KPIs' day totals, read again without the example's values.
  await refreshRollups(db, keptSeries);
  notifyChange({ stores: [...ENTITY_STORES, STORES.obsBlocks, STORES.rollups, STORES.meta] });
  return { plan, removed, unmarked, values };
}

/**
 * Puts back what a removal took: records only where nothing with their id was written since, the
 * example mark only on kept records not edited since, and the example values with their ids.
 */
export async function undoExampleRemoval(db: PacerDb, undo: ExampleRemovalUndo): Promise<void> {
  const tx = db.transaction([...ENTITY_STORES, STORES.meta], 'readwrite');
  for (const store of ENTITY_STORES) {
    for (const raw of undo.removed[store]) {
      const id = (raw as { id: string }).id;
      if ((await tx.objectStore(store).getKey(id)) === undefined) await tx.objectStore(store).put(raw);
    }
  }
  for (const u of undo.unmarked) {
    const now = (await tx.objectStore(u.store).get(u.before.id)) as { updatedAt?: number } | undefined;
    if (now?.updatedAt === u.after.updatedAt) await tx.objectStore(u.store).put(u.before);
  }
  // 'loading' while the values go back, as during a load (example-data.ts exampleDataState).
  await tx.objectStore(STORES.meta).put({ key: EXAMPLE_MARKER, state: 'loading', at: Date.now() });
  await tx.done;
  notifyChange({ stores: [...ENTITY_STORES, STORES.meta] });
  if (undo.values.length) await ingestObservations(db, undo.values);
  await db.put(STORES.meta, { key: EXAMPLE_MARKER, state: 'complete', at: Date.now() });
  notifyChange({ stores: [STORES.meta, STORES.obsBlocks, STORES.rollups] });
}
