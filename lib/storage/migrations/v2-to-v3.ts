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
  const metrics = new Map<string, Metric>();
  for (const m of rawMetrics) {
    const parsed = Metric.safeParse(m);
    if (parsed.success) metrics.set(parsed.data.id, parsed.data);
  }
  const store = tx.objectStore('goals');
  for (const old of goals) {
    const next = migrateGoalV2(old, metrics);
    if (next !== old) await store.put(next);
  }
}
