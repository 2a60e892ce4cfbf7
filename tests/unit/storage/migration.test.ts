import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckIn, Goal, Metric, Settings } from '../../../lib/schema';
import { DB_VERSION, openPacerDb, STORES } from '../../../lib/storage/db';
import { migrateGoalV1, migrateMetricV1 } from '../../../lib/storage/migrations/v1-records';
import { readAllObservations } from '../../../lib/storage/observations';
import { listQuarantine } from '../../../lib/storage/quarantine';
import { readRollups } from '../../../lib/storage/rollup-store';
import { createV1Database } from './helpers';

const fixture = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/fixtures/db/v1-prototype-2026-03.json'), 'utf8'),
) as { stores: Record<string, Record<string, unknown>[]> };

describe('v1 → v2 migration of a saved prototype database', () => {
  it('migrates every record, backs up first, and quarantines what cannot be migrated', async () => {
    const name = 'pacer-v1-fixture';
    await createV1Database(name, fixture.stores);
    const db = await openPacerDb(name, { now: () => 1_800_000_000_000 });
    expect(db.version).toBe(DB_VERSION);
    expect(db.objectStoreNames.contains('observations')).toBe(false);

    const backups = (await db.getAll(STORES.backups)) as { id: string; stores: Record<string, unknown[]> }[];
    expect(backups).toHaveLength(1);
    expect(backups[0]?.id).toBe('pre-migration-v1-to-v2-1800000000000');
    const byKey = (rows: unknown[] = []) =>
      [...rows].sort((a, b) =>
        String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)),
      );
    for (const [store, rows] of Object.entries(fixture.stores)) {
      expect(byKey(backups[0]?.stores[store])).toEqual(byKey(rows));
    }

    const metrics = (await db.getAll(STORES.metrics)).map((m) => Metric.parse(m));
    expect(metrics.map((m) => m.id).sort()).toEqual(['m-cpl', 'm-leads', 'm-revenue']);
    expect(metrics.find((m) => m.id === 'm-cpl')).toMatchObject({
      unit: { kind: 'currency', currency: 'USD' },
      direction: 'down',
      aggregation: 'sum',
    });

    const goals = (await db.getAll(STORES.goals)).map((g) => Goal.parse(g));
    expect(goals).toHaveLength(fixture.stores.goals!.length - 1);
    const byId = Object.fromEntries(goals.map((g) => [g.id, g]));
    expect(byId['g-2026']).toMatchObject({
      kind: 'milestone',
      parentId: 'g-bhag',
      perspective: 'financial',
      confidence: 'on_track',
    });
    expect(byId['g-kr1']).toMatchObject({
      kind: 'key_result',
      startAt: expect.any(Number),
      confidence: 'at_risk',
    });
    expect(byId['g-kr2']?.deletedAt).toBeGreaterThan(0);
    expect(byId['g-learn']?.perspective).toBe('learning_growth');

    const checkIns = (await db.getAll(STORES.checkIns)).map((c) => CheckIn.parse(c));
    expect(checkIns.find((c) => c.id === 'c1')).toMatchObject({
      confidence: 'on_track',
      progress: 'Zalo OA campaign live',
    });
    expect(checkIns.find((c) => c.id === 'c3')?.confidence).toBe('off_track');

    expect(Settings.parse(await db.get(STORES.settings, 'settings')).locale).toBe('vi');

    const revenue = await readAllObservations(db, 'm-revenue');
    expect(revenue).toHaveLength(30);
    expect(revenue[29]?.value).toBe(100000000 + 29 * 1500000);
    const leads = await readAllObservations(db, 'm-leads');
    expect(leads).toHaveLength(30);
    expect(leads[0]?.dims).toEqual({ channel: 'zalo' });

    const quarantined = await listQuarantine(db);
    expect(quarantined.map((q) => `${q.store}:${JSON.stringify(q.key)}`).sort()).toEqual([
      'goals:"g-broken"',
      'metrics:"m-weird"',
      'observations:"o-bad"',
    ]);
    expect(quarantined.every((q) => q.origin === 'migration' && q.problems.length > 0)).toBe(true);
    // The reasons name what was there, not "received nothing (missing)" (issue 15, finding 3).
    expect(quarantined.flatMap((q) => q.problems).sort()).toEqual([
      'target: expected number, received text "lots"',
      'unit: expected object, received text "bananas"',
      'value: expected number, received null',
    ]);

    const rollups = await readRollups(db);
    expect(rollups.find((r) => r.metricId === 'm-revenue')?.days['2026-03-01']?.sum).toBe(100000000);
    db.close();
  });

  it('the record migrations are pure and total', () => {
    const old = { id: 'x', type: 'kr', title: 't', parent: 'p', createdAt: 5 };
    const snapshot = structuredClone(old);
    expect(migrateGoalV1(old)).toMatchObject({ kind: 'key_result', parentId: 'p', updatedAt: 5 });
    expect(old).toEqual(snapshot);
    expect(migrateGoalV1(null)).toBe(null);
    expect(migrateMetricV1('nonsense')).toBe('nonsense');
  });
});
