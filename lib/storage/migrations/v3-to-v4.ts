import type { IDBPTransaction } from 'idb';
import { goalTypeOf, keepSideOf } from '../../engine/goal-type';
import { Goal, Metric } from '../../schema';

type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * v3 → v4: the growth pack's "Ad spend" is neutral (neither higher nor lower is better: spend is an
 * input, judged by what it buys — cost per MQL, CAC, ROAS). New installs have made it so since the
 * pack changed (lib/engine/kpi-pack.ts); a KPI an older Pacer made from the pack still says "lower is
 * better", and colours a cut in spend green in the growth table.
 *
 * Which KPIs: made from the pack's template (`templateId: 'ad_spend'`), still on the template's former
 * direction ('down'), and never saved by the user since the pack made it (`updatedAt === createdAt`:
 * every KPI form save writes `updatedAt`). A KPI the user saved, renamed or set a direction on is the
 * user's: left alone, as is one they made by hand under the same name (no `templateId`).
 *
 * Nothing any card reads changes: a goal's way came from its KPI's direction and, once the KPI is
 * neutral, comes from the goal's own (goal-type.ts, goalDirection). So each goal on such a KPI first
 * gets the way it read written on it — a keep goal its side and type, any other its type and direction
 * ('down': a total stays a budget cap, "cut spend to ₫150M" stays a cut) — as switching a KPI to
 * neutral in its form does (lib/app/metric-direction.ts, the same rule written out here so this
 * released migration never changes with the app).
 *
 * Pure and total: each function returns its input itself when there is nothing to change (or it is not
 * a record it can read), never mutates it, and a second run changes nothing (the KPI is then neutral).
 */
export const AD_SPEND_TEMPLATE = 'ad_spend';

/** A pack-made ad spend KPI on the pack's former direction, never saved by the user since. */
export function isUntouchedPackAdSpend(
  m: Pick<Metric, 'templateId' | 'direction' | 'createdAt' | 'updatedAt'>,
) {
  return m.templateId === AD_SPEND_TEMPLATE && m.direction === 'down' && m.updatedAt === m.createdAt;
}

export function migrateMetricV3(old: unknown, now: number): unknown {
  if (!isRec(old)) return old;
  const parsed = Metric.safeParse(old);
  if (!parsed.success || !isUntouchedPackAdSpend(parsed.data)) return old;
  return { ...old, direction: 'neutral', updatedAt: now };
}

/**
 * A goal on a KPI this migration makes neutral (`before`: those KPIs as they were, by id) gets the way
 * it read written on it; any other goal is returned as it is.
 */
export function migrateGoalV3(old: unknown, before: ReadonlyMap<string, Metric>, now: number): unknown {
  if (!isRec(old)) return old;
  const parsed = Goal.safeParse(old);
  if (!parsed.success) return old;
  const goal = parsed.data;
  const metric = goal.metricId ? before.get(goal.metricId) : undefined;
  if (!metric || metric.direction === 'neutral') return old;
  const type = goalTypeOf(goal, metric);
  if (type === 'objective') return old;
  if (type === 'keep') {
    if (goal.keepSide && goal.goalType) return old;
    return { ...old, goalType: type, keepSide: keepSideOf(goal, metric), updatedAt: now };
  }
  if (goal.direction === metric.direction && goal.goalType) return old;
  return { ...old, goalType: type, direction: metric.direction, updatedAt: now };
}

/**
 * The v3 → v4 rule over a set of raw records, pure: the KPIs it makes neutral, and each goal on one of
 * them with its way written. Used by the database upgrade below and by a restore of an older backup
 * (lib/storage/backup-upgrade.ts), so a restored file reads as the upgraded database does. A record
 * left as it is keeps its identity (`next[i] === old[i]`).
 */
export function migrateRecordsV3(stores: { metrics: unknown[]; goals: unknown[] }, now: number) {
  const before = new Map<string, Metric>();
  const metrics = stores.metrics.map((m) => {
    const next = migrateMetricV3(m, now);
    if (next !== m) {
      const parsed = Metric.parse(m);
      before.set(parsed.id, parsed);
    }
    return next;
  });
  if (before.size === 0) return stores;
  return { metrics, goals: stores.goals.map((g) => migrateGoalV3(g, before, now)) };
}

/**
 * Inside the versionchange transaction: the records it rewrites are first copied as they were into
 * `backups` (`pre-migration-v3-to-v4-<time>`), then rewritten; a database with no such KPI is left
 * exactly as it was, without a backup.
 */
export async function migrateV3Database(tx: UpgradeTx, now: number): Promise<void> {
  const rawMetrics = (await tx.objectStore('metrics').getAll()) as unknown[];
  const rawGoals = (await tx.objectStore('goals').getAll()) as unknown[];
  const next = migrateRecordsV3({ metrics: rawMetrics, goals: rawGoals }, now);
  const changed = (old: unknown[], rewritten: unknown[]) =>
    old.flatMap((r, i) => (rewritten[i] === r ? [] : [[r, rewritten[i]] as const]));
  const metricWrites = changed(rawMetrics, next.metrics);
  if (metricWrites.length === 0) return;
  const goalWrites = changed(rawGoals, next.goals);
  await tx.objectStore('backups').put({
    id: `pre-migration-v3-to-v4-${now}`,
    createdAt: now,
    reason: 'migration',
    fromVersion: 3,
    toVersion: 4,
    stores: { metrics: metricWrites.map(([m]) => m), goals: goalWrites.map(([g]) => g) },
  });
  // Goals first, as the KPI form does: a stored way is ignored while the KPI still has a direction.
  for (const [, g] of goalWrites) await tx.objectStore('goals').put(g);
  for (const [, m] of metricWrites) await tx.objectStore('metrics').put(m);
}
