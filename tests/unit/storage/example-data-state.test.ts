import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/schema';
import { onChange } from '../../../lib/storage/changes';
import { STORES } from '../../../lib/storage/db';
import {
  type ExampleState,
  exampleDataState,
  hasExampleData,
  loadExampleData,
  removeExampleData,
} from '../../../lib/storage/example-data';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb } from './helpers';

/**
 * The example counts as there only once all of it is written (lib/storage/example-data.ts): the
 * options page keeps Remove disabled until then, and a Remove during a load waits for it.
 */
const NOW = Date.UTC(2026, 11, 6, 2);
const EX = IDBKeyRange.bound('ex-', 'ex-\uffff');

async function exampleLeft(db: Awaited<ReturnType<typeof freshDb>>['db']) {
  const counts: Record<string, number> = {};
  for (const store of [STORES.metrics, STORES.goals, STORES.checkIns, STORES.leads, STORES.channelSpend]) {
    counts[store] = (await db.getAllKeys(store, EX)).length;
  }
  counts.obsBlocks = (await db.getAll(STORES.obsBlocks)).filter((b) =>
    String(b.metricId).startsWith('ex-'),
  ).length;
  return counts;
}

describe('example data state', () => {
  it('reads loading while the observations are still being written, complete after the last write', async () => {
    const { db } = await freshDb();
    expect(await exampleDataState(db)).toBe('absent');
    const seen: Promise<[ExampleState, boolean]>[] = [];
    const off = onChange((e) => {
      if (e.stores.includes('meta')) seen.push(Promise.all([exampleDataState(db), hasExampleData(db)]));
    });
    await loadExampleData(db, NOW);
    off();
    const states = await Promise.all(seen);
    // The first notice comes with the metrics written and the observations not yet.
    expect(states[0]).toEqual(['loading', false]);
    expect(states.at(-1)).toEqual(['complete', true]);
    expect(await exampleDataState(db)).toBe('complete');
  });

  it('a Remove pressed during a load waits for it and removes all of it', async () => {
    const { db } = await freshDb();
    const loading = loadExampleData(db, NOW);
    const removing = removeExampleData(db);
    await Promise.all([loading, removing]);
    expect(await exampleDataState(db)).toBe('absent');
    expect(Object.values(await exampleLeft(db)).every((n) => n === 0)).toBe(true);
  });

  it('a load that died with its page reads partial after a while, and Remove cleans it up', async () => {
    const { db } = await freshDb();
    await loadExampleData(db, NOW);
    await db.put(STORES.meta, { key: 'exampleLoad', state: 'loading', at: Date.now() });
    expect(await exampleDataState(db)).toBe('loading');
    expect(await exampleDataState(db, Date.now() + 10 * 60_000)).toBe('partial');
    await removeExampleData(db);
    expect(await exampleDataState(db, Date.now() + 10 * 60_000)).toBe('absent');
    expect(await db.get(STORES.meta, 'exampleLoad')).toBeUndefined();
  });

  it('an example loaded before the marker existed (or restored from a backup) is complete', async () => {
    const { db } = await freshDb();
    await loadExampleData(db, NOW);
    await db.delete(STORES.meta, 'exampleLoad');
    expect(await exampleDataState(db)).toBe('complete');
    const left = await exampleLeft(db);
    expect(left.metrics).toBeGreaterThan(0);
    expect(left.obsBlocks).toBeGreaterThan(0);
  });

  it("writes the example's deadlines on the stored settings' calendar", async () => {
    const { db } = await freshDb();
    await saveSettings(db, defaultSettings({ timeZone: 'Asia/Ho_Chi_Minh' }));
    await loadExampleData(db, NOW);
    const goal = await db.get(STORES.goals, 'ex-kpi-gross-margin');
    // 23:59:59.999 on Dec 31, 2026 in Hà Nội (UTC+7); Jan 1, 2026 00:00 there.
    expect(goal?.deadline).toBe(Date.UTC(2026, 11, 31, 16, 59, 59, 999));
    expect(goal?.startAt).toBe(Date.UTC(2025, 11, 31, 17));
  });
});
