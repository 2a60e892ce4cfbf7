import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Goal, Metric } from '../../../lib/schema';
import { DB_VERSION, openPacerDb, STORES } from '../../../lib/storage/db';
import { migrateGoalV2 } from '../../../lib/storage/migrations/v2-to-v3';
import { createV2LayoutDatabase } from './helpers';

const fixture = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/fixtures/db/v2-before-goal-types-2026-09.json'), 'utf8'),
) as { stores: Record<string, Record<string, unknown>[]> };

describe('v2 → v3 migration of a saved database: goal types', () => {
  it('backs up goals and metrics first, then gives every goal its type', async () => {
    const name = 'pacer-v2-fixture';
    await createV2LayoutDatabase(name, 2, fixture.stores);
    const db = await openPacerDb(name, { now: () => 1_800_000_000_000 });
    expect(db.version).toBe(DB_VERSION);

    const backups = (await db.getAll(STORES.backups)) as { id: string; stores: Record<string, unknown[]> }[];
    expect(backups.map((b) => b.id)).toEqual(['pre-migration-v2-to-v3-1800000000000']);
    expect(backups[0]?.stores.goals).toHaveLength(fixture.stores.goals!.length);
    expect(
      backups[0]?.stores.goals?.every((g) => !(g as Goal).goalType || (g as Goal).id === 'g-typed'),
    ).toBe(true);

    const goals = (await db.getAll(STORES.goals)).map((g) => Goal.parse(g));
    const type = Object.fromEntries(goals.map((g) => [g.id, [g.goalType, g.keepSide]]));
    expect(type).toEqual({
      'g-obj': ['objective', undefined],
      'g-revenue': ['total', undefined],
      'g-revenue-auto': ['total', undefined],
      'g-conv': ['level', undefined],
      // Stated as levels, but 29.6 → 30 is no journey and 1.7 → 2 is on the wrong side: thresholds.
      'g-margin': ['keep', 'at_least'],
      'g-churn': ['keep', 'at_most'],
      'g-aov': ['level', undefined],
      'g-bhag': ['total', undefined],
      'g-bhag-plain': ['objective', undefined],
      'g-launch': ['milestone', undefined],
      'g-q4': ['milestone', undefined],
      'g-typed': ['level', undefined],
    });
    // Nothing else about a goal changes.
    const before = fixture.stores.goals!.find((g) => g.id === 'g-margin');
    const { goalType, keepSide, ...rest } = goals.find((g) => g.id === 'g-margin')!;
    expect(rest).toEqual(before);
    expect(await db.count(STORES.quarantine)).toBe(0);
    db.close();

    // Opening again runs nothing: no second backup.
    const again = await openPacerDb(name, { now: () => 1_900_000_000_000 });
    expect(await again.count(STORES.backups)).toBe(1);
    again.close();
  });

  it('the goal migration is pure and leaves what it cannot read alone', () => {
    const metrics = new Map(
      fixture.stores.metrics!.map((m) => [m.id as string, Metric.parse(m)] as [string, Metric]),
    );
    const old = fixture.stores.goals!.find((g) => g.id === 'g-churn')!;
    const snapshot = structuredClone(old);
    expect(migrateGoalV2(old, metrics)).toMatchObject({ goalType: 'keep', keepSide: 'at_most' });
    expect(old).toEqual(snapshot);
    expect(migrateGoalV2(null, metrics)).toBe(null);
    const broken = { id: 'x', title: 42 };
    expect(migrateGoalV2(broken, metrics)).toBe(broken);
  });
});
