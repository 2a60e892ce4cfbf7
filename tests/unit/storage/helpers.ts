import { openDB } from 'idb';
import type { Metric, Observation } from '../../../lib/schema';
import { openPacerDb } from '../../../lib/storage/db';

let counter = 0;
/** A fresh database per test: fake-indexeddb keeps databases for the whole file otherwise. */
export async function freshDb() {
  const name = `pacer-test-${Date.now()}-${counter++}`;
  return { name, db: await openPacerDb(name) };
}

export const T0 = Date.UTC(2026, 2, 1);
export const DAY = 86_400_000;

export function metric(overrides: Partial<Metric> = {}): Metric {
  return {
    id: 'revenue',
    name: 'Revenue',
    unit: { kind: 'currency', currency: 'VND' },
    direction: 'up',
    aggregation: 'sum',
    dimensions: ['channel'],
    source: 'manual',
    archived: false,
    deletedAt: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function obs(i: number, overrides: Partial<Observation> = {}): Observation {
  return {
    id: `o-${i}`,
    metricId: 'revenue',
    time: T0 + i * (DAY / 4),
    value: 1000 + i,
    dims: { channel: ['zalo', 'facebook'][i % 2]! },
    source: 'manual',
    ...overrides,
  };
}

/** Creates a database exactly as Pacer 0.0.x (version 1) left it, from a store-by-store dump. */
export async function createV1Database(name: string, stores: Record<string, unknown[]>) {
  const db = await openDB(name, 1, {
    upgrade(d) {
      d.createObjectStore('metrics', { keyPath: 'id' });
      d.createObjectStore('goals', { keyPath: 'id' });
      d.createObjectStore('observations', { keyPath: 'id' }).createIndex('by-metric-time', [
        'metricId',
        'time',
      ]);
      d.createObjectStore('checkIns', { keyPath: 'id' });
      d.createObjectStore('settings', { keyPath: 'id' });
    },
  });
  for (const [store, rows] of Object.entries(stores)) {
    const tx = db.transaction(store, 'readwrite');
    for (const r of rows) await tx.store.put(r);
    await tx.done;
  }
  db.close();
}

/**
 * Creates a database with Pacer's version-2 layout at `version` (2 or 3: v3 and v4 changed records, not
 * stores; db.ts), from a store-by-store dump — a database as an older Pacer left it.
 */
export async function createV2LayoutDatabase(
  name: string,
  version: 2 | 3,
  stores: Record<string, unknown[]>,
) {
  const db = await openDB(name, version, {
    upgrade(d) {
      d.createObjectStore('metrics', { keyPath: 'id' });
      d.createObjectStore('goals', { keyPath: 'id' }).createIndex('by-parent', 'parentId');
      d.createObjectStore('checkIns', { keyPath: 'id' }).createIndex('by-goal-time', ['goalId', 'time']);
      d.createObjectStore('settings', { keyPath: 'id' });
      for (const s of ['backups', 'quarantine']) d.createObjectStore(s, { keyPath: 'id' });
      for (const s of ['journal', 'meta']) d.createObjectStore(s, { keyPath: 'key' });
      d.createObjectStore('obsBlocks', { keyPath: ['metricId', 'dimKey', 'day'] }).createIndex(
        'by-metric-day',
        ['metricId', 'day'],
      );
      d.createObjectStore('rollups', { keyPath: ['metricId', 'dimKey'] });
      d.createObjectStore('leads', { keyPath: 'id' }).createIndex('by-last-seen', 'lastSeen');
      d.createObjectStore('channelSpend', { keyPath: 'id' }).createIndex('by-channel-period', [
        'channel',
        'periodStart',
      ]);
    },
  });
  for (const [store, rows] of Object.entries(stores)) {
    const tx = db.transaction(store, 'readwrite');
    for (const r of rows) await tx.store.put(r);
    await tx.done;
  }
  db.close();
}
