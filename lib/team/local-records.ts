import { childrenByParent } from '../engine/cascade';
import type { CheckIn } from '../schema/check-in';
import type { Goal } from '../schema/goal';
import type { Metric } from '../schema/metric';
import type { Observation } from '../schema/observation';
import type { PacerDb } from '../storage/db';
import { ingestObservations, readAllObservations } from '../storage/observations';
import { repository } from '../storage/repository';
import {
  checkInToDoc,
  docToCheckIn,
  docToGoal,
  docToMetric,
  docToObservation,
  goalToDoc,
  metricToDoc,
  observationsToDocs,
  parseTeamId,
  type TeamDoc,
} from './docs';
import { isTeammateValue } from './whose-values';

/**
 * Between Pacer's storage and the team documents: which local records are team records, the documents
 * this browser writes, and writing pulled documents back through the same checked storage paths as
 * every other write (repository.putMany and ingestObservations parse with zod before storing).
 *
 * Records that came from the team keep the document id as their own (`obs:…`, `checkin:…`), so they
 * are never pushed back as this member's numbers.
 */

export interface TeamScope {
  goals: Goal[];
  metrics: Metric[];
}

/**
 * The shared goals plus their cascades (every descendant), alive or in the trash, and their metrics.
 * Its own walk, not goal-form's descendantIds (breadth first): the documents are pushed in this order
 * (the last shared goal first, depth first), pinned by tests/unit/team/team-scope.test.ts.
 */
export function teamScope(
  goalIds: readonly string[],
  goals: readonly Goal[],
  metrics: readonly Metric[],
): TeamScope {
  const chosen = new Set(goalIds);
  const byParent = childrenByParent(goals);
  const inScope = new Map<string, Goal>();
  const queue = goals.filter((g) => chosen.has(g.id));
  while (queue.length) {
    const g = queue.pop() as Goal;
    if (inScope.has(g.id)) continue;
    inScope.set(g.id, g);
    queue.push(...(byParent.get(g.id) ?? []));
  }
  const metricIds = new Set([...inScope.values()].flatMap((g) => (g.metricId ? [g.metricId] : [])));
  return { goals: [...inScope.values()], metrics: metrics.filter((m) => metricIds.has(m.id)) };
}

/** Goal and metric documents (what a manager writes). Example data is never shared. */
export function managedDocs(scope: TeamScope, now: number): TeamDoc[] {
  return [
    ...scope.goals.filter((g) => !g.example).map((g) => goalToDoc(g, now)),
    ...scope.metrics.filter((m) => !m.example).map((m) => metricToDoc(m, now)),
  ];
}

/**
 * This member's own numbers on team metrics and own check-ins on team goals: one document per
 * metric × day and per goal × week (the week's latest check-in wins, as on the check-in screen).
 */
export function ownDocs(
  scope: TeamScope,
  member: string,
  observations: ReadonlyMap<string, readonly Observation[]>,
  checkIns: readonly CheckIn[],
  now: number,
): TeamDoc[] {
  const docs: TeamDoc[] = [];
  for (const m of scope.metrics) {
    const own = (observations.get(m.id) ?? []).filter((o) => !isTeammateValue(o));
    docs.push(...observationsToDocs(m, member, own, now));
  }
  const goalIds = new Set(scope.goals.map((g) => g.id));
  const byId = new Map<string, TeamDoc>();
  const mine = checkIns
    .filter((c) => goalIds.has(c.goalId) && c.deletedAt === null && !c.example && !isTeammateValue(c))
    .sort((a, b) => a.time - b.time);
  for (const c of mine) {
    const doc = checkInToDoc(c, member, now);
    byId.set(doc._id, doc);
  }
  docs.push(...byId.values());
  return docs;
}

export async function readTeamObservations(db: PacerDb, metrics: readonly Metric[]) {
  const out = new Map<string, Observation[]>();
  for (const m of metrics) out.set(m.id, await readAllObservations(db, m.id));
  return out;
}

export interface Applied {
  goals: number;
  metrics: number;
  observations: number;
  checkIns: number;
  goalIds: string[];
}

/**
 * Writes pulled documents into Pacer's storage. This member's own observations and check-ins are
 * skipped: this browser's records are the source of those, and taking them back would count them twice.
 * A goal keeps this browser's pin. Deleted goals and metrics go to the trash, where they can be restored.
 */
export async function applyPulled(
  db: PacerDb,
  docs: readonly TeamDoc[],
  deleted: readonly string[],
  me: string,
): Promise<Applied> {
  const goals: Goal[] = [];
  const metrics: Metric[] = [];
  const observations: Observation[] = [];
  const checkIns: CheckIn[] = [];
  for (const d of docs) {
    if (d.type === 'goal') goals.push(docToGoal(d));
    else if (d.type === 'metric') metrics.push(docToMetric(d));
    else if (d.type === 'observation' && d.member !== me) observations.push(docToObservation(d));
    else if (d.type === 'checkin' && d.member !== me) checkIns.push(docToCheckIn(d));
  }
  const goalRepo = repository(db, 'goals');
  if (goals.length) {
    const pins = new Map((await goalRepo.list({ includeDeleted: true })).map((g) => [g.id, g.pinned]));
    await goalRepo.putMany(goals.map((g) => (pins.get(g.id) ? { ...g, pinned: true } : g)));
  }
  // Metrics first would be the natural order, but goals only name metric ids: either order is valid.
  if (metrics.length) await repository(db, 'metrics').putMany(metrics);
  if (observations.length) await ingestObservations(db, observations);
  if (checkIns.length) await repository(db, 'checkIns').putMany(checkIns);
  const gone = { goals: [] as string[], metrics: [] as string[], checkIns: [] as string[] };
  for (const id of deleted) {
    const p = parseTeamId(id);
    if (p?.type === 'goal') gone.goals.push(p.ref);
    else if (p?.type === 'metric') gone.metrics.push(p.ref);
    else if (p?.type === 'checkin' && p.member !== me) gone.checkIns.push(id);
  }
  if (gone.goals.length) await goalRepo.softDelete(gone.goals);
  if (gone.metrics.length) await repository(db, 'metrics').softDelete(gone.metrics);
  if (gone.checkIns.length) await repository(db, 'checkIns').softDelete(gone.checkIns);
  return {
    goals: goals.length,
    metrics: metrics.length,
    observations: observations.length,
    checkIns: checkIns.length,
    goalIds: goals.map((g) => g.id),
  };
}
