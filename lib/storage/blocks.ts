import { dimKey, type Observation, type ObservationBlock, type StoredPoint } from '../schema';

/** Pure helpers for the block layout of observations (see lib/schema/observation.ts). */
export const DAY_MS = 86_400_000;

export const utcDay = (t: number): number => t - (((t % DAY_MS) + DAY_MS) % DAY_MS);

export type BlockKey = [metricId: string, dimKey: string, day: number];

export const blockKeyOf = (b: Pick<ObservationBlock, 'metricId' | 'dimKey' | 'day'>): BlockKey => [
  b.metricId,
  b.dimKey,
  b.day,
];
export const blockKeyString = (k: BlockKey): string => `${k[0]}\u0000${k[1]}\u0000${k[2]}`;

export function toStoredPoint(o: Observation): StoredPoint {
  const p: StoredPoint = { id: o.id, t: o.time, v: o.value, s: o.source };
  if (o.note !== undefined && o.note !== '') p.n = o.note;
  return p;
}

export function toObservation(block: ObservationBlock, p: StoredPoint): Observation {
  const o: Observation = {
    id: p.id,
    metricId: block.metricId,
    time: p.t,
    value: p.v,
    dims: block.dims,
    source: p.s,
  };
  if (p.n !== undefined) o.note = p.n;
  return o;
}

/** Groups validated observations into the blocks they belong to (later duplicates win). */
export function groupIntoBlocks(observations: readonly Observation[]): Map<string, ObservationBlock> {
  const out = new Map<string, ObservationBlock>();
  for (const o of observations) {
    const key: BlockKey = [o.metricId, dimKey(o.dims), utcDay(o.time)];
    const k = blockKeyString(key);
    let block = out.get(k);
    if (!block) {
      block = { metricId: key[0], dimKey: key[1], day: key[2], dims: o.dims, points: [] };
      out.set(k, block);
    }
    block.points.push(toStoredPoint(o));
  }
  return out;
}

export interface MergeResult {
  block: ObservationBlock;
  added: number;
  /** Points whose id was there already (rewritten), the unchanged ones included. */
  replaced: number;
  /** Of `replaced`, points written again exactly as they were (same time, value, source and note). */
  unchanged: number;
}

/** Merges incoming points into an existing block by point id: a re-import replaces, never duplicates. */
export function mergeBlock(existing: ObservationBlock | undefined, incoming: ObservationBlock): MergeResult {
  if (!existing) {
    const byId = new Map(incoming.points.map((p) => [p.id, p]));
    const points = [...byId.values()].sort(byTime);
    return { block: { ...incoming, points }, added: points.length, replaced: 0, unchanged: 0 };
  }
  const byId = new Map(existing.points.map((p) => [p.id, p]));
  let added = 0;
  let replaced = 0;
  let unchanged = 0;
  const seen = new Set<string>();
  for (const p of incoming.points) {
    const old = byId.get(p.id);
    if (old && !seen.has(p.id)) {
      replaced++;
      if (old.t === p.t && old.v === p.v && old.s === p.s && old.n === p.n) unchanged++;
    } else if (!old) added++;
    seen.add(p.id);
    byId.set(p.id, p);
  }
  return { block: { ...existing, points: [...byId.values()].sort(byTime) }, added, replaced, unchanged };
}

const byTime = (a: StoredPoint, b: StoredPoint) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
