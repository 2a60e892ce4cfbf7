import { describe, expect, it } from 'vitest';
import { exportBackup, importBackup, MAX_BACKUP_BYTES, parseBackup } from '../../../lib/storage/backup';
import { ingestObservations } from '../../../lib/storage/observations';
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
