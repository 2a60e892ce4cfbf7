import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { goalDirection } from '../../../lib/engine/goal-type';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { defaultSettings, Goal, Metric } from '../../../lib/schema';
import { DB_VERSION, openPacerDb, STORES } from '../../../lib/storage/db';
import { migrateGoalV3, migrateMetricV3 } from '../../../lib/storage/migrations/v3-to-v4';
import { createV2LayoutDatabase } from './helpers';

/**
 * v3 → v4 (lib/storage/migrations/v3-to-v4.ts): the growth pack's Ad spend, made "lower is better" by
 * an older Pacer and untouched since, becomes neutral as new installs make it, and nothing any card
 * reads changes. Checked on a database as Pacer 0.x left it in December 2026.
 */
const fixture = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/fixtures/db/v3-pack-ad-spend-2026-12.json'), 'utf8'),
) as { stores: Record<'metrics' | 'goals', Record<string, unknown>[]> };
const NOW = Date.UTC(2026, 11, 7, 3); // Dec 7, 2026, 10:00 in Ho Chi Minh City
const MIGRATED_AT = 1_800_000_000_000;
const tz = 'Asia/Ho_Chi_Minh';

/** Ad spend and MQLs by channel, one entry a week from January to Dec 6, 2026. */
function rollups() {
  const spend: { time: number; value: number; dims: Record<string, string> }[] = [];
  const mqls: typeof spend = [];
  for (let t = Date.UTC(2026, 0, 3, 5), i = 0; t < NOW - 86_400_000; t += 7 * 86_400_000, i++) {
    spend.push({ time: t, value: 62e6 + ((i * 7919) % 13) * 1.5e6, dims: { channel: 'facebook' } });
    spend.push({ time: t, value: 41e6 + ((i * 104729) % 11) * 1.2e6, dims: { channel: 'google' } });
    mqls.push({ time: t, value: 140 + ((i * 31) % 17), dims: { channel: 'facebook' } });
  }
  return [...rollupFromPoints('k-ad-spend', spend, tz), ...rollupFromPoints('k-mqls', mqls, tz)];
}

/** What every card reads, per goal: type, way, value, progress, status and its reasons, budget. */
function readings(goals: Goal[], metrics: Metric[]) {
  const live = goals.filter((g) => g.deletedAt === null);
  const r = evaluateAll({
    goals: live,
    metrics,
    rollups: rollups(),
    checkIns: [],
    settings: defaultSettings({ timeZone: tz }),
    now: NOW,
    forecastPaths: 200,
  });
  const byId = new Map(metrics.map((m) => [m.id, m]));
  return Object.fromEntries(
    live.map((g) => {
      const ev = r.perGoal.get(g.id)!;
      return [
        g.id,
        {
          type: ev.type,
          way: goalDirection(g, g.metricId ? byId.get(g.metricId) : undefined),
          current: ev.current,
          progress: ev.progress,
          status: ev.status,
          reasons: ev.statusReasons,
          budget: ev.budget,
          keep: ev.keep ?? null,
        },
      ];
    }),
  );
}

describe('v3 → v4 migration of a saved database: the pack’s ad spend becomes neutral', () => {
  it('makes the untouched pack KPI neutral, writes each goal’s way on it first, and no card changes', async () => {
    const name = 'pacer-v3-pack-ad-spend';
    await createV2LayoutDatabase(name, 3, fixture.stores);
    const oldMetrics = fixture.stores.metrics.map((m) => Metric.parse(m));
    const oldGoals = fixture.stores.goals.map((g) => Goal.parse(g));
    const before = readings(oldGoals, oldMetrics);

    const db = await openPacerDb(name, { now: () => MIGRATED_AT });
    expect(db.version).toBe(DB_VERSION);
    const metrics = (await db.getAll(STORES.metrics)).map((m) => Metric.parse(m));
    const goals = (await db.getAll(STORES.goals)).map((g) => Goal.parse(g));

    const direction = Object.fromEntries(metrics.map((m) => [m.id, m.direction]));
    expect(direction).toEqual({
      'k-ad-spend': 'neutral',
      'k-mqls': 'up',
      // What the ad spend buys keeps its direction: a lower cost per MQL is better.
      'k-cpmql': 'down',
      'k-revenue': 'up',
      // Made by hand: the user's own direction.
      'k-zalo-ads': 'down',
    });
    expect(metrics.find((m) => m.id === 'k-ad-spend')?.updatedAt).toBe(MIGRATED_AT);

    const way = Object.fromEntries(goals.map((g) => [g.id, [g.goalType, g.direction, g.keepSide]]));
    expect(way).toEqual({
      'g-growth': ['objective', undefined, undefined],
      'g-cap': ['total', 'down', undefined],
      'g-keep': ['keep', undefined, 'at_most'],
      'g-cut': ['level', 'down', undefined],
      // Stored 'up' beside a KPI that had a direction, ignored and read downwards: now written so.
      'g-imported': ['level', 'down', undefined],
      'g-reduce': ['total', 'down', undefined],
      'g-ms': ['milestone', 'down', undefined],
      // In the trash, pinned too: restored later, it reads as it did.
      'g-trashed': ['total', 'down', undefined],
      'g-cpmql': ['keep', undefined, 'at_most'],
      'g-zalo': ['total', undefined, undefined],
      'g-revenue': ['total', undefined, undefined],
    });
    // Nothing else about a goal changes; untouched goals keep even their updatedAt.
    for (const g of goals) {
      const old = fixture.stores.goals.find((o) => o.id === g.id)!;
      const { direction: _d, keepSide: _k, updatedAt, ...rest } = g;
      const { direction: _od, keepSide: _ok, updatedAt: oldUpdated, ...oldRest } = old as Goal;
      expect(rest).toEqual(oldRest);
      const changed = ['g-cap', 'g-keep', 'g-cut', 'g-imported', 'g-reduce', 'g-ms', 'g-trashed'];
      expect(updatedAt).toBe(changed.includes(g.id) ? MIGRATED_AT : oldUpdated);
    }

    // Every card reads exactly as before: type, way, value, progress, status, reasons, budget.
    const after = readings(goals, metrics);
    expect(after).toEqual(before);
    expect(after['g-cap']?.budget).not.toBeNull();
    expect(after['g-keep']?.way).toBe('down');

    // What it rewrote is kept as it was, in one migration snapshot; nothing quarantined.
    const backups = (await db.getAll(STORES.backups)) as {
      id: string;
      stores: Record<'metrics' | 'goals', { id: string }[]>;
    }[];
    expect(backups.map((b) => b.id)).toEqual([`pre-migration-v3-to-v4-${MIGRATED_AT}`]);
    expect(backups[0]?.stores.metrics).toEqual([fixture.stores.metrics[0]]);
    expect(backups[0]?.stores.goals.map((g) => g.id).sort()).toEqual(
      ['g-cap', 'g-cut', 'g-imported', 'g-keep', 'g-ms', 'g-reduce', 'g-trashed'].sort(),
    );
    expect(await db.count(STORES.quarantine)).toBe(0);
    db.close();

    // Opening again runs nothing.
    const again = await openPacerDb(name, { now: () => MIGRATED_AT + 1 });
    expect(await again.count(STORES.backups)).toBe(1);
    again.close();
  });

  it('leaves a pack KPI the user saved since alone, with its goals, and writes no backup', async () => {
    const name = 'pacer-v3-pack-ad-spend-edited';
    const edited = fixture.stores.metrics.map((m) =>
      m.id === 'k-ad-spend' ? { ...m, name: 'Paid ads', updatedAt: 1_780_000_000_000 } : m,
    );
    await createV2LayoutDatabase(name, 3, { ...fixture.stores, metrics: edited });
    const db = await openPacerDb(name, { now: () => MIGRATED_AT });
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.id).localeCompare(String(b.id));
    expect(await db.getAll(STORES.metrics)).toEqual([...edited].sort(byId));
    expect(await db.getAll(STORES.goals)).toEqual([...fixture.stores.goals].sort(byId));
    expect(await db.count(STORES.backups)).toBe(0);
    db.close();
  });

  it('the record migrations are pure, idempotent and leave what they cannot read alone', () => {
    const [adSpend] = fixture.stores.metrics;
    const snapshot = structuredClone(fixture.stores);
    const next = migrateMetricV3(adSpend, MIGRATED_AT);
    expect(next).toMatchObject({ direction: 'neutral', updatedAt: MIGRATED_AT });
    expect(migrateMetricV3(next, MIGRATED_AT + 1)).toBe(next);
    const before = new Map([[String(adSpend?.id), Metric.parse(adSpend)]]);
    for (const g of fixture.stores.goals) {
      const once = migrateGoalV3(g, before, MIGRATED_AT);
      expect(migrateGoalV3(once, before, MIGRATED_AT + 1)).toBe(once);
    }
    expect(fixture.stores).toEqual(snapshot);
    expect(migrateMetricV3(null, 1)).toBe(null);
    const broken = { id: 'x', templateId: 'ad_spend', direction: 'down' };
    expect(migrateMetricV3(broken, 1)).toBe(broken);
    expect(migrateGoalV3(broken, before, 1)).toBe(broken);
  });
});
