import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, settings } from '../../../components/app/session';
import { restoreGoals, undoRestore } from '../../../components/newtab/goal-delete';
import { trashGroups } from '../../../lib/app/goal-delete';
import { defaultSettings, type Goal } from '../../../lib/schema';
import { STORES } from '../../../lib/storage/db';
import { repository } from '../../../lib/storage/repository';

// The surfaces' own functions against the page's database (fake IndexedDB): what Recently deleted and
// the toast's Undo do.
const goal = (id: string, extra: Partial<Goal> = {}): Goal => ({
  id,
  kind: 'milestone',
  title: id,
  frameworks: [],
  weight: 1,
  archived: false,
  deletedAt: null,
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

const goals = async () => repository(await getDb(), 'goals');
const stored = async () =>
  Object.fromEntries(
    (await (await goals()).list({ includeDeleted: true })).map((g) => [g.id, [g.parentId, g.deletedAt]]),
  );

beforeEach(async () => {
  settings.value = defaultSettings({ locale: 'en' });
  await (await getDb()).clear(STORES.goals);
});

describe('Recently deleted: a sub-goal whose parent is in the trash too', () => {
  // "2026" went to the trash with Q1 (one delete); Q2 had been deleted on its own before.
  async function seed() {
    await (await goals()).putMany([
      goal('bhag', { kind: 'bhag' }),
      goal('y2026', { parentId: 'bhag', title: '2026: ₫70B revenue', deletedAt: 50 }),
      goal('q1', { parentId: 'y2026', deletedAt: 50 }),
      goal('q2', { parentId: 'y2026', deletedAt: 40 }),
    ]);
  }

  it('comes back with it, whole, instead of orphaned under a goal still in the trash', async () => {
    await seed();
    const row = trashGroups(await (await goals()).list({ includeDeleted: true }), 'en').find(
      (r) => r.id === 'q2',
    )!;
    expect(row.parentInTrash).toBe('2026: ₫70B revenue');
    await restoreGoals(row.ids, { withAncestors: true });
    // Before: only Q2 came back, under "2026" still in the trash.
    expect(await stored()).toEqual({
      bhag: [undefined, null],
      y2026: ['bhag', null],
      q1: ['y2026', null],
      q2: ['y2026', null],
    });
  });

  it('is undone into the rows it came from', async () => {
    await seed();
    const before = await stored();
    const plan = await restoreGoals(['q2'], { withAncestors: true });
    await undoRestore(plan);
    expect(await stored()).toEqual(before);
    expect(trashGroups(await (await goals()).list({ includeDeleted: true }), 'en').map((r) => r.id)).toEqual([
      'y2026',
      'q2',
    ]);
  });

  it('restores nothing when the write fails midway (one transaction)', async () => {
    await seed();
    const before = await stored();
    const put = IDBObjectStore.prototype.put;
    let n = 0;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      const request = put.apply(this, args);
      const tx = this.transaction;
      if (++n === 2) queueMicrotask(() => tx.abort());
      return request;
    };
    try {
      await expect(restoreGoals(['q2'], { withAncestors: true })).rejects.toThrow();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await stored()).toEqual(before);
  });
});
