import { describe, expect, it } from 'vitest';
import {
  exportBackup,
  importBackup,
  MAX_BACKUP_BYTES,
  parseBackup,
  type RestoreSnapshot,
} from '../../../lib/storage/backup';
import { STORES } from '../../../lib/storage/db';
import { ingestObservations } from '../../../lib/storage/observations';
import { listQuarantine } from '../../../lib/storage/quarantine';
import { repository } from '../../../lib/storage/repository';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb, metric, obs } from './helpers';

async function seed() {
  const { db } = await freshDb();
  await saveSettings(db, { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' });
  await repository(db, 'metrics').putMany([
    metric(),
    metric({ id: 'leads', name: 'Leads', unit: { kind: 'count' } }),
  ]);
  await repository(db, 'goals').put({
    id: 'g1',
    kind: 'kpi_target',
    title: 'Doanh thu quý 4',
    frameworks: ['smart'],
    metricId: 'revenue',
    target: 5e9,
    weight: 1,
    archived: false,
    deletedAt: null,
    createdAt: 1,
    updatedAt: 2,
  });
  await ingestObservations(
    db,
    Array.from({ length: 25 }, (_, i) => obs(i)),
  );
  return db;
}

describe('backup and restore', () => {
  it('export → wipe → import gives identical data', async () => {
    const db = await seed();
    const exported = await exportBackup(db, 42);
    const text = JSON.stringify(exported);
    const { db: empty } = await freshDb();
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const summary = await importBackup(empty, parsed.backup, 'replace');
    expect(summary.counts).toMatchObject({ metrics: 2, goals: 1, observations: 25 });
    expect(await exportBackup(empty, 42)).toEqual(exported);
  });

  it('lists every problem with its path and writes nothing', async () => {
    const db = await seed();
    const before = await exportBackup(db, 1);
    const broken = structuredClone(before) as unknown as {
      goals: Record<string, unknown>[];
      observations: Record<string, unknown>[];
    };
    broken.goals[0]!.target = 'five billion';
    broken.observations[3]!.time = 'not a date';
    const result = parseBackup(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.stringMatching(/^goals\[0\]\.target: .*number/),
      expect.stringMatching(/^observations\[3\]\.time: /),
    ]);
    expect(await exportBackup(db, 1)).toEqual(before);
  });

  it('gives specific errors for files that are not backups', () => {
    expect(parseBackup('{"a": ')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^This file is not JSON/)],
    });
    expect(parseBackup('[1,2]')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/not a Pacer backup/)],
    });
    expect(parseBackup('{"format":"pacer-backup","version":9}')).toMatchObject({
      ok: false,
      problems: ['This backup has version 9; this Pacer reads version 1.'],
    });
    const huge = `{"format":"pacer-backup","pad":"${'x'.repeat(MAX_BACKUP_BYTES)}"}`;
    expect(parseBackup(huge)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/at most 50 MB/)],
    });
  });

  it('rejects duplicate ids instead of silently keeping one', async () => {
    const db = await seed();
    const b = await exportBackup(db, 1);
    b.metrics.push({ ...b.metrics[0]! });
    const r = parseBackup(JSON.stringify(b));
    expect(r).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^metrics\[2\]\.id: "\w+" is also used by metrics\[0\]/)],
    });
  });

  it('merge keeps existing records and replaces same-id ones', async () => {
    const db = await seed();
    const b = await exportBackup(db, 1);
    const { db: other } = await freshDb();
    await repository(other, 'metrics').put(metric({ id: 'mine', name: 'Mine' }));
    await repository(other, 'metrics').put(metric({ id: 'revenue', name: 'Old name' }));
    await importBackup(other, b, 'merge');
    const names = (await repository(other, 'metrics').list()).map((m) => m.name).sort();
    expect(names).toEqual(['Leads', 'Mine', 'Revenue']);
  });
});

describe("merge restores last week's file without undoing today's edits", () => {
  it('keeps a record changed after the backup, and snapshots the data first', async () => {
    const db = await seed();
    const file = await exportBackup(db, 1);
    // The goal's target is edited after the backup was made.
    const goals = repository(db, 'goals');
    const g = (await goals.list())[0]!;
    await goals.put({ ...g, target: 3.5e9, updatedAt: (g.updatedAt ?? 0) + 1000 });
    const summary = await importBackup(db, file, 'merge', 50);
    expect(summary.keptNewer).toBe(1);
    expect((await goals.list()).find((x) => x.id === g.id)?.target).toBe(3.5e9);
    // The data as it was before the restore is in the snapshots, for a merge as for a replace.
    expect(summary.snapshotId).toBe('pre-restore-50');
    const snap = (await db.get(STORES.backups, 'pre-restore-50')) as RestoreSnapshot;
    expect(snap.data.goals.find((x) => x.id === g.id)?.target).toBe(3.5e9);
  });
});

// Issue 15, finding 2: a damaged record about to be overwritten or cleared goes to quarantine first.
describe('restore never loses damaged records', () => {
  const damagedBlock = {
    metricId: 'revenue',
    dimKey: 'channel=zalo',
    day: Date.UTC(2026, 2, 1),
    dims: { channel: 'zalo' },
    points: [{ id: 'kept', t: Date.UTC(2026, 2, 1), v: 'nine', s: 'manual' }],
  };
  const damagedGoal = { id: 'g-damaged', kind: 'kpi_target', title: 42 };

  it('merge over a damaged block quarantines the block as it was', async () => {
    const db = await seed();
    const file = await exportBackup(db, 5);
    const key = [damagedBlock.metricId, damagedBlock.dimKey, damagedBlock.day];
    const existing = (await db.get(STORES.obsBlocks, key)) as { points: unknown[] };
    const damaged = { ...damagedBlock, points: [...existing.points, ...damagedBlock.points] };
    await db.put(STORES.obsBlocks, damaged);
    expect(await listQuarantine(db)).toHaveLength(0);
    const summary = await importBackup(db, file, 'merge', 7);
    expect(summary.quarantined).toBe(1);
    const q = await listQuarantine(db);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ store: 'obsBlocks', key, value: damaged, origin: 'restore' });
    expect(q[0]!.problems).toEqual(['points[2].v: expected number, received text "nine"']);
  });

  it('replace quarantines a damaged, never-read goal and keeps it in the pre-restore snapshot', async () => {
    const db = await seed();
    await db.put(STORES.goals, damagedGoal);
    const small = await exportBackup(await freshDb().then((f) => f.db), 9);
    const summary = await importBackup(db, small, 'replace', 11);
    expect(summary).toMatchObject({ quarantined: 1, snapshotId: 'pre-restore-11' });
    expect(await db.count(STORES.goals)).toBe(0);
    const q = await listQuarantine(db);
    expect(q.map((e) => [e.store, e.key, e.value])).toEqual([['goals', 'g-damaged', damagedGoal]]);
    const snap = (await db.get(STORES.backups, 'pre-restore-11')) as RestoreSnapshot;
    expect(snap.data.goals.map((g) => g.id)).toEqual(['g1']);
    expect(snap.data.observations).toHaveLength(25);
    expect(snap.invalid.map((e) => e.value)).toEqual([damagedGoal]);
  });

  it('gives each occurrence its own quarantine entry', async () => {
    const db = await seed();
    const file = await exportBackup(db, 5);
    await db.put(STORES.goals, { ...damagedGoal, id: 'g1' });
    await importBackup(db, file, 'merge', 7);
    await db.put(STORES.goals, { ...damagedGoal, id: 'g1', title: 43 });
    await importBackup(db, file, 'merge', 7);
    const q = await listQuarantine(db);
    expect(q.map((e) => (e.value as { title: number }).title).sort()).toEqual([42, 43]);
  });
});
