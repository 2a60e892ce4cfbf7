// Bench page for Pacer's observation storage, bundled by scripts/bench.mjs and driven from
// tests/bench/storage.bench.mjs. Each step runs on a fresh database and reports its own wall time, so
// Pacer's layer (validation, per-day blocks, rollups) is compared with the plainest IndexedDB loop
// over the very same records.
import type { Observation } from '../../../lib/schema';
import { openPacerDb } from '../../../lib/storage/db';
import { readValuesPage } from '../../../lib/storage/observation-pages';
import { ingestObservations, readObservations } from '../../../lib/storage/observations';
import { isYourValue } from '../../../lib/team/whose-values';

const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const SPAN_MS = 540 * DAY_MS;
const CHANNELS = ['facebook', 'google', 'zalo'] as const;
const RAW_BATCH = 1_000;

export interface MetricLayout {
  metricId: string;
  points: number;
}

export interface StepResult {
  rows: number;
  ms: number;
}

/** 200,000 rows: one large metric (a range read of 100,000 needs one) and 18 smaller ones. */
export const STANDARD_LAYOUT: MetricLayout[] = [
  { metricId: 'm-revenue', points: 110_000 },
  ...Array.from({ length: 18 }, (_, i) => ({
    metricId: `m-${String(i + 1).padStart(2, '0')}`,
    points: 5_000,
  })),
];

/** 1,000,000 rows: 20 metrics × 50,000 points. */
export const LARGE_LAYOUT: MetricLayout[] = Array.from({ length: 20 }, (_, i) => ({
  metricId: `m-${String(i + 1).padStart(2, '0')}`,
  points: 50_000,
}));

/** Spacing of a metric's points over the 540 days: an integer, so windows can be cut exactly. */
const stepOf = (points: number) => Math.floor(SPAN_MS / points);

/** Small deterministic PRNG (mulberry32): same values on every run and machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function makeObservations(layout: readonly MetricLayout[]): Observation[] {
  const random = prng(42);
  const out: Observation[] = [];
  for (const { metricId, points } of layout) {
    const step = stepOf(points);
    for (let i = 0; i < points; i++) {
      out.push({
        id: `${metricId}-${i}`,
        metricId,
        time: START + i * step,
        value: Math.round(random() * 1_000_000) / 100,
        dims: { channel: CHANNELS[i % CHANNELS.length] },
        source: 'import',
      });
    }
  }
  return out;
}

/** The window holding exactly the first `count` points of a metric in the layout. */
export function windowOf(layout: readonly MetricLayout[], metricId: string, count: number) {
  const metric = layout.find((m) => m.metricId === metricId);
  if (!metric || metric.points < count) throw new Error(`${metricId} has fewer than ${count} points`);
  return { from: START, to: START + count * stepOf(metric.points) };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

async function deleteDb(name: string): Promise<void> {
  await request(indexedDB.deleteDatabase(name));
}

function openRawDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    const store = req.result.createObjectStore('obs', { keyPath: 'id' });
    store.createIndex('metric_time', ['metricId', 'time']);
  };
  return request(req);
}

let cached: { key: string; observations: Observation[] } | null = null;
function dataset(name: 'standard' | 'large'): Observation[] {
  if (cached?.key !== name) {
    cached = null; // let the old array go before building the next one
    cached = { key: name, observations: makeObservations(name === 'large' ? LARGE_LAYOUT : STANDARD_LAYOUT) };
  }
  return cached.observations;
}

const log = (line: string) => console.log(`[bench] ${line}`);

/** Raw baseline: puts of the plain records in transactions of 1,000, one transaction after another. */
async function ingestRaw(dbName: string): Promise<StepResult> {
  const observations = dataset('standard');
  await deleteDb(dbName);
  const db = await openRawDb(dbName);
  const t0 = performance.now();
  for (let i = 0; i < observations.length; i += RAW_BATCH) {
    const tx = db.transaction('obs', 'readwrite');
    const store = tx.objectStore('obs');
    const end = Math.min(i + RAW_BATCH, observations.length);
    for (let j = i; j < end; j++) store.put(observations[j]);
    await done(tx);
  }
  const ms = performance.now() - t0;
  db.close();
  return { rows: observations.length, ms };
}

async function readRaw(dbName: string, metricId: string, count: number): Promise<StepResult> {
  const { from, to } = windowOf(STANDARD_LAYOUT, metricId, count);
  const db = await openRawDb(dbName);
  const t0 = performance.now();
  const tx = db.transaction('obs', 'readonly');
  const rows = await request(
    tx
      .objectStore('obs')
      .index('metric_time')
      .getAll(IDBKeyRange.bound([metricId, from], [metricId, to], false, true)),
  );
  const ms = performance.now() - t0;
  db.close();
  return { rows: rows.length, ms };
}

async function ingestPacer(dbName: string, which: 'standard' | 'large' = 'standard'): Promise<StepResult> {
  const observations = dataset(which);
  await deleteDb(dbName);
  const db = await openPacerDb(dbName);
  // One line each time another tenth is crossed (a chunk may cross two tenths at once).
  let lastTenth = 0;
  const t0 = performance.now();
  const result = await ingestObservations(db, observations, {
    onProgress: (doneRows, total) => {
      const tenth = total > 0 ? Math.floor((doneRows * 10) / total) : 10;
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      const pct = Math.round((doneRows * 100) / total);
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      log(`progress ${pct}% (${doneRows.toLocaleString('en')} of ${total.toLocaleString('en')}, ${secs} s)`);
    },
  });
  const ms = performance.now() - t0;
  db.close();
  if (result.written !== observations.length) {
    throw new Error(`ingest wrote ${result.written} of ${observations.length} observations`);
  }
  return { rows: result.written, ms };
}

async function readPacer(dbName: string, metricId: string, count: number): Promise<StepResult> {
  const window = windowOf(STANDARD_LAYOUT, metricId, count);
  const db = await openPacerDb(dbName);
  const t0 = performance.now();
  const rows = await readObservations(db, metricId, window);
  const ms = performance.now() - t0;
  db.close();
  return { rows: rows.length, ms };
}

/**
 * The values list of a large KPI as the UI reads it (lib/app/kpi-values.ts loadValueRows): only your
 * values, the first page of 50 and the tenth "Show older values" (500), newest first; and the worst
 * case, a KPI whose values are all a teammate's, where the walk skips every one of them.
 */
async function valuesPages(
  dbName: string,
  metricId: string,
): Promise<{ first: StepResult; tenth: StepResult; noneYours: StepResult }> {
  const db = await openPacerDb(dbName);
  const read = async (limit: number, keep: (o: Observation) => boolean = isYourValue) => {
    const t0 = performance.now();
    const page = await readValuesPage(db, metricId, { limit, keep });
    return { rows: page.observations.length, ms: performance.now() - t0 };
  };
  const first = await read(50);
  const tenth = await read(500);
  const noneYours = await read(50, () => false);
  db.close();
  return { first, tenth, noneYours };
}

async function estimate(): Promise<{ usageMb: number | null }> {
  const e = await navigator.storage?.estimate?.();
  return { usageMb: e?.usage === undefined ? null : Math.round(e.usage / 1e5) / 10 };
}

const api = { ingestRaw, readRaw, ingestPacer, readPacer, valuesPages, deleteDb, estimate, ready: true };
(globalThis as unknown as { pacerBench: typeof api }).pacerBench = api;
