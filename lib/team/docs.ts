import * as z from 'zod/mini';
import type { CheckIn } from '../schema/check-in';
import {
  Confidence,
  DimensionValues,
  FiniteNumber,
  Id,
  LongText,
  ShortText,
  Timestamp,
} from '../schema/common';
import { Goal } from '../schema/goal';
import type { Aggregation } from '../schema/metric';
import { Metric } from '../schema/metric';
import type { Observation } from '../schema/observation';

/**
 * The documents a team shares through CouchDB replication. Every document has exactly one writer, and
 * its id says who that is, so the common case never conflicts and the server's validation function can
 * decide from the id alone (a deletion arrives as a bare `{_id, _rev, _deleted}`):
 *
 *   goal:<goalId>                              a team goal (managers)
 *   metric:<metricId>                          a team metric (managers)
 *   obs:<metricId>:<member>:<YYYY-MM-DD>       one member's value of one metric for one UTC day
 *   checkin:<goalId>:<member>:<YYYY-Www>       one member's weekly check-in on one goal
 *
 * Each part is `encodeURIComponent`-ed, so a `:` inside a Pacer id or a user name cannot shift the
 * parts. lib/team/validate.ts parses ids the same way; tests/unit/team keeps the two in step.
 */

/** CouchDB user names: what `_users` accepts, minus the characters that would make ids ambiguous. */
export const MemberName = z.string().check(z.minLength(1), z.maxLength(200));

const DayKey = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a UTC day such as 2026-12-06'));
const WeekKey = z.string().check(z.regex(/^\d{4}-W\d{2}$/, 'expected an ISO week such as 2026-W49'));

const Base = {
  _id: z.string(),
  _rev: z.optional(z.string()),
  updatedAt: Timestamp,
};

/** Pacer's goal minus what is one person's view of it (pinning, example flag). */
const SharedGoal = z.omit(Goal, { pinned: true, example: true });
const SharedMetric = z.omit(Metric, { example: true });

export const TeamGoalDoc = z.object({ ...Base, type: z.literal('goal'), goal: SharedGoal });
export const TeamMetricDoc = z.object({ ...Base, type: z.literal('metric'), metric: SharedMetric });
export const TeamObservationDoc = z.object({
  ...Base,
  type: z.literal('observation'),
  metricId: Id,
  member: MemberName,
  day: DayKey,
  /** The member's value for the day, already combined per the metric's aggregation. */
  value: FiniteNumber,
  /** Time of the latest underlying observation (the day's `last` value lives there). */
  time: Timestamp,
  dims: DimensionValues,
  note: z.optional(ShortText),
});
export const TeamCheckInDoc = z.object({
  ...Base,
  type: z.literal('checkin'),
  goalId: Id,
  member: MemberName,
  week: WeekKey,
  time: Timestamp,
  value: z.optional(FiniteNumber),
  confidence: Confidence,
  plans: z.optional(LongText),
  progress: z.optional(LongText),
  problems: z.optional(LongText),
});

export const TeamDoc = z.discriminatedUnion('type', [
  TeamGoalDoc,
  TeamMetricDoc,
  TeamObservationDoc,
  TeamCheckInDoc,
]);
export type TeamGoalDoc = z.infer<typeof TeamGoalDoc>;
export type TeamMetricDoc = z.infer<typeof TeamMetricDoc>;
export type TeamObservationDoc = z.infer<typeof TeamObservationDoc>;
export type TeamCheckInDoc = z.infer<typeof TeamCheckInDoc>;
export type TeamDoc = z.infer<typeof TeamDoc>;

const enc = encodeURIComponent;

export const teamIds = {
  goal: (goalId: string) => `goal:${enc(goalId)}`,
  metric: (metricId: string) => `metric:${enc(metricId)}`,
  observation: (metricId: string, member: string, day: string) =>
    `obs:${enc(metricId)}:${enc(member)}:${day}`,
  checkIn: (goalId: string, member: string, week: string) => `checkin:${enc(goalId)}:${enc(member)}:${week}`,
};

export type ParsedTeamId =
  | { type: 'goal' | 'metric'; ref: string }
  | { type: 'observation' | 'checkin'; ref: string; member: string; period: string };

/** The inverse of `teamIds`; null for any id Pacer does not write (design docs included). */
export function parseTeamId(id: string): ParsedTeamId | null {
  const parts = id.split(':');
  try {
    if ((parts[0] === 'goal' || parts[0] === 'metric') && parts.length === 2 && parts[1]) {
      return { type: parts[0], ref: decodeURIComponent(parts[1]) };
    }
    if (
      (parts[0] === 'obs' || parts[0] === 'checkin') &&
      parts.length === 4 &&
      parts[1] &&
      parts[2] &&
      parts[3]
    ) {
      return {
        type: parts[0] === 'obs' ? 'observation' : 'checkin',
        ref: decodeURIComponent(parts[1]),
        member: decodeURIComponent(parts[2]),
        period: parts[3],
      };
    }
  } catch {
    // A malformed %-escape: not one of ours.
  }
  return null;
}

const DAY_MS = 86_400_000;

export function dayKey(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** ISO 8601 week of a UTC time: weeks start on Monday, week 1 holds the year's first Thursday. */
export function weekKey(time: number): string {
  const d = new Date(Math.floor(time / DAY_MS) * DAY_MS);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dow + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function goalToDoc(goal: Goal, now: number): TeamGoalDoc {
  const { pinned: _p, example: _e, ...shared } = goal;
  return { _id: teamIds.goal(goal.id), type: 'goal', goal: shared, updatedAt: now };
}

export function metricToDoc(metric: Metric, now: number): TeamMetricDoc {
  const { example: _e, ...shared } = metric;
  return { _id: teamIds.metric(metric.id), type: 'metric', metric: shared, updatedAt: now };
}

function combine(values: readonly number[], aggregation: Aggregation): number {
  switch (aggregation) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'average':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'last':
      return values[values.length - 1] as number;
  }
}

/**
 * One member's local observations of one team metric → one document per UTC day, the day's values
 * combined by the metric's aggregation so the roll-up across members stays a plain aggregation too.
 * Observations with dimension values other than the member's own are not shared: the team metric is
 * the member's total.
 */
export function observationsToDocs(
  metric: Pick<Metric, 'id' | 'aggregation'>,
  member: string,
  observations: readonly Observation[],
  now: number,
): TeamObservationDoc[] {
  const byDay = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.metricId !== metric.id) continue;
    const k = dayKey(o.time);
    const list = byDay.get(k);
    if (list) list.push(o);
    else byDay.set(k, [o]);
  }
  return [...byDay].map(([day, list]) => {
    const sorted = [...list].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
    const last = sorted[sorted.length - 1] as Observation;
    return {
      _id: teamIds.observation(metric.id, member, day),
      type: 'observation',
      metricId: metric.id,
      member,
      day,
      value: combine(
        sorted.map((o) => o.value),
        metric.aggregation,
      ),
      time: last.time,
      dims: { owner: member },
      updatedAt: now,
    };
  });
}

/** A team observation as a Pacer observation: the member is the `owner` dimension (for breakdowns). */
export function docToObservation(doc: TeamObservationDoc): Observation {
  return {
    id: doc._id,
    metricId: doc.metricId,
    time: doc.time,
    value: doc.value,
    dims: { ...doc.dims, owner: doc.member },
    source: 'import',
    ...(doc.note === undefined ? {} : { note: doc.note }),
  };
}

export function checkInToDoc(checkIn: CheckIn, member: string, now: number): TeamCheckInDoc {
  const week = weekKey(checkIn.time);
  return {
    _id: teamIds.checkIn(checkIn.goalId, member, week),
    type: 'checkin',
    goalId: checkIn.goalId,
    member,
    week,
    time: checkIn.time,
    confidence: checkIn.confidence,
    ...(checkIn.value === undefined ? {} : { value: checkIn.value }),
    ...(checkIn.plans === undefined ? {} : { plans: checkIn.plans }),
    ...(checkIn.progress === undefined ? {} : { progress: checkIn.progress }),
    ...(checkIn.problems === undefined ? {} : { problems: checkIn.problems }),
    updatedAt: now,
  };
}

export function docToCheckIn(doc: TeamCheckInDoc): CheckIn {
  return {
    id: doc._id,
    goalId: doc.goalId,
    time: doc.time,
    confidence: doc.confidence,
    ...(doc.value === undefined ? {} : { value: doc.value }),
    ...(doc.plans === undefined ? {} : { plans: doc.plans }),
    ...(doc.progress === undefined ? {} : { progress: doc.progress }),
    ...(doc.problems === undefined ? {} : { problems: doc.problems }),
    deletedAt: null,
  };
}

export function docToGoal(doc: TeamGoalDoc): Goal {
  return { ...doc.goal };
}

export function docToMetric(doc: TeamMetricDoc): Metric {
  return { ...doc.metric };
}

/** Ids and bodies must agree: a document whose body claims another member than its id is refused. */
export function idMatchesBody(doc: TeamDoc): boolean {
  switch (doc.type) {
    case 'goal':
      return doc._id === teamIds.goal(doc.goal.id);
    case 'metric':
      return doc._id === teamIds.metric(doc.metric.id);
    case 'observation':
      return doc._id === teamIds.observation(doc.metricId, doc.member, doc.day);
    case 'checkin':
      return doc._id === teamIds.checkIn(doc.goalId, doc.member, doc.week);
  }
}
