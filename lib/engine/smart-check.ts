import { formatCompact } from '../i18n/format';
import type { Goal, Metric } from '../schema';
import { goalDirection } from './goal-type';
import { capSpentBefore } from './goal-types/budget-total';
import { type Message, msg } from './messages';
import { sentenceDate } from './sentence-date';

/**
 * SMART check: what a goal is missing (Specific metric, Measurable target, Assignable owner,
 * Time-bound deadline) or what makes it weak (Achievable / Relevant: target on the wrong side of the
 * baseline, deadline already past, a growth rate far above anything the metric has ever done).
 */

export type SmartCode =
  | 'no_metric'
  | 'no_target'
  | 'no_deadline'
  | 'no_owner'
  | 'no_baseline'
  | 'target_wrong_side'
  | 'target_equals_baseline'
  | 'deadline_past'
  | 'deadline_before_start'
  | 'unrealistic_growth'
  | 'tight_cap'
  | 'cap_baseline_above'
  | 'no_key_results';

export interface SmartIssue {
  code: SmartCode;
  /** missing: a SMART element is absent; weak: present but doubtful. */
  severity: 'missing' | 'weak';
  message: Message;
}

export interface SmartContext {
  metric?: Pick<Metric, 'direction' | 'aggregation' | 'formula'> & Partial<Pick<Metric, 'unit'>>;
  now: number;
  /** The metric's monthly values (complete months, oldest first) for the growth check. */
  history?: readonly number[];
  /**
   * Where the goal stands now: for a total, its running total as the card reads it (the baseline plus
   * every value counted in the window so far); else the latest level.
   */
  current?: number | null;
  /** The user's time zone, for dates in sentences ("Dec 31, 2026" / "31/12/2026"); UTC without it. */
  timeZone?: string;
  /** The goal is read as "keep a level" (goal-type.ts): it holds a line, it does not start from one. */
  keep?: boolean;
  /**
   * The baseline the reading uses when the goal stores none (the level when the window opened, the 12
   * months before it for a rolling sum): the card already reads "of the way from ₫37B".
   */
  inferredBaseline?: number | null;
  /**
   * An objective's live key results (goals with it as their parent and kind key_result); undefined
   * where they are not known (the goal form, before the objective is saved).
   */
  keyResults?: number;
}

const MONTH_MS = 30.4375 * 86_400_000;
/** "Far above": needs more than 1.5× the best month's growth and at least 5 points more. */
const FAR_FACTOR = 1.5;
const FAR_MARGIN = 0.05;

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 100) / 100);

/**
 * An amount for a sentence in each language, as the cards write it: `₫1.27B` / `1,27 tỷ ₫`, `1.2K`.
 * Plain `1,268,017,143` beside a card's `₫4.42B` read as another number.
 */
function compactIn(name: string, value: number, unit: Metric['unit'] | undefined): Record<string, string> {
  const currency = unit?.kind === 'currency' ? unit.currency : undefined;
  return {
    [`${name}En`]: formatCompact(value, 'en', currency),
    [`${name}Vi`]: formatCompact(value, 'vi', currency),
  };
}

export function isCumulative(
  goal: Pick<Goal, 'measure'> & Partial<Pick<Goal, 'goalType'>>,
  metric?: Pick<Metric, 'aggregation' | 'formula'>,
): boolean {
  const summed = !metric || (metric.aggregation === 'sum' && !metric.formula);
  // The stated type decides: annual revenue as a rolling 12-month level is not revenue "since start".
  if (goal.goalType)
    return goal.goalType === 'total' || (goal.goalType === 'milestone' && !!metric && summed);
  if (goal.measure)
    return goal.measure === 'cumulative' && (!metric || (metric.aggregation === 'sum' && !metric.formula));
  return !!metric && metric.aggregation === 'sum' && !metric.formula;
}

/** `{ dateEn, dateVi }` as `{ deadlineEn, deadlineVi }`: two dates in one sentence. */
const prefixed = (name: string, d: { dateEn: string; dateVi: string }) => ({
  [`${name}En`]: d.dateEn,
  [`${name}Vi`]: d.dateVi,
});

export function smartCheck(goal: Goal, ctx: SmartContext): SmartIssue[] {
  const issues: SmartIssue[] = [];
  const add = (code: SmartCode, severity: SmartIssue['severity'], message: Message) =>
    issues.push({ code, severity, message });
  const measured = goal.kind !== 'objective' && goal.kind !== 'milestone';
  const tz = ctx.timeZone ?? 'UTC';

  if (measured && !goal.metricId) add('no_metric', 'missing', msg('smart_no_metric'));
  if (measured && goal.target === undefined) add('no_target', 'missing', msg('smart_no_target'));
  // An objective is measured through its key results: without any it measures nothing, and "specific,
  // measurable and time-bound" beside it was not true.
  if (goal.kind === 'objective' && !goal.metricId && ctx.keyResults === 0)
    add('no_key_results', 'missing', msg('smart_no_key_results'));
  if (goal.deadline === undefined) add('no_deadline', 'missing', msg('smart_no_deadline'));
  if (!goal.owner?.trim()) add('no_owner', 'missing', msg('smart_no_owner'));

  const cumulative = isCumulative(goal, ctx.metric);
  // A keep goal holds its threshold: a baseline equal to it is the point, not "nothing to improve".
  const keep = ctx.keep ?? goal.goalType === 'keep';
  const inferred = ctx.inferredBaseline !== undefined && ctx.inferredBaseline !== null;
  if (measured && goal.metricId && !cumulative && !keep && goal.baseline === undefined && !inferred) {
    add('no_baseline', 'weak', msg('smart_no_baseline'));
  }

  // The goal's way: its KPI's good direction, or for a neutral KPI (ad spend) the goal's own.
  const direction = goalDirection(goal, ctx.metric);
  // A budget cap (a total whose way is down: goal-types/budget-total.ts) sits above its baseline by
  // design: the baseline is what was spent before, the cap what the window may add up to.
  const cap = cumulative && direction === 'down';
  // One above it was saved before caps existed ("reduce refunds from 2,000 to 1,500"): read from 0,
  // and said here, where an edit settles what it meant.
  if (
    measured &&
    cap &&
    goal.target !== undefined &&
    goal.baseline !== undefined &&
    goal.baseline > goal.target
  ) {
    const unit = ctx.metric?.unit;
    add(
      'cap_baseline_above',
      'weak',
      msg('smart_cap_baseline_above', {
        ...compactIn('baseline', goal.baseline, unit),
        ...compactIn('cap', goal.target, unit),
      }),
    );
  }
  if (measured && !keep && !cap && goal.target !== undefined && goal.baseline !== undefined) {
    const t = goal.target;
    const b = goal.baseline;
    if (t === b)
      add('target_equals_baseline', 'weak', msg('smart_target_equals_baseline', { target: fmt(t) }));
    else if ((direction === 'up' && t < b) || (direction === 'down' && t > b)) {
      const params = { target: fmt(t), baseline: fmt(b) };
      add(
        'target_wrong_side',
        'weak',
        // A neutral KPI has no better side: the way is the goal's own ("raise it", "bring it down").
        ctx.metric?.direction === 'neutral'
          ? msg('smart_wrong_side_goal', { ...params, way: direction })
          : msg('smart_wrong_side', { ...params, good: direction === 'up' ? 'higher' : 'lower' }),
      );
    }
  }

  if (goal.startAt !== undefined && goal.deadline !== undefined && goal.deadline <= goal.startAt) {
    add(
      'deadline_before_start',
      'weak',
      msg('smart_deadline_before_start', {
        ...prefixed('deadline', sentenceDate(goal.deadline, tz)),
        ...prefixed('start', sentenceDate(goal.startAt, tz, 'day')),
      }),
    );
  } else if (goal.deadline !== undefined && goal.deadline < ctx.now && !goal.doneAt) {
    add('deadline_past', 'weak', msg('smart_deadline_past', sentenceDate(goal.deadline, tz)));
  }

  const growth = growthIssue(goal, ctx, cumulative, direction);
  if (growth) issues.push(growth);
  return issues;
}

/**
 * A budget cap (a total whose way is down) needs no rate: it allows one. What is left of it spread over
 * the time left is the spend a month it allows; weak when that is far under the lowest month the
 * history holds (under 1 ÷ 1.5 of it), or when nothing is left.
 */
function capIssue(
  allowed: number,
  cap: number,
  soFar: number,
  h: readonly number[],
  unit: Metric['unit'] | undefined,
): SmartIssue | null {
  if (soFar >= cap)
    return {
      code: 'tight_cap',
      severity: 'weak',
      message: msg('smart_cap_used', { ...compactIn('spent', soFar, unit), ...compactIn('cap', cap, unit) }),
    };
  const lowest = Math.min(...h.filter((v) => v > 0));
  if (!Number.isFinite(lowest) || allowed * FAR_FACTOR >= lowest) return null;
  return {
    code: 'tight_cap',
    severity: 'weak',
    message: msg('smart_cap_rate', {
      ...compactIn('allowed', allowed, unit),
      ...compactIn('lowest', lowest, unit),
    }),
  };
}

function growthIssue(
  goal: Goal,
  ctx: SmartContext,
  cumulative: boolean,
  direction: 'up' | 'down',
): SmartIssue | null {
  const h = (ctx.history ?? []).filter(Number.isFinite);
  if (h.length < 3 || goal.target === undefined || goal.deadline === undefined) return null;
  const from = Math.max(ctx.now, goal.startAt ?? ctx.now);
  const months = (goal.deadline - from) / MONTH_MS;
  if (!(months > 0)) return null;
  const target = goal.target;

  if (cumulative) {
    // What is already counted is not still to go: ₫637M of a ₫1.5B Q4 total by Dec 7 leaves ₫863M for
    // 0.79 month (₫1.09B a month), never the whole ₫1.5B (₫1.88B a month).
    // A cap's baseline above it is no spend before the window (budget-total.ts, capSpentBefore).
    const soFar = ctx.current ?? (direction === 'down' ? capSpentBefore(goal) : (goal.baseline ?? 0));
    const perMonth = (target - soFar) / months;
    if (direction === 'down') return capIssue(perMonth, target, soFar, h, ctx.metric?.unit);
    const best = Math.max(...h);
    if (best > 0 && perMonth > FAR_FACTOR * best) {
      return {
        code: 'unrealistic_growth',
        severity: 'weak',
        message: msg('smart_unrealistic_rate', {
          ...compactIn('required', perMonth, ctx.metric?.unit),
          ...compactIn('best', best, ctx.metric?.unit),
        }),
      };
    }
    return null;
  }

  const current = ctx.current ?? goal.baseline ?? h[h.length - 1];
  if (current === undefined || current === null || current <= 0 || target <= 0) return null;
  // Growth "in the good direction": for a down metric (cost per lead) shrinking is growing.
  // A move in the good direction, per month: growth for an up metric, a cut for a down one (churn
  // 3.8% → 1% needs a 20% cut a month, not "282% growth").
  const ratio = direction === 'up' ? target / current : current / target;
  if (ratio <= 1) return null;
  const step = Math.max(1, months);
  const required = direction === 'up' ? ratio ** (1 / step) - 1 : 1 - (1 / ratio) ** (1 / step);
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 1; i < h.length; i++) {
    const a = h[i - 1] ?? 0;
    const b = h[i] ?? 0;
    if (a > 0 && b > 0) best = Math.max(best, direction === 'up' ? b / a - 1 : 1 - b / a);
  }
  if (!Number.isFinite(best)) return null;
  const bestUp = Math.max(0, best);
  // A cut can't exceed 100%: the margin rule alone would make any cut above 95% unreachable.
  const far =
    direction === 'up'
      ? Math.max(FAR_FACTOR * bestUp, bestUp + FAR_MARGIN)
      : Math.min(0.95, Math.max(FAR_FACTOR * bestUp, bestUp + FAR_MARGIN));
  if (required > far) {
    return {
      code: 'unrealistic_growth',
      severity: 'weak',
      message: msg(direction === 'up' ? 'smart_unrealistic_growth' : 'smart_unrealistic_cut', {
        required,
        best: bestUp,
      }),
    };
  }
  return null;
}
