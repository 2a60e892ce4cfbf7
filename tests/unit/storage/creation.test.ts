import { afterEach, describe, expect, it } from 'vitest';
import type { Goal } from '../../../lib/schema';
import { ingestObservations } from '../../../lib/storage';
import { createRecords, undoCreation } from '../../../lib/storage/creation';
import { STORES } from '../../../lib/storage/db';
import { AlreadyStoredError, repository } from '../../../lib/storage/repository';
import { freshDb, metric, obs, T0 } from './helpers';

const goal = (id: string, extra: Partial<Goal> = {}): Goal => ({
  id,
  kind: 'milestone',
  title: id,
  frameworks: [],
  weight: 1,
  archived: false,
  deletedAt: null,
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

/** Disk full, as IndexedDB reports it: the transaction of the `nth` put (from 1) aborts. */
function failPut(nth: number) {
  const put = IDBObjectStore.prototype.put;
  let n = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const request = put.apply(this, args);
    const tx = this.transaction;
    // As the browser does when the commit does not fit: the transaction aborts once the request is queued.
    if (++n === nth)
      queueMicrotask(() => {
        try {
          tx.abort();
        } catch {}
      });
    return request;
  };
  return () => {
    IDBObjectStore.prototype.put = put;
  };
}
let restorePut: (() => void) | undefined;
afterEach(() => {
  restorePut?.();
  restorePut = undefined;
});

const NOW = T0 + 1000;
// A cascade: two milestones (a year and its quarter) under an existing BHAG, whose trajectory it set.
async function cascade() {
  const { db } = await freshDb();
  const goals = repository(db, 'goals');
  const bhag = goal('bhag', { kind: 'bhag', trajectory: 'linear' });
  await goals.put(bhag);
  const year = goal('y', { parentId: 'bhag', createdAt: NOW, updatedAt: NOW });
  const quarter = goal('q', { parentId: 'y', createdAt: NOW, updatedAt: NOW });
  const phased = { ...bhag, trajectory: 'phased' as const, updatedAt: NOW };
  const creation = await createRecords(db, 'goals', [year, quarter], [{ before: bhag, after: phased }]);
  return { db, goals, bhag, creation };
}

describe('undoing a creation', () => {
  it('removes what it made for good, nothing in the trash, and puts the changed goal back', async () => {
    const { db, goals, bhag, creation } = await cascade();
    expect((await goals.get('bhag'))?.trajectory).toBe('phased');
    const undone = await undoCreation(db, creation, NOW + 5);
    expect(undone).toEqual({ purged: ['y', 'q'], trashed: [], putBack: ['bhag'] });
    const all = await goals.list({ includeDeleted: true });
    // Before, the milestones stayed as deleted records: "Recently deleted" listed them.
    expect(all.map((g) => g.id)).toEqual(['bhag']);
    expect(all[0]).toEqual({ ...bhag, updatedAt: NOW + 5 });
  });

  it('never writes over a record that exists, so its undo cannot remove it', async () => {
    const { db, goals } = await cascade();
    const err = await createRecords(db, 'goals', [
      goal('new-one'),
      goal('bhag', { title: 'Imposter' }),
    ]).catch((e) => e);
    expect(err).toBeInstanceOf(AlreadyStoredError);
    // Nothing of it was written, the BHAG is as it was.
    expect(await goals.get('new-one')).toBeUndefined();
    expect((await goals.get('bhag'))?.title).toBe('bhag');
    // Even in the trash: an id there is the user's.
    await goals.softDelete(['bhag']);
    await expect(createRecords(db, 'goals', [goal('bhag')])).rejects.toBeInstanceOf(AlreadyStoredError);
  });

  it('trashes instead what became the user’s: edited since, or with a sub-goal or a check-in added', async () => {
    const { db, goals, creation } = await cascade();
    // A sub-goal added under the quarter since: the quarter and the year it hangs from stay (trashed).
    await goals.put(goal('mine', { parentId: 'q', createdAt: NOW + 2, updatedAt: NOW + 2 }));
    // And the BHAG edited since: the user's edit wins over the undo.
    await goals.put({ ...(await goals.get('bhag'))!, title: 'Edited', updatedAt: NOW + 3 });
    const undone = await undoCreation(db, creation, NOW + 5);
    expect(undone).toEqual({ purged: [], trashed: ['y', 'q'], putBack: [] });
    const all = await goals.list({ includeDeleted: true });
    expect(all.find((g) => g.id === 'q')?.deletedAt).toBe(NOW + 5);
    expect(all.find((g) => g.id === 'y')?.deletedAt).toBe(NOW + 5);
    expect(all.find((g) => g.id === 'mine')?.deletedAt).toBeNull();
    expect(all.find((g) => g.id === 'bhag')).toMatchObject({ title: 'Edited', trajectory: 'phased' });

    const second = await cascade();
    await second.goals.put({ ...(await second.goals.get('q'))!, title: 'Renamed', updatedAt: NOW + 1 });
    await repository(second.db, 'checkIns').put({
      id: 'ci',
      goalId: 'y',
      time: NOW,
      confidence: 'on_track',
      deletedAt: null,
    });
    const again = await undoCreation(second.db, second.creation, NOW + 5);
    expect(again.trashed.sort()).toEqual(['q', 'y']);
  });

  it('is one transaction: a write that fails midway changes nothing', async () => {
    const { db, goals, creation } = await cascade();
    const before = await goals.list({ includeDeleted: true });
    restorePut = failPut(1);
    await expect(undoCreation(db, creation, NOW + 5)).rejects.toThrow();
    restorePut();
    restorePut = undefined;
    expect(await goals.list({ includeDeleted: true })).toEqual(before);
  });

  it('removes a KPI made from a template, but keeps one that values were logged to since', async () => {
    const { db } = await freshDb();
    const metrics = repository(db, 'metrics');
    const made = [
      metric({ id: 'm-a', createdAt: NOW, updatedAt: NOW }),
      metric({ id: 'm-b', createdAt: NOW, updatedAt: NOW }),
    ];
    const creation = await createRecords(db, 'metrics', made);
    await ingestObservations(db, [obs(1, { metricId: 'm-b' })]);
    const undone = await undoCreation(db, creation, NOW + 5);
    expect(undone).toEqual({ purged: ['m-a'], trashed: ['m-b'], putBack: [] });
    expect((await metrics.list({ includeDeleted: true })).map((m) => [m.id, m.deletedAt])).toEqual([
      ['m-b', NOW + 5],
    ]);
    expect(await db.count(STORES.obsBlocks)).toBe(1);
  });
});

describe('repository update', () => {
  it('reads and writes in one transaction: a failed write leaves every record as it was', async () => {
    const { db } = await freshDb();
    const goals = repository(db, 'goals');
    await goals.putMany([
      goal('a', { deletedAt: 5 }),
      goal('b', { deletedAt: 5 }),
      goal('c', { deletedAt: 5 }),
    ]);
    restorePut = failPut(2);
    await expect(goals.update((all) => all.map((g) => ({ ...g, deletedAt: null })))).rejects.toThrow();
    restorePut();
    restorePut = undefined;
    expect((await goals.list({ includeDeleted: true })).map((g) => g.deletedAt)).toEqual([5, 5, 5]);
    const written = await goals.update((all) =>
      all.filter((g) => g.id !== 'b').map((g) => ({ ...g, deletedAt: null })),
    );
    expect(written.map((g) => g.id)).toEqual(['a', 'c']);
    expect((await goals.list()).map((g) => g.id)).toEqual(['a', 'c']);
  });
});
