import { describe, expect, it } from 'vitest';
import type { CheckIn, Goal, Metric, Observation } from '../../../lib/schema';
import { STORES } from '../../../lib/storage/db';
import { exampleDataState, loadExampleData, removeExampleData } from '../../../lib/storage/example-data';
import { previewExampleRemoval, undoExampleRemoval } from '../../../lib/storage/example-removal';
import { ingestObservations, readAllObservations } from '../../../lib/storage/observations';
import { readRollups } from '../../../lib/storage/rollup-store';
import { freshDb, metric } from './helpers';

/**
 * "Remove example data" on a database where the user built on the example (the reviewer's steps):
 * 12 tỷ logged from the popup to the example's "Doanh thu", a goal of their own on it, a check-in on
 * an example key result, a KPI of their own whose formula reads an example KPI, a value imported into
 * another example KPI, and their own KPI with its own value and goal. Removing the example had
 * deleted the 12 tỷ with its KPI and left the goal on a KPI that no longer existed.
 */
const NOW = Date.UTC(2026, 11, 6, 2);
const LATER = NOW + 60_000;
const DAY = 86_400_000;

type Db = Awaited<ReturnType<typeof freshDb>>['db'];

function unmarked<T extends { example?: boolean }>(r: T): Omit<T, 'example'> {
  const { example: _, ...rest } = r;
  return rest;
}

async function mixedDatabase(): Promise<Db> {
  const { db } = await freshDb();
  await loadExampleData(db, NOW, 'Asia/Ho_Chi_Minh');
  const exGoal = (await db.get(STORES.goals, 'ex-goal-bhag')) as Goal;
  const exCheckIn = ((await db.getAll(STORES.checkIns)) as CheckIn[])[0]!;
  const mine: Observation[] = [
    // The popup's quick log: no segment.
    { id: 'mine-12ty', metricId: 'ex-revenue', time: NOW - DAY, value: 12e9, dims: {}, source: 'manual' },
    { id: 'mine-orders', metricId: 'ex-orders', time: NOW - DAY, value: 40, dims: {}, source: 'import' },
    { id: 'mine-cash', metricId: 'my-cash', time: NOW - DAY, value: 3e9, dims: {}, source: 'manual' },
  ];
  await db.put(
    STORES.metrics,
    metric({ id: 'my-cash', name: 'Cash', dimensions: [], createdAt: LATER, updatedAt: LATER }),
  );
  await db.put(
    STORES.metrics,
    metric({
      id: 'my-mql-x2',
      name: 'MQLs × 2',
      formula: '{ex-mqls} * 2',
      dimensions: [],
      createdAt: LATER,
      updatedAt: LATER,
    }),
  );
  const goal = (id: string, metricId: string, target: number): Goal => {
    const { parentId: _, ...rest } = unmarked(exGoal);
    return { ...rest, id, title: `My goal ${id}`, metricId, target, createdAt: LATER, updatedAt: LATER };
  };
  await db.put(STORES.goals, goal('my-revenue-goal', 'ex-revenue', 5e9));
  await db.put(STORES.goals, goal('my-cash-goal', 'my-cash', 10e9));
  await db.put(STORES.checkIns, {
    ...unmarked(exCheckIn),
    id: 'my-check-in',
    goalId: 'ex-kr-distributor-revenue',
    at: LATER,
  });
  await ingestObservations(db, mine);
  return db;
}

const all = async <T>(db: Db, store: string) => (await db.getAll(store)) as T[];

describe('Remove example data keeps what the user built on it', () => {
  it("keeps the user's values, goals and check-ins, and the example KPIs and goals they use", async () => {
    const db = await mixedDatabase();
    await removeExampleData(db);

    // The user's values stay; the example's are gone, from the KPIs kept too.
    const revenue = await readAllObservations(db, 'ex-revenue');
    expect(revenue.map((o) => [o.id, o.value, o.source])).toEqual([['mine-12ty', 12e9, 'manual']]);
    expect((await readAllObservations(db, 'ex-orders')).map((o) => o.id)).toEqual(['mine-orders']);
    expect((await readAllObservations(db, 'my-cash')).map((o) => o.id)).toEqual(['mine-cash']);
    const blocks = await all<{ metricId: string; points: { s: string }[] }>(db, STORES.obsBlocks);
    expect(blocks.flatMap((b) => b.points).filter((p) => p.s === 'example')).toEqual([]);
    // What the engine reads: the kept KPI's day totals without the example's values.
    const rollups = (await readRollups(db)).filter((r) => r.metricId === 'ex-revenue');
    const total = rollups.flatMap((r) => Object.values(r.days)).reduce((n, d) => n + d.sum, 0);
    expect(total).toBe(12e9);

    // The KPIs: the user's two, and the example's that their values, goals, formula and check-in use.
    const metrics = await all<Metric>(db, STORES.metrics);
    expect(metrics.map((m) => m.id).sort()).toEqual(
      ['ex-mqls', 'ex-orders', 'ex-revenue', 'my-cash', 'my-mql-x2'].sort(),
    );
    const goals = await all<Goal>(db, STORES.goals);
    expect(goals.map((g) => g.id).sort()).toEqual(
      ['ex-kr-distributor-revenue', 'ex-okr-distributors', 'my-cash-goal', 'my-revenue-goal'].sort(),
    );
    // Every goal left points at a KPI and a parent that exist.
    const metricIds = new Set(metrics.map((m) => m.id));
    const goalIds = new Set(goals.map((g) => g.id));
    for (const g of goals) {
      if (g.metricId) expect(metricIds.has(g.metricId)).toBe(true);
      if (g.parentId) expect(goalIds.has(g.parentId)).toBe(true);
    }
    expect((await all<CheckIn>(db, STORES.checkIns)).map((c) => c.id)).toEqual(['my-check-in']);
    expect(await db.count(STORES.leads)).toBe(0);
    expect(await db.count(STORES.channelSpend)).toBe(0);
    // What stayed is the user's now: nothing marked as example, and the example reads as gone.
    expect([...metrics, ...goals].filter((r) => r.example)).toEqual([]);
    expect(await exampleDataState(db)).toBe('absent');
  });

  it('counts before: what goes and what stays, with why', async () => {
    const db = await mixedDatabase();
    const plan = await previewExampleRemoval(db);
    expect(plan.remove.metrics).toHaveLength(24 - 3);
    expect(plan.remove.goals).toHaveLength(32 - 2);
    expect(plan.remove.checkIns).toHaveLength(80);
    expect(plan.remove.leads).toHaveLength(60);
    expect(plan.remove.channelSpend).toHaveLength(90);
    const kept = Object.fromEntries(
      plan.kept.map((k) => [k.metric.id, { values: k.values, goals: k.goals, formulas: k.formulas }]),
    );
    expect(kept).toEqual({
      // 12 tỷ and the user's goal; the kept key result reads it too
      'ex-revenue': { values: 1, goals: 2, formulas: 0 },
      'ex-orders': { values: 1, goals: 0, formulas: 0 },
      'ex-mqls': { values: 0, goals: 0, formulas: 1 },
    });
    const keptGoals = plan.keptGoals.map((k) => [k.goal.id, k.subGoals, k.checkIns, k.edited]);
    expect(keptGoals.sort()).toEqual([
      ['ex-kr-distributor-revenue', 0, 1, false],
      ['ex-okr-distributors', 0, 0, false],
    ]);
    const stored = (await db.getAll(STORES.obsBlocks)) as { points: { s: string }[] }[];
    expect(plan.exampleValues).toBe(stored.flatMap((b) => b.points).filter((p) => p.s === 'example').length);
  });

  it('an untouched example goes whole, and Undo puts every record and value back', async () => {
    const { db } = await freshDb();
    await loadExampleData(db, NOW, 'Asia/Ho_Chi_Minh');
    const before = {
      metrics: await db.count(STORES.metrics),
      goals: await db.count(STORES.goals),
      checkIns: await db.count(STORES.checkIns),
      blocks: await db.count(STORES.obsBlocks),
    };
    const undo = await removeExampleData(db);
    expect(undo.plan.kept).toEqual([]);
    expect(await db.count(STORES.metrics)).toBe(0);
    expect(await db.count(STORES.obsBlocks)).toBe(0);
    await undoExampleRemoval(db, undo);
    expect({
      metrics: await db.count(STORES.metrics),
      goals: await db.count(STORES.goals),
      checkIns: await db.count(STORES.checkIns),
      blocks: await db.count(STORES.obsBlocks),
    }).toEqual(before);
    expect(await exampleDataState(db)).toBe('complete');
  });

  it("Undo after a mixed remove keeps the user's values and marks only what it unmarked", async () => {
    const db = await mixedDatabase();
    const points = async () =>
      ((await db.getAll(STORES.obsBlocks)) as { points: unknown[] }[]).flatMap((b) => b.points).length;
    const before = await points();
    const undo = await removeExampleData(db);
    await undoExampleRemoval(db, undo);
    expect(await points()).toBe(before);
    expect(((await db.get(STORES.metrics, 'ex-revenue')) as Metric).example).toBe(true);
    expect((await readAllObservations(db, 'ex-revenue')).some((o) => o.id === 'mine-12ty')).toBe(true);
    // Removed again: the same is kept.
    const again = await removeExampleData(db);
    expect(again.plan.kept.map((k) => k.metric.id).sort()).toEqual(['ex-mqls', 'ex-orders', 'ex-revenue']);
  });

  it('a new load leaves what a remove kept for the user as it is', async () => {
    const db = await mixedDatabase();
    await removeExampleData(db);
    await db.put(STORES.metrics, {
      ...((await db.get(STORES.metrics, 'ex-revenue')) as Metric),
      name: 'Sales',
    });
    await loadExampleData(db, NOW, 'Asia/Ho_Chi_Minh');
    const revenue = (await db.get(STORES.metrics, 'ex-revenue')) as Metric;
    expect([revenue.name, revenue.example]).toEqual(['Sales', undefined]);
    expect((await readAllObservations(db, 'ex-revenue')).map((o) => o.id)).toEqual(['mine-12ty']);
    expect(await exampleDataState(db)).toBe('complete');
  });
});
