import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalDirection } from '../../../lib/engine/goal-type';
import { Goal, Metric } from '../../../lib/schema';
import { type BackupFile, exportBackup, importBackup, parseBackup } from '../../../lib/storage/backup';
import { upgradeBackupJson } from '../../../lib/storage/backup-upgrade';
import { DB_VERSION, openPacerDb, STORES } from '../../../lib/storage/db';
import { OLDEST_BACKUP_DB_VERSION, RECORD_STEPS } from '../../../lib/storage/migrations/record-steps';
import { restoreSnapshot, SnapshotError } from '../../../lib/storage/snapshots';
import { createV2LayoutDatabase, freshDb } from './helpers';

/**
 * Restoring a backup written under an older database version runs the upgrade's own record rules on it
 * (lib/storage/backup-upgrade.ts). The fixtures are backups as the older Pacers wrote them: made by
 * running that commit's exportBackup (tests/fixtures/backup/README.md).
 */
const fixture = (file: string) => readFileSync(join(process.cwd(), 'tests/fixtures', file), 'utf8');
const V3_TEXT = fixture('backup/v3-pack-ad-spend-2026-12-05.json');
const V2_TEXT = fixture('backup/v2-before-goal-types-2026-09-28.json');
const V3_DB = JSON.parse(fixture('db/v3-pack-ad-spend-2026-12.json')) as {
  stores: Record<string, unknown[]>;
};
const V2_DB = JSON.parse(fixture('db/v2-before-goal-types-2026-09.json')) as {
  stores: Record<string, unknown[]>;
};
const V3_FILE = JSON.parse(V3_TEXT) as BackupFile;
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

function parsed(text: string) {
  const r = parseBackup(text);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r;
}

async function records(db: Awaited<ReturnType<typeof openPacerDb>>) {
  return {
    metrics: (await db.getAll(STORES.metrics)).map((m) => Metric.parse(m)).sort(byId),
    goals: (await db.getAll(STORES.goals)).map((g) => Goal.parse(g)).sort(byId),
  };
}

/** What a card reads as a goal's way: its type, direction and keep side, against its KPI as stored. */
function ways(goals: Goal[], metrics: Metric[]) {
  const m = new Map(metrics.map((x) => [x.id, x]));
  return Object.fromEntries(
    goals.map((g) => [g.id, goalDirection(g, g.metricId ? m.get(g.metricId) : undefined)]),
  );
}

describe('restoring a backup made under an older database version', () => {
  it('a v3 backup comes back as v4 reads it: the pack’s ad spend neutral, each goal’s way written on it', async () => {
    const r = parsed(V3_TEXT);
    const { db } = await freshDb();
    await importBackup(db, r.backup, 'replace', 5_000);
    const { metrics, goals } = await records(db);

    expect(metrics.find((m) => m.id === 'k-ad-spend')).toMatchObject({
      direction: 'neutral',
      // Stamped with the file's date, not the restore's: a merge still keeps what was changed here since.
      updatedAt: V3_FILE.exportedAt,
    });
    const way = Object.fromEntries(goals.map((g) => [g.id, [g.goalType, g.direction, g.keepSide]]));
    expect(way).toEqual({
      'g-growth': ['objective', undefined, undefined],
      'g-cap': ['total', 'down', undefined],
      'g-keep': ['keep', undefined, 'at_most'],
      'g-cut': ['level', 'down', undefined],
      'g-imported': ['level', 'down', undefined],
      'g-reduce': ['total', 'down', undefined],
      'g-ms': ['milestone', 'down', undefined],
      'g-trashed': ['total', 'down', undefined],
      'g-cpmql': ['keep', undefined, 'at_most'],
      'g-zalo': ['total', undefined, undefined],
      'g-revenue': ['total', undefined, undefined],
    });
    // No card flips: every goal reads the way it read in the file.
    const file = V3_FILE;
    expect(ways(goals, metrics)).toEqual(ways(file.goals, file.metrics));
    expect(ways(goals, metrics)['g-cap']).toBe('down');
    expect(r.fromDbVersion).toBe(3);
    expect(r.backup.dbVersion).toBe(DB_VERSION);
  });

  it('gives exactly what the database upgrade gives the same records (one rule, two callers)', async () => {
    const name = `pacer-v3-upgrade-${Date.now()}`;
    await createV2LayoutDatabase(name, 3, V3_DB.stores);
    const upgraded = await openPacerDb(name, { now: () => V3_FILE.exportedAt });
    const { db: restored } = await freshDb();
    await importBackup(restored, parsed(V3_TEXT).backup, 'replace', 9_000);
    expect(await records(restored)).toEqual(await records(upgraded));

    const v2name = `pacer-v2-upgrade-${Date.now()}`;
    await createV2LayoutDatabase(v2name, 2, { metrics: V2_DB.stores.metrics!, goals: V2_DB.stores.goals! });
    const v2upgraded = await openPacerDb(v2name, { now: () => 1 });
    const { db: v2restored } = await freshDb();
    const r2 = parsed(V2_TEXT);
    expect(r2.fromDbVersion).toBe(2);
    await importBackup(v2restored, r2.backup, 'replace', 9_000);
    const got = await records(v2restored);
    expect(got).toEqual(await records(v2upgraded));
    expect(Object.fromEntries(got.goals.map((g) => [g.id, [g.goalType, g.keepSide]]))).toMatchObject({
      'g-margin': ['keep', 'at_least'],
      'g-churn': ['keep', 'at_most'],
      'g-q4': ['milestone', undefined],
    });
  });

  it('for any v3 records, a restore gives what the database upgrade gives them (property)', async () => {
    // The fixture's records, varied where the v3 → v4 rule looks: the ad spend's direction and whether
    // it was saved since, each goal's own way, and which goals exist.
    const [adSpend, ...otherMetrics] = V3_FILE.metrics;
    const arb = fc.record({
      direction: fc.constantFrom('up', 'down', 'neutral'),
      savedSince: fc.boolean(),
      goals: fc.subarray(V3_FILE.goals),
      goalWay: fc.array(fc.constantFrom(undefined, 'up', 'down'), {
        minLength: V3_FILE.goals.length,
        maxLength: V3_FILE.goals.length,
      }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arb, async ({ direction, savedSince, goals, goalWay }) => {
        const metrics = [
          { ...adSpend!, direction, updatedAt: adSpend!.createdAt + (savedSince ? 1 : 0) },
          ...otherMetrics,
        ];
        const varied = goals.map((g, i) => {
          const { direction: _, ...rest } = g;
          return goalWay[i] ? { ...rest, direction: goalWay[i] } : rest;
        });
        const name = `pacer-v3-prop-${Date.now()}-${run++}`;
        await createV2LayoutDatabase(name, 3, { metrics, goals: varied });
        const upgraded = await openPacerDb(name, { now: () => V3_FILE.exportedAt });
        const file = { ...V3_FILE, metrics, goals: varied, observations: [] };
        const { db: restored } = await freshDb();
        await importBackup(restored, parsed(JSON.stringify(file)).backup, 'replace', 1);
        expect(await records(restored)).toEqual(await records(upgraded));
        upgraded.close();
        restored.close();
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('a merge into an upgraded database brings a goal back the way it read, not flipped', async () => {
    // The user's database was upgraded to v4 (ad spend neutral); since, the budget cap was deleted for
    // good. Merging last week's v3 backup brings it back.
    const name = `pacer-v4-user-${Date.now()}`;
    await createV2LayoutDatabase(name, 3, V3_DB.stores);
    const db = await openPacerDb(name, { now: () => V3_FILE.exportedAt + 86_400_000 });
    await db.delete(STORES.goals, 'g-cap');
    const summary = await importBackup(
      db,
      parsed(V3_TEXT).backup,
      'merge',
      V3_FILE.exportedAt + 2 * 86_400_000,
    );
    const { metrics, goals } = await records(db);
    expect(metrics.find((m) => m.id === 'k-ad-spend')?.direction).toBe('neutral');
    const cap = goals.find((g) => g.id === 'g-cap')!;
    expect(cap.direction).toBe('down');
    expect(ways(goals, metrics)['g-cap']).toBe('down');
    // Everything else was changed here after the file's copy (the upgrade wrote it): kept.
    expect(summary.keptNewer).toBe(7);
  });

  it('a pre-restore snapshot taken under v3 is brought up the same way when restored', async () => {
    const { db } = await freshDb();
    await db.put(STORES.backups, {
      id: 'pre-restore-100',
      createdAt: 100,
      reason: 'restore',
      data: V3_FILE,
      invalid: [],
    });
    await restoreSnapshot(db, 'pre-restore-100', 200);
    const { metrics, goals } = await records(db);
    expect(metrics.find((m) => m.id === 'k-ad-spend')?.direction).toBe('neutral');
    expect(goals.find((g) => g.id === 'g-keep')?.keepSide).toBe('at_most');
  });

  it('refuses a backup from a newer Pacer, says so, and changes nothing', async () => {
    const newer = { ...V3_FILE, dbVersion: DB_VERSION + 1 };
    const r = parseBackup(JSON.stringify(newer));
    expect(r).toEqual({
      ok: false,
      refusal: { key: 'safety.restore.newer', params: { file: DB_VERSION + 1, current: DB_VERSION } },
      problems: [
        `This backup was made by a newer Pacer (database version ${DB_VERSION + 1}); this Pacer reads up to version ${DB_VERSION}. Update Pacer, then restore the file again. Nothing was changed.`,
      ],
    });
    // The same from a snapshot: the database is left exactly as it was.
    const { db } = await freshDb();
    await importBackup(db, parsed(V3_TEXT).backup, 'replace', 10);
    await db.put(STORES.backups, { id: 'pre-restore-1', createdAt: 1, reason: 'restore', data: newer });
    const before = await exportBackup(db, 0);
    const backups = await db.count(STORES.backups);
    await expect(restoreSnapshot(db, 'pre-restore-1', 20)).rejects.toThrow(SnapshotError);
    await expect(restoreSnapshot(db, 'pre-restore-1', 20)).rejects.toThrow(
      /newer Pacer \(database version 5\)/,
    );
    expect(await exportBackup(db, 0)).toEqual(before);
    expect(await db.count(STORES.backups)).toBe(backups);
  });

  it('refuses a file without a database version, or with one no Pacer wrote', () => {
    const { dbVersion: _, ...noVersion } = V3_FILE;
    expect(parseBackup(JSON.stringify(noVersion))).toMatchObject({
      ok: false,
      refusal: { key: 'safety.restore.noDbVersion' },
      problems: [expect.stringMatching(/does not say which database version wrote it \("dbVersion"\)/)],
    });
    expect(parseBackup(JSON.stringify({ ...V3_FILE, dbVersion: '3' }))).toMatchObject({
      ok: false,
      refusal: { key: 'safety.restore.badDbVersion', params: { value: '"3"' } },
    });
    expect(parseBackup(JSON.stringify({ ...V3_FILE, dbVersion: 1 }))).toMatchObject({
      ok: false,
      refusal: { key: 'safety.restore.tooOld', params: { file: 1, oldest: 2 } },
      problems: [
        expect.stringMatching(/^This backup says database version 1, but Pacer backups start at version 2/),
      ],
    });
  });

  it('a bad record in an old file is reported with its path, after the upgrade, and nothing is written', () => {
    const broken = structuredClone(V3_FILE) as unknown as { goals: Record<string, unknown>[] };
    broken.goals[2]!.target = 'lots';
    const r = parseBackup(JSON.stringify(broken));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toEqual([expect.stringMatching(/^goals\[2\]\.target/)]);
  });

  it('never changes its input, and a current file passes through as it is', () => {
    const input = JSON.parse(V3_TEXT) as Record<string, unknown>;
    const copy = structuredClone(input);
    const out = upgradeBackupJson(input);
    expect(input).toEqual(copy);
    expect(out.ok && out.json).not.toBe(input);
    const current = { ...input, dbVersion: DB_VERSION };
    const same = upgradeBackupJson(current);
    expect(same.ok && same.json).toBe(current);
  });

  it('has a record step for every database version a backup can have been written under', () => {
    const chain = RECORD_STEPS.map((s) => [s.from, s.to]);
    const expected = [];
    for (let v = OLDEST_BACKUP_DB_VERSION; v < DB_VERSION; v++) expected.push([v, v + 1]);
    expect(chain).toEqual(expected);
  });
});
