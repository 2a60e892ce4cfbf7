import type { IDBPTransaction } from 'idb';
import { goalTypeOf, keepSideOf } from '../../engine/goal-type';
import { Goal, Metric } from '../../schema';

type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * v2 → v3: every goal states how it is measured (`goalType`, schema/goal.ts), and a keep goal which side
 * of its threshold holds. The type is inferred by lib/engine/goal-type.ts — the same function the engine
 * falls back on — so a migrated goal is scored exactly as an unmigrated copy (an old backup) would be.
 *
 * Pure and total: returns the record unchanged when it is not a goal it can read (the v2 schema already
 * admitted every stored goal, so nothing here needs quarantine), and never mutates its input.
 */
export function migrateGoalV2(old: unknown, metrics: ReadonlyMap<string, Metric>): unknown {
  if (!isRec(old)) return old;
  const parsed = Goal.safeParse(old);
  if (!parsed.success) return old;
  const goal = parsed.data;
  if (goal.goalType) return old;
  const metric = goal.metricId ? metrics.get(goal.metricId) : undefined;
  const goalType = goalTypeOf(goal, metric);
  const out: Rec = { ...old, goalType };
  if (goalType === 'keep') out.keepSide = keepSideOf(goal, metric);
  return out;
}

/**
 * The v2 → v3 rule over a set of raw records, pure: every goal gets its type, read against the metrics
 * beside it. Used by the database upgrade below and by a restore of a version-2 backup
 * (lib/storage/backup-upgrade.ts), so both read the same way. A record left as it is keeps its identity.
 */
export function migrateRecordsV2(stores: { metrics: unknown[]; goals: unknown[] }): {
  metrics: unknown[];
  goals: unknown[];
} {
  const metrics = new Map<string, Metric>();
  for (const m of stores.metrics) {
    const parsed = Metric.safeParse(m);
    if (parsed.success) metrics.set(parsed.data.id, parsed.data);
  }
  return { metrics: stores.metrics, goals: stores.goals.map((g) => migrateGoalV2(g, metrics)) };
}

/**
 * Inside the versionchange transaction: snapshot the goals (and the metrics their types are read from)
 * into `backups` unless an earlier block of this same upgrade already did, then rewrite each goal.
 */
export async function migrateV2Database(tx: UpgradeTx, now: number, backUp: boolean): Promise<void> {
  const goals = (await tx.objectStore('goals').getAll()) as unknown[];
  const rawMetrics = (await tx.objectStore('metrics').getAll()) as unknown[];
  if (backUp) {
    await tx.objectStore('backups').put({
      id: `pre-migration-v2-to-v3-${now}`,
      createdAt: now,
      reason: 'migration',
      fromVersion: 2,
      toVersion: 3,
      stores: { goals, metrics: rawMetrics },
    });
  }
  const next = migrateRecordsV2({ metrics: rawMetrics, goals }).goals;
  const store = tx.objectStore('goals');
  for (const [i, old] of goals.entries()) if (next[i] !== old) await store.put(next[i]);
}
