import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createConnection } from '../../../lib/storage/connection';
import { DB_VERSION } from '../../../lib/storage/db';
import { exportRawDatabase } from '../../../lib/storage/raw-export';

// Issue 15, finding 9: a failed migration must name its error and leave a way to get the old data out.
describe('a failed migration', () => {
  it('rejects with the error, leaves the old database untouched, and the raw export holds every record', async () => {
    const name = `pacer-broken-${Date.now()}`;
    // A v1 database missing its checkIns store: the v1 → v2 migration cannot read it and aborts.
    const old = await openDB(name, 1, {
      upgrade(d) {
        d.createObjectStore('metrics', { keyPath: 'id' });
        d.createObjectStore('goals', { keyPath: 'id' });
        d.createObjectStore('observations', { keyPath: 'id' });
        d.createObjectStore('settings', { keyPath: 'id' });
      },
    });
    await old.put('goals', { id: 'g1', title: 'Quarter revenue', target: 100 });
    await old.put('observations', { id: 'o1', metricId: 'm', time: 1, value: 5 });
    old.close();

    const get = createConnection(name);
    await expect(get()).rejects.toThrow(
      /^Updating Pacer's database from version 1 to \d+ failed — NotFoundError: /,
    );
    // The next call tries again instead of caching the failure (the user may fix the cause).
    await expect(get()).rejects.toThrow();

    const dump = await exportRawDatabase(name, 5);
    expect(dump).toMatchObject({ format: 'pacer-raw-dump', version: 1, exportedAt: 5 });
    expect(Object.keys(dump.stores).sort()).toEqual(['goals', 'metrics', 'observations', 'settings']);
    expect(dump.stores.goals).toEqual([
      { key: 'g1', value: { id: 'g1', title: 'Quarter revenue', target: 100 } },
    ]);
    expect(dump.stores.observations).toHaveLength(1);
    expect(DB_VERSION).toBeGreaterThan(1);
  });
});
