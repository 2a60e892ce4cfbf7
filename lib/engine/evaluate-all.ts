import type { CheckIn, Confidence, Goal, Metric, Settings } from '../schema';
import {
  aggregateRollups,
  alignPeriods,
  indexRollup,
  latestInRange,
  type RollupIndex,
  sumInRange,
} from './aggregate';
import {
  type Alert,
  type AlertOptions,
  belowTrajectoryAlert,
  conversionBelowTargetAlert,
  DEFAULT_ALERT_OPTIONS,
  dedupeAlerts,
  forecastMissAlert,
  kpiMovedAlert,
  milestoneOverdueAlert,
  mostSevere,
  noCheckInAlert,
} from './alerts';
import { rollUpProgress } from './cascade';
import { dimKey, dimsMatch, parseDimKey } from './dim-key';
import { forecastHit, type HitForecast } from './forecast';
import { derivedSeries } from './formula';
import { isFunnelConversion } from './funnel-conversion';
import { directionSign } from './journey';
import { type MilestoneStatus, milestoneStatus } from './milestones';
import { type KrScore, krScore, objectiveScore, okrZone, progressFraction } from './okr';
import { computePace, type Pace } from './pace';
import { hashString } from './random';
import type { DailyRollup } from './rollup';
import { type PerspectiveHealth, scorecard } from './scorecard';
import { isCumulative, type SmartIssue, smartCheck } from './smart-check';
import { computeStatus, type StatusReason } from './status';
import {
  addDays,
  type DayKey,
  type Granularity,
  localDayKey,
  nextPeriodStart,
  periodStart,
  periodStarts,
  startOfLocalDay,
} from './time-buckets';

/**
 * One pass over everything the surfaces show: every live goal's current value, progress, pace,
 * forecast, status, OKR score, milestone state and SMART issues, plus the deduplicated alerts and the
 * Balanced Scorecard. Works from day rollups only (never raw points), memoises each metric series it
 * aggregates, and never throws on bad data: what can't be computed is null.
 */

export interface EvaluateInput {
  goals: readonly Goal[];
  metrics: readonly Metric[];
  rollups: readonly DailyRollup[];
  checkIns: readonly CheckIn[];
  settings: Pick<Settings, 'timeZone' | 'weekStart' | 'fiscalYearStartMonth' | 'okrZones'>;
  now: number;
  alertOptions?: Partial<AlertOptions>;
  /** Simulated futures per goal; more is smoother and slower. */
  forecastPaths?: number;
}

export interface GoalEvaluation {
  goalId: string;
  /** The value progress is measured by: baseline + sum since start (cumulative) or the latest level. */
  current: number | null;
  baseline: number | null;
  target: number | null;
  measure: 'cumulative' | 'latest' | null;
  /**
   * 1 when the target is met; 0 at baseline for a real journey; clamped to −1..2. Hold-a-level and
   * wrong-side targets are measured by their shortfall (okr.ts, progressFraction).
   */
  progress: number | null;
  /** Own progress, or for a goal without its own measure the weighted roll-up of its children's. */
  rolledUpProgress: number | null;
  pace: Pace | null;
  forecast: HitForecast | null;
  status: Confidence | null;
  statusReasons: StatusReason[];
  /** Key results: their own score; objectives: the weighted roll-up of their key results. */
  okr: KrScore | null;
  milestone: MilestoneStatus | null;
  smart: SmartIssue[];
  lastCheckInAt: number | null;
}

export interface EvaluateResult {
  perGoal: Map<string, GoalEvaluation>;
  alerts: Alert[];
  scorecard: PerspectiveHealth[];
}

const DAY = 86_400_000;
/** Windows longer than this are forecast on months rather than weeks. */
const WEEKLY_MAX_DAYS = 550;

export function evaluateAll(input: EvaluateInput): EvaluateResult {
  const { settings: cal, now } = input;
  const tz = cal.timeZone;
  const opts: AlertOptions = { ...DEFAULT_ALERT_OPTIONS, ...input.alertOptions };
  const today = localDayKey(now, tz);

  const metrics = new Map<string, Metric>();
  for (const m of input.metrics) if (m.deletedAt === null) metrics.set(m.id, m);
  // Sorted once here, so every range query below is a binary search.
  const rollupsByMetric = new Map<string, RollupIndex[]>();
  for (const r of input.rollups) {
    if (r.timeZone !== tz) continue; // built for another zone: storage must rebuild it
    const list = rollupsByMetric.get(r.metricId);
    if (list) list.push(indexRollup(r));
    else rollupsByMetric.set(r.metricId, [indexRollup(r)]);
  }
  const checkIns = new Map<string, CheckIn[]>();
  for (const c of input.checkIns) {
    if (c.deletedAt !== null || c.time > now) continue;
    const list = checkIns.get(c.goalId) ?? [];
    list.push(c);
    checkIns.set(c.goalId, list);
  }
  for (const list of checkIns.values()) list.sort((a, b) => a.time - b.time);

  // ---- memoised series --------------------------------------------------------------------------
  const selected = new Map<string, RollupIndex[]>();
  const rollupsFor = (metricId: string, dims: Goal['dims']): RollupIndex[] => {
    const key = `${metricId}|${dimKey(dims)}`;
    let r = selected.get(key);
    if (!r) {
      const all = rollupsByMetric.get(metricId) ?? [];
      r =
        dims && Object.keys(dims).length
          ? all.filter((x) => dimsMatch(parseDimKey(x.rollup.dimKey), dims))
          : all;
      selected.set(key, r);
    }
    return r;
  };
  const firstDay = new Map<string, DayKey | null>();
  const firstDataDay = (rollups: RollupIndex[], key: string): DayKey | null => {
    if (firstDay.has(key)) return firstDay.get(key) ?? null;
    let min: DayKey | null = null;
    for (const r of rollups) {
      const d = r.days[0];
      if (d !== undefined && (min === null || d < min)) min = d;
    }
    firstDay.set(key, min);
    return min;
  };

  /**
   * A base metric's value per period on `starts`: sum metrics are 0 in empty periods after their first
   * data (no sale is a zero), stocks ('last') carry their previous value forward, others are null.
   */
  const baseSeries = (
    metric: Metric,
    dims: Goal['dims'],
    g: Granularity,
    starts: DayKey[],
  ): Array<number | null> => {
    const rollups = rollupsFor(metric.id, dims);
    if (!rollups.length || !starts.length) return starts.map(() => null);
    const from = starts[0] ?? today;
    const to = addDays(nextPeriodStart(starts[starts.length - 1] ?? today, g), -1);
    const periods = aggregateRollups(rollups, metric.aggregation, g, cal, { from, to });
    const raw = alignPeriods(periods, starts, null);
    const first = firstDataDay(rollups, `${metric.id}|${dimKey(dims)}`);
    const out: Array<number | null> = [];
    let prev: number | null = null;
    if (metric.aggregation === 'last') {
      const before = latestInRange(rollups, { to: addDays(from, -1) });
      prev = before ? before.value : null;
    }
    for (let i = 0; i < starts.length; i++) {
      const v = raw[i] ?? null;
      const s = starts[i] ?? '';
      if (v !== null) out.push(v);
      else if (metric.aggregation === 'sum')
        out.push(first !== null && nextPeriodStart(s, g) > first ? 0 : null);
      else if (metric.aggregation === 'last') out.push(prev);
      else out.push(null);
      if (v !== null) prev = v;
    }
    return out;
  };

  const seriesMemo = new Map<string, Array<number | null>>();
  const metricSeries = (
    metricId: string,
    dims: Goal['dims'],
    g: Granularity,
    starts: DayKey[],
  ): Array<number | null> => {
    const key = `${metricId}|${dimKey(dims)}|${g}|${starts[0]}|${starts.length}`;
    const hit = seriesMemo.get(key);
    if (hit) return hit;
    const m = metrics.get(metricId);
    let out: Array<number | null>;
    if (!m) out = starts.map(() => null);
    else if (!m.formula) out = baseSeries(m, dims, g, starts);
    else {
      out = derivedSeries(
        metricId,
        metrics,
        (id) => {
          const base = metrics.get(id);
          return base && !base.formula ? baseSeries(base, dims, g, starts) : undefined;
        },
        starts.length,
      );
    }
    seriesMemo.set(key, out);
    return out;
  };

  /** Period starts from `count` periods before the current one through the current one. */
  const recentStarts = (g: Granularity, count: number): DayKey[] => {
    const back = g === 'week' ? count * 7 : g === 'month' ? Math.ceil(count * 31) : count;
    const starts = periodStarts(addDays(today, -back), today, g, cal);
    return starts.slice(Math.max(0, starts.length - count - 1));
  };

  /** Instants at which the current and following periods end; shared by every goal's forecast. */
  const periodEnds = new Map<Granularity, number[]>();
  const futurePeriodEnds = (g: Granularity): number[] => {
    let ends = periodEnds.get(g);
    if (!ends) {
      ends = [];
      let s = nextPeriodStart(periodStart(today, g, cal), g);
      for (let k = 0; k < (g === 'week' ? 260 : 120); k++) {
        ends.push(startOfLocalDay(s, tz));
        s = nextPeriodStart(s, g);
      }
      periodEnds.set(g, ends);
    }
    return ends;
  };

  // ---- per goal ---------------------------------------------------------------------------------
  const live = input.goals.filter((g) => g.deletedAt === null && !g.archived);
  const liveById = new Map(live.map((x) => [x.id, x]));
  const perGoal = new Map<string, GoalEvaluation>();
  const alerts: Array<Alert | null> = [];
  const thisWeek = periodStart(today, 'week', cal);
  const thisMonth = periodStart(today, 'month', cal);

  for (const goal of live) {
    const metric = goal.metricId ? metrics.get(goal.metricId) : undefined;
    const goalCheckIns = checkIns.get(goal.id) ?? [];
    const lastCheckIn = goalCheckIns[goalCheckIns.length - 1];
    const done = goal.doneAt !== undefined && goal.doneAt !== null;
    const target = goal.target !== undefined && Number.isFinite(goal.target) ? goal.target : null;
    const direction = metric?.direction ?? 'up';
    const startDay = goal.startAt !== undefined ? localDayKey(goal.startAt, tz) : undefined;
    const notStarted = goal.startAt !== undefined && goal.startAt > now;
    // The last local day the goal's window covers: most of a day must lie before the deadline, so a
    // deadline at midnight (or a UTC "end of year" read in UTC+7) doesn't pull in the next day.
    const endDay =
      goal.deadline !== undefined && (goal.startAt === undefined || goal.deadline > goal.startAt)
        ? localDayKey(goal.deadline - DAY / 2, tz)
        : undefined;
    // Values are read up to today, or up to the window's end once it is over (a done Q1 milestone
    // keeps its Q1 figure instead of growing with every later sale).
    const lastDay = endDay !== undefined && endDay < today ? endDay : today;

    let current: number | null = null;
    let baseline: number | null = goal.baseline ?? null;
    let measure: GoalEvaluation['measure'] = null;
    let history: number[] = [];
    let monthly: number[] = [];
    let g: Granularity = 'month';
    let cumulative = false;

    if (metric) {
      cumulative = isCumulative(goal, metric);
      measure = cumulative ? 'cumulative' : 'latest';
      const span = goal.deadline !== undefined ? goal.deadline - (goal.startAt ?? now) : 365 * DAY;
      g =
        (cumulative || metric.aggregation === 'last') && !metric.formula && span <= WEEKLY_MAX_DAYS * DAY
          ? 'week'
          : 'month';
      const monthStarts = recentStarts('month', 36);
      const months = metricSeries(metric.id, goal.dims, 'month', monthStarts);
      const completeMonths = months.slice(0, -1);
      monthly = completeMonths.filter((v): v is number => v !== null);
      const rollups = rollupsFor(metric.id, goal.dims);
      const starts = g === 'month' ? monthStarts : recentStarts(g, 104);
      const series = g === 'month' ? months : metricSeries(metric.id, goal.dims, g, starts);
      // Complete periods only (the current one is partial), from the first period the metric covers
      // in full: a period where data starts mid-way looks like a slump and would skew the residuals.
      const first = firstDataDay(rollups, `${metric.id}|${dimKey(goal.dims)}`);
      history = [];
      for (let i = 0; i < series.length - 1; i++) {
        const v = series[i];
        if (v === null || v === undefined) continue;
        if (
          !history.length &&
          first !== null &&
          (starts[i] ?? '') < first &&
          (metric.aggregation === 'sum' || metric.formula)
        )
          continue;
        history.push(v);
      }
      if (cumulative) {
        const sum = sumInRange(rollups, { from: startDay, to: lastDay });
        baseline = goal.baseline ?? 0;
        current = baseline + sum;
      } else {
        if (metric.aggregation === 'last' && !metric.formula) {
          current = latestInRange(rollups, { to: lastDay })?.value ?? null;
        } else if (lastDay < today) {
          // The window is over: the value of the month its last day falls in (null if out of range).
          const i = monthStarts.findLastIndex((m) => m <= lastDay);
          current = i >= 0 ? (months[i] ?? null) : null;
        } else {
          // A sum or rate over a partial month understates it: use the latest complete month, or the
          // current month when there is no complete one yet.
          const lastComplete = [...completeMonths].reverse().find((v) => v !== null);
          current = lastComplete ?? months[months.length - 1] ?? null;
        }
        if (baseline === null && startDay) {
          baseline =
            metric.aggregation === 'last' && !metric.formula
              ? (latestInRange(rollups, { to: startDay })?.value ?? null)
              : null;
        }
        baseline ??= monthly[0] ?? current;
      }
    } else {
      const withValue = [...goalCheckIns].reverse().find((c) => c.value !== undefined);
      if (withValue?.value !== undefined) {
        current = withValue.value;
        baseline ??= 0;
        measure = 'latest';
      }
    }

    let progress =
      current !== null && baseline !== null && target !== null
        ? progressFraction(baseline, target, current, direction, metric?.unit.kind)
        : null;
    const milestone = goal.kind === 'milestone' || goal.budget ? milestoneStatus(goal, now) : null;
    if (progress === null && goal.kind === 'milestone') progress = done ? 1 : 0;

    const windowOk =
      goal.startAt !== undefined && goal.deadline !== undefined && goal.deadline > goal.startAt;
    // Before its window opens a goal has no pace: nothing is expected of it yet.
    const pace =
      windowOk && !notStarted && current !== null && baseline !== null && target !== null
        ? computePace(
            {
              startAt: goal.startAt ?? 0,
              deadline: goal.deadline ?? 0,
              trajectory: goal.trajectory,
              seasonalWeights: goal.seasonalWeights,
              timeZone: tz,
            },
            baseline,
            target,
            current,
            now,
            { direction, unit: metric?.unit.kind },
          )
        : null;

    let forecast: HitForecast | null = null;
    if (
      metric &&
      current !== null &&
      target !== null &&
      goal.deadline !== undefined &&
      !done &&
      goal.deadline > now
    ) {
      // Reaching follows the metric's direction, not the side of the baseline the target is on.
      const sign = directionSign(direction);
      const curStart = periodStart(today, g, cal);
      const curEndDay = nextPeriodStart(curStart, g);
      const curStartT = startOfLocalDay(curStart, tz);
      const curEndT = startOfLocalDay(curEndDay, tz);
      const stepsToDeadline = Math.ceil((goal.deadline - now) / ((g === 'week' ? 7 : 30.4) * DAY)) + 1;
      const maxSteps = g === 'week' ? 260 : 120;
      const steps = Math.min(maxSteps, 2 * stepsToDeadline + 4);
      const stepEnds = futurePeriodEnds(g).slice(0, steps);
      forecast = forecastHit({
        history,
        mode: cumulative ? 'cumulative' : 'level',
        current,
        target,
        sign,
        now,
        stepEnds,
        firstStepShare: curEndT > curStartT ? (curEndT - now) / (curEndT - curStartT) : 1,
        deadline: goal.deadline,
        seasonPeriod: g === 'week' ? 52 : 12,
        paths: input.forecastPaths ?? 400,
        seed: hashString(goal.id),
        ...(notStarted ? { countFrom: goal.startAt } : {}),
      });
    }

    const confidenceSource = lastCheckIn
      ? { value: lastCheckIn.confidence, time: lastCheckIn.time }
      : goal.confidence
        ? { value: goal.confidence, time: goal.updatedAt }
        : null;
    const reached =
      pace?.reached ??
      (progress !== null && target !== null && goal.kind !== 'milestone' ? progress >= 1 : false);
    const st = computeStatus({
      done,
      notStarted,
      reached,
      deadlinePassed:
        goal.deadline !== undefined && goal.deadline < now && (goal.kind === 'milestone' || current !== null),
      gapPct: pace?.gapPct ?? null,
      probability: forecast?.probabilityByDeadline ?? null,
      confidence: confidenceSource,
      now,
    });

    perGoal.set(goal.id, {
      goalId: goal.id,
      current,
      baseline,
      target,
      measure,
      progress,
      rolledUpProgress: progress,
      pace,
      forecast,
      status: st.status,
      statusReasons: st.reasons,
      okr: goal.kind === 'key_result' ? krScore(progress, goal.okrType, cal.okrZones) : null,
      milestone,
      smart: smartCheck(goal, { metric, now, history: monthly, current }),
      lastCheckInAt: lastCheckIn?.time ?? null,
    });

    // ---- alerts for this goal ----
    // A goal not started yet can't be behind or about to miss (status.ts, rule 0).
    if (!done && !notStarted) {
      const conversion =
        metric && !cumulative && target !== null && isFunnelConversion(metric, (id) => metrics.get(id))
          ? conversionBelowTargetAlert(goal, current, target, metric.direction, thisMonth)
          : null;
      alerts.push(
        mostSevere([
          forecastMissAlert(goal, forecast, thisWeek, opts),
          belowTrajectoryAlert(goal, pace, thisWeek, opts),
          conversion,
        ]),
      );
      // The weekly OKR review checks in on an objective with its key results: it counts for them too.
      const parent = goal.kind === 'key_result' && goal.parentId ? liveById.get(goal.parentId) : undefined;
      const reviewed = parent?.kind === 'objective' ? checkIns.get(parent.id)?.at(-1)?.time : undefined;
      const lastReview = Math.max(
        lastCheckIn?.time ?? Number.NEGATIVE_INFINITY,
        reviewed ?? Number.NEGATIVE_INFINITY,
      );
      alerts.push(noCheckInAlert(goal, Number.isFinite(lastReview) ? lastReview : null, now, opts));
      if (milestone) alerts.push(milestoneOverdueAlert(goal, milestone));
    }
  }

  // ---- roll-ups: progress, OKR objectives, statuses of goals measured only through children ----
  const own = new Map<string, number | null>();
  for (const [id, e] of perGoal) own.set(id, e.progress);
  const rolled = rollUpProgress(live, own);
  const children = new Map<string, Goal[]>();
  for (const goal of live) {
    if (!goal.parentId || !perGoal.has(goal.parentId)) continue;
    const list = children.get(goal.parentId) ?? [];
    list.push(goal);
    children.set(goal.parentId, list);
  }
  const RANK: Record<Confidence, number> = { on_track: 0, at_risk: 1, off_track: 2 };
  const resolving = new Set<string>();
  const resolve = (id: string): GoalEvaluation | undefined => {
    const e = perGoal.get(id);
    if (!e || resolving.has(id)) return e;
    resolving.add(id);
    const kids = (children.get(id) ?? []).map((c) => ({ goal: c, e: resolve(c.id) }));
    resolving.delete(id);
    e.rolledUpProgress = rolled.get(id) ?? e.progress;
    const goal = liveById.get(id);
    if (goal?.kind === 'objective') {
      const krs = kids.filter((k) => k.goal.kind === 'key_result');
      const score = krs.length
        ? objectiveScore(krs.map((k) => ({ score: k.e?.okr?.score ?? null, weight: k.goal.weight })))
        : e.rolledUpProgress === null
          ? null
          : Math.round(Math.min(1, Math.max(0, e.rolledUpProgress)) * 100) / 100;
      e.okr =
        score === null ? null : { score, zone: okrZone(score, cal.okrZones), meetsExpectation: score >= 1 };
    }
    // A goal with no computed status of its own (an objective, a BHAG without a metric) takes the mean
    // rank of its children's statuses, as a scorecard perspective does.
    if (
      e.statusReasons.includes('no_data') ||
      (e.progress === null && e.statusReasons.includes('manual_confidence'))
    ) {
      const ranks = kids
        .map((k) => k.e?.status)
        .filter((s): s is Confidence => !!s)
        .map((s) => RANK[s]);
      if (ranks.length) {
        const mean = ranks.reduce((a, b) => a + b, 0) / ranks.length;
        const fromKids: Confidence = mean < 0.5 ? 'on_track' : mean < 1.25 ? 'at_risk' : 'off_track';
        if (!e.status || RANK[fromKids] > RANK[e.status]) e.status = fromKids;
      }
    }
    return e;
  };
  for (const id of perGoal.keys()) resolve(id);

  // ---- KPI week-over-week moves ----
  const weeks = recentStarts('week', 2);
  if (weeks.length >= 3) {
    const lastWeek = weeks[weeks.length - 2] ?? thisWeek;
    for (const m of metrics.values()) {
      if (m.archived || (!m.formula && !rollupsByMetric.has(m.id))) continue;
      const s = metricSeries(m.id, undefined, 'week', weeks);
      alerts.push(kpiMovedAlert(m, s[s.length - 2] ?? null, s[s.length - 3] ?? null, lastWeek, opts));
    }
  }

  return {
    perGoal,
    alerts: dedupeAlerts(alerts),
    scorecard: scorecard(live, (id) => {
      const e = perGoal.get(id);
      return e ? { status: e.status, progress: e.rolledUpProgress } : undefined;
    }),
  };
}
