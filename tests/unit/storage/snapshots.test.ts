import { describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../lib/storage/backup';
import { STORES } from '../../../lib/storage/db';
import { ingestObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { listSnapshots, restoreSnapshot, SNAPSHOTS_KEPT_PER_KIND } from '../../../lib/storage/snapshots';
import { freshDb, metric, obs } from './helpers';

// Issue 15, findings 7 and 8: the automatic snapshots are listed, restorable, and do not grow forever.
describe('automatic snapshots', () => {
  it('lists a pre-restore snapshot with its counts and brings the replaced data back', async () => {
    const { db } = await freshDb();
    await repository(db, 'metrics').putMany([metric(), metric({ id: 'leads', name: 'Leads' })]);
    await ingestObservations(
      db,
      Array.from({ length: 12 }, (_, i) => obs(i)),
    );
    const empty = await exportBackup((await freshDb()).db, 1);
    await importBackup(db, empty, 'replace', 1000);
    expect(await db.count(STORES.metrics)).toBe(0);

    const [snap] = await listSnapshots(db);
    expect(snap).toMatchObject({
      id: 'pre-restore-1000',
      kind: 'restore',
      createdAt: 1000,
      counts: { metrics: 2, goals: 0, checkIns: 0, observations: 12 },
      restorable: true,
    });
    await restoreSnapshot(db, 'pre-restore-1000', 2000);
    expect(await db.count(STORES.metrics)).toBe(2);
    expect((await exportBackup(db)).observations).toHaveLength(12);
    // Restoring snapshotted the emptied state too: it can be undone the same way.
    expect((await listSnapshots(db)).map((s) => s.id)).toEqual(['pre-restore-2000', 'pre-restore-1000']);
  });

  it('lists migration snapshots (download only) and keeps the newest few of each kind', async () => {
    const { db } = await freshDb();
    await db.put(STORES.backups, {
      id: 'pre-migration-v1-to-v2-5',
      createdAt: 5,
      reason: 'migration',
      fromVersion: 1,
      toVersion: 2,
      stores: { metrics: [{}], goals: [{}, {}], checkIns: [], observations: [{}, {}, {}], settings: [] },
    });
    const empty = await exportBackup(db, 1);
    for (let i = 0; i < SNAPSHOTS_KEPT_PER_KIND + 2; i++) await importBackup(db, empty, 'replace', 100 + i);
    const list = await listSnapshots(db);
    expect(list.filter((s) => s.kind === 'restore')).toHaveLength(SNAPSHOTS_KEPT_PER_KIND);
    expect(list.filter((s) => s.kind === 'restore').at(-1)?.createdAt).toBe(102);
    expect(list.find((s) => s.kind === 'migration')).toMatchObject({
      counts: { metrics: 1, goals: 2, checkIns: 0, observations: 3 },
      restorable: false,
    });
    await expect(restoreSnapshot(db, 'pre-migration-v1-to-v2-5')).rejects.toThrow(/download it instead/);
  });
});
