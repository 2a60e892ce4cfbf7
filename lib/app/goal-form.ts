import { goalDirection, goalTypeOf } from '../engine/goal-type';
import { isCumulative, type SmartIssue, smartCheck } from '../engine/smart-check';
import {
  addDays,
  type CalendarSettings,
  dayNumber,
  localDayKey,
  nextPeriodStart,
  periodStart,
  startOfLocalDay,
} from '../engine/time-buckets';
import { formatNumber } from '../i18n/format';
import { dayProblemText, parseDay } from '../i18n/parse-day';
import { localizedName } from '../i18n/translate';
import { checkValue, type UiText } from '../popup/quick-log';
import {
  type Confidence,
  type Dimension,
  type Framework,
  Goal,
  type GoalDirection,
  type GoalKind,
  type GoalType,
  type KeepSide,
  type Locale,
  type Metric,
  type Perspective,
  type Unit,
} from '../schema';
import { describeIssues } from '../storage/records';
import { capBaselineProblem } from './budget-form';
import { goalDescription } from './goal-description';

/**
 * The goal editor's state as the user types it (numbers and dates are text until saved) and its
 * conversion to and from a Goal. Numbers go through the same parser as quick log, so `12tr`, `1.200.000`
 * and `$1,500` mean the same thing everywhere; the result is checked by the Goal zod schema and each
 * problem is shown on the field its path names.
 */
export interface GoalFormState {
  kind: GoalKind;
  title: string;
  description: string;
  frameworks: Framework[];
  perspective: Perspective | '';
  okrType: NonNullable<Goal['okrType']> | '';
  parentId: string;
  metricId: string;
  /** Only the metric's values with these dimension values count ("Facebook" ROAS); '' = all. */
  dims: Partial<Record<Dimension, string>>;
  measure: NonNullable<Goal['measure']> | '';
  /** The type question; '' lets the metric decide (goal-type.ts), and the decided type is saved. */
  goalType: GoalType | '';
  /** Keep goals only; '' follows the metric's good direction (required for a neutral KPI). */
  keepSide: KeepSide | '';
  /**
   * Goals on a neutral KPI (ad spend) other than keep goals: the way this goal moves it. '' reads it
   * from the target against the baseline; otherwise the form asks (a total too).
   */
  direction: GoalDirection | '';
  /** Level goals on a summed metric: '' or a whole number of months. */
  rollingMonths: string;
  baseline: string;
  target: string;
  /** Local days, 'YYYY-MM-DD' ('' = not set). The deadline day is included. */
  start: string;
  deadline: string;
  trajectory: NonNullable<Goal['trajectory']> | '';
  budgetAmount: string;
  budgetCurrency: string;
  spent: string;
  owner: string;
  weight: string;
  confidence: Confidence | '';
  pinned: boolean;
}
export type GoalField = keyof GoalFormState;
export type FieldErrors<F extends string> = Partial<Record<F | 'form', UiText>>;

export interface GoalFormContext {
  locale: Locale;
  timeZone: string;
  now: number;
  /** The goal being edited: keeps its id, createdAt and the fields the form does not show. */
  existing?: Goal;
  /** The chosen metric, so a target typed as `15%` or `₫12tr` is checked against its unit. */
  metric?: Pick<Metric, 'unit' | 'direction' | 'aggregation' | 'formula'>;
  newId: () => string;
}

const RENAMED: Partial<Record<GoalField, string>> = {
  start: 'startAt',
  budgetAmount: 'budget.amount',
  budgetCurrency: 'budget.currency',
};
/** Zod paths of Goal → the form field that shows the problem (most fields share the name). */
export const GOAL_FIELD_PATHS: Readonly<Record<string, GoalField>> = {
  budget: 'budgetAmount',
  ...Object.fromEntries(
    (Object.keys(emptyGoalForm({ currency: 'VND' })) as GoalField[]).map((f) => [RENAMED[f] ?? f, f]),
  ),
};

export function emptyGoalForm(opts: { currency: string; kind?: GoalKind; owner?: string }): GoalFormState {
  return {
    kind: opts.kind ?? 'kpi_target',
    title: '',
    description: '',
    frameworks: ['smart'],
    perspective: '',
    okrType: '',
    parentId: '',
    metricId: '',
    dims: {},
    measure: '',
    goalType: '',
    keepSide: '',
    direction: '',
    rollingMonths: '',
    baseline: '',
    target: '',
    start: '',
    deadline: '',
    trajectory: 'linear',
    budgetAmount: '',
    budgetCurrency: opts.currency,
    spent: '',
    owner: opts.owner ?? '',
    weight: '1',
    confidence: '',
    pinned: false,
  };
}

/** A number as the user would type it back in their locale (grouped, all significant decimals). */
export function numberText(value: number | undefined, locale: Locale): string {
  return value === undefined ? '' : formatNumber(value, locale, { maximumFractionDigits: 10 });
}

export function goalToForm(goal: Goal, locale: Locale, timeZone: string, currency: string): GoalFormState {
  const day = (t: number | undefined) => (t === undefined ? '' : localDayKey(t, timeZone));
  return {
    kind: goal.kind,
    title: localizedName(goal, locale),
    description: goalDescription(goal, locale) ?? '',
    frameworks: [...goal.frameworks],
    perspective: goal.perspective ?? '',
    okrType: goal.okrType ?? '',
    parentId: goal.parentId ?? '',
    metricId: goal.metricId ?? '',
    dims: { ...goal.dims },
    measure: goal.measure ?? '',
    goalType: goal.goalType ?? '',
    keepSide: goal.keepSide ?? '',
    direction: goal.direction ?? '',
    rollingMonths: numberText(goal.rollingMonths, locale),
    baseline: numberText(goal.baseline, locale),
    target: numberText(goal.target, locale),
    start: day(goal.startAt),
    deadline: day(goal.deadline),
    trajectory: goal.trajectory ?? '',
    budgetAmount: numberText(goal.budget?.amount, locale),
    budgetCurrency: goal.budget?.currency ?? currency,
    spent: numberText(goal.spent, locale),
    owner: goal.owner ?? '',
    weight: numberText(goal.weight, locale),
    confidence: goal.confidence ?? '',
    pinned: goal.pinned ?? false,
  };
}

const COUNT: Unit = { kind: 'count' };

/** The dimension values chosen, blanks ("all") left out; undefined when none is. */
function narrowedDims(dims: GoalFormState['dims']): Goal['dims'] {
  const out = Object.fromEntries(Object.entries(dims).filter(([, v]) => v?.trim()));
  return Object.keys(out).length ? out : undefined;
}

/** The legacy `measure` kept in step with the type, for readers of records that predate goalType. */
function measureFor(form: GoalFormState): Goal['measure'] {
  if (form.goalType === 'total') return 'cumulative';
  if (form.goalType === 'level' || form.goalType === 'keep') return 'latest';
  return form.measure || undefined;
}
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Longer than this, a summed goal's window spans more than one year's figures. */
const ONE_YEAR_AND_A_MONTH_DAYS = 396;

/**
 * A goal on a summed KPI (revenue, orders) over more than a year is open to two readings: "₫20B" as the
 * window's total, or as a rate per year to reach by the deadline (a BHAG's "20 tỷ/năm by 2029"). The
 * metric cannot tell them apart, so left to decide ('' type) the form asks instead of saving a total
 * the user may not have meant. Returns the window's first and last years to ask about, or null.
 */
export function totalOrRateQuestion(
  form: Pick<GoalFormState, 'goalType' | 'kind' | 'metricId' | 'start' | 'deadline'>,
  metric: Pick<Metric, 'aggregation' | 'formula' | 'direction' | 'unit'> | undefined,
): { from: string; to: string } | null {
  if (form.goalType !== '' || !metric || !form.metricId) return null;
  if (!DAY.test(form.start) || !DAY.test(form.deadline)) return null;
  if (dayNumber(form.deadline) - dayNumber(form.start) < ONE_YEAR_AND_A_MONTH_DAYS) return null;
  if (goalTypeOf({ kind: form.kind, metricId: form.metricId }, metric) !== 'total') return null;
  return { from: form.start.slice(0, 4), to: form.deadline.slice(0, 4) };
}

/** Reads the form leniently: every value that parses, and an error for every one that does not. */
function readForm(form: GoalFormState, ctx: GoalFormContext) {
  const errors: FieldErrors<GoalField> = {};
  const num = (field: GoalField, text: string, unit: Unit): number | undefined => {
    if (!text.trim()) return undefined;
    const c = checkValue(text, ctx.locale, unit);
    if (c.status === 'ok') return c.value;
    errors[field] = c.status === 'error' ? c.message : { text: c.question };
    return undefined;
  };
  const date = (field: GoalField, text: string, endOfDay: boolean): number | undefined => {
    if (!text.trim()) return undefined;
    // The date field keeps text that is not a day as typed (components/shared/day-input.tsx): read
    // here in the UI's language and refused with its reason ("31/02/2026": February has 28 days),
    // never saved as another day nor dropped.
    const read = parseDay(text, ctx.locale);
    if (!read.ok) {
      errors[field] = dayProblemText(read.problem);
      return undefined;
    }
    const t = endOfDay
      ? startOfLocalDay(addDays(read.day, 1), ctx.timeZone) - 1
      : startOfLocalDay(read.day, ctx.timeZone);
    if (Number.isFinite(t) && t >= 0) return t;
    errors[field] = { key: 'editor.error.date' };
    return undefined;
  };
  const unit = ctx.metric?.unit ?? COUNT;
  const currency = form.budgetCurrency.trim().toUpperCase();
  const money: Unit = /^[A-Z]{3}$/.test(currency) ? { kind: 'currency', currency } : COUNT;
  const budgetAmount = num('budgetAmount', form.budgetAmount, money);
  const existing = ctx.existing;
  // An unchanged title keeps its translations; an edited one drops them, or the old translation
  // would keep showing instead of what the user typed.
  const keepTitle = existing && form.title.trim() === localizedName(existing, ctx.locale);
  const { translations: _t, descriptionTranslations: _d, ...rest } = existing ?? ({} as Partial<Goal>);
  const description = form.description.trim() || undefined;
  const keepDescription = existing && description === goalDescription(existing, ctx.locale)?.trim();
  const weight = num('weight', form.weight, COUNT);
  const neutral = ctx.metric?.direction === 'neutral' && form.metricId !== '';
  const candidate: Record<string, unknown> = {
    ...rest,
    ...(keepTitle ? { title: existing.title, translations: existing.translations } : { title: form.title }),
    id: existing?.id ?? ctx.newId(),
    kind: form.kind,
    ...(keepDescription
      ? { description: existing.description, descriptionTranslations: existing.descriptionTranslations }
      : { description }),
    frameworks: [...form.frameworks],
    perspective: form.perspective || undefined,
    okrType: form.okrType || undefined,
    parentId: form.parentId || undefined,
    metricId: form.metricId || undefined,
    // Stated every time, so a filter the form no longer shows (another metric chosen) is not kept.
    dims: form.metricId ? narrowedDims(form.dims) : undefined,
    measure: measureFor(form),
    keepSide: form.goalType === 'keep' ? form.keepSide || undefined : undefined,
    // Only a neutral KPI's goals have a way of their own (resolved below when left to the form).
    direction: neutral && form.goalType !== 'keep' ? form.direction || undefined : undefined,
    rollingMonths: form.goalType === 'level' ? num('rollingMonths', form.rollingMonths, COUNT) : undefined,
    baseline: num('baseline', form.baseline, unit),
    target: num('target', form.target, unit),
    startAt: date('start', form.start, false),
    deadline: date('deadline', form.deadline, true),
    trajectory: form.trajectory || undefined,
    budget: budgetAmount === undefined ? undefined : { amount: budgetAmount, currency },
    spent: num('spent', form.spent, money),
    owner: form.owner.trim() || undefined,
    weight: weight ?? (form.weight.trim() ? undefined : 1),
    confidence: form.confidence || undefined,
    pinned: form.pinned || undefined,
    archived: existing?.archived ?? false,
    deletedAt: existing?.deletedAt ?? null,
    createdAt: existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k];
  // Every saved goal states its type: the one asked, or the one its metric implies.
  candidate.goalType =
    form.goalType ||
    goalTypeOf(
      {
        kind: form.kind,
        metricId: candidate.metricId as string | undefined,
        measure: candidate.measure as Goal['measure'],
        baseline: candidate.baseline as number | undefined,
        target: candidate.target as number | undefined,
        keepSide: candidate.keepSide as KeepSide | undefined,
        direction: candidate.direction as GoalDirection | undefined,
      },
      ctx.metric,
    );
  if (neutral && ctx.metric) neutralWay(form, candidate, errors);
  // A total whose way is down is a budget cap (budget-form.ts): its baseline is what was spent before.
  capBaselineProblem(
    candidate,
    goalDirection(
      {
        direction: candidate.direction as GoalDirection | undefined,
        baseline: candidate.baseline as number | undefined,
        target: candidate.target as number | undefined,
      },
      ctx.metric,
    ),
    errors,
  );
  const ask = totalOrRateQuestion(form, ctx.metric);
  if (ask) errors.goalType = { key: 'goalType.ask.error', params: ask };
  return { candidate, errors };
}

/**
 * A goal on a neutral KPI (ad spend: neither higher nor lower is better) states its own way, or every
 * figure of its card would be read upwards (lib/engine/goal-type.ts, goalDirection): a keep goal its
 * side, any other goal its direction — the one chosen, else the side of the baseline the target is on.
 * When none tells, the form asks rather than guess that "Ad spend ₫150M by June" means more spend —
 * a total as well: spend is added up, and a total of it taken down is a budget not to pass.
 */
function neutralWay(
  form: GoalFormState,
  candidate: Record<string, unknown>,
  errors: FieldErrors<GoalField>,
): void {
  const type = candidate.goalType as GoalType;
  if (type === 'objective') return;
  if (type === 'keep') {
    delete candidate.direction;
    // The side is only asked once the type is "keep": a type the form inferred asks on its own field.
    if (candidate.keepSide) return;
    if (form.goalType === 'keep') errors.keepSide = { key: 'editor.goal.neutralSide' };
    else errors.goalType = { key: 'editor.goal.neutralKeepType' };
    return;
  }
  const { baseline, target } = candidate;
  if (!candidate.direction) {
    if (typeof baseline === 'number' && typeof target === 'number' && baseline !== target)
      candidate.direction = target < baseline ? 'down' : 'up';
    // A total too: "Cut ad spend to ₫500M a month" left on the defaults was saved as a total to reach,
    // and its card read "₫3.32B / ₫500M · over 200% of target · target reached" (a reviewer).
    else errors.direction = { key: 'editor.goal.neutralDirection' };
  }
  // A total taken down is a budget cap ("at most ₫1.5B on ads in Q1"): budget-form.ts, and the
  // engine's goal-types/budget-total.ts, which never reads it as reached while its window runs.
}

export type GoalFormResult = { ok: true; goal: Goal } | { ok: false; errors: FieldErrors<GoalField> };

/** The Goal to save, or the problems keyed by form field (number parse errors first, then zod's). */
export function formToGoal(form: GoalFormState, ctx: GoalFormContext): GoalFormResult {
  const { candidate, errors } = readForm(form, ctx);
  const parsed = Goal.safeParse(candidate, { reportInput: true });
  const schemaErrors = parsed.success ? {} : problemsToErrors(describeIssues(parsed.error), GOAL_FIELD_PATHS);
  // A field whose text did not parse was left out of the candidate; zod's "missing" for it adds nothing.
  const all = { ...schemaErrors, ...errors };
  if (Object.keys(all).length || !parsed.success) return { ok: false, errors: all };
  return { ok: true, goal: parsed.data };
}

/** SMART hints for what is typed so far; fields that do not parse yet are treated as empty. */
export function smartHints(
  form: GoalFormState,
  ctx: GoalFormContext & {
    history?: readonly number[];
    current?: number | null;
    /** A total's values already counted in its window (form-counted.ts): its running total less the baseline. */
    counted?: number | null;
  },
): SmartIssue[] {
  const { candidate } = readForm(form, ctx);
  const goal = candidate as Goal;
  // A total stands at its baseline plus what is counted, as its card will read it.
  const counted = ctx.counted ?? null;
  const current =
    counted !== null && isCumulative(goal, ctx.metric) ? (goal.baseline ?? 0) + counted : ctx.current;
  return smartCheck(goal, {
    metric: ctx.metric,
    now: ctx.now,
    history: ctx.history,
    current,
    timeZone: ctx.timeZone,
  });
}

/** The goal and everything under it (parentId), cycle-safe: what a delete moves to the trash. */
export function descendantIds(goals: readonly Pick<Goal, 'id' | 'parentId'>[], rootId: string): string[] {
  const out = [rootId];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const g of goals) {
      if (g.parentId === out[i] && !seen.has(g.id)) {
        seen.add(g.id);
        out.push(g.id);
      }
    }
  }
  return out;
}

/** The goals above `id` (parentId), nearest first, cycle-safe. */
export function ancestorIds(goals: readonly Pick<Goal, 'id' | 'parentId'>[], id: string): string[] {
  const parentOf = new Map(goals.map((g) => [g.id, g.parentId]));
  const out: string[] = [];
  const seen = new Set([id]);
  for (let up = parentOf.get(id); up && !seen.has(up); up = parentOf.get(up)) {
    seen.add(up);
    out.push(up);
  }
  return out;
}

/** Goals that may be the parent of `selfId`: not itself and none of its descendants (no cycles). */
export function parentChoices<G extends Pick<Goal, 'id' | 'parentId'>>(
  goals: readonly G[],
  selfId?: string,
): G[] {
  if (!selfId) return [...goals];
  const banned = new Set(descendantIds(goals, selfId));
  return goals.filter((g) => !banned.has(g.id));
}

/** The current (fiscal) quarter as local days, first and last included: the OKR set's window. */
export function currentQuarter(now: number, cal: CalendarSettings): { start: string; deadline: string } {
  const start = periodStart(localDayKey(now, cal.timeZone), 'quarter', cal);
  return { start, deadline: addDays(nextPeriodStart(start, 'quarter'), -1) };
}

/**
 * The quarters an OKR set can be for: this one and the next, and which to offer first. Planning the
 * next quarter in its last weeks is the usual case: a Q1 set filled in on Dec 7 had been made for Q4,
 * where its key results read "target reached" on October's customers. So within the last 30 days of
 * a quarter the next one comes first.
 */
export function okrQuarters(
  now: number,
  cal: CalendarSettings,
): { quarters: { start: string; deadline: string }[]; preferred: number } {
  const current = currentQuarter(now, cal);
  const nextStart = addDays(current.deadline, 1);
  const next = { start: nextStart, deadline: addDays(nextPeriodStart(nextStart, 'quarter'), -1) };
  const daysLeft = dayNumber(current.deadline) - dayNumber(localDayKey(now, cal.timeZone));
  return { quarters: [current, next], preferred: daysLeft < 30 ? 1 : 0 };
}

/**
 * Maps ValidationError problems (`budget.amount: expected number`) to form fields by their path, the
 * longest known path first; a problem with no known field goes to `form`. Known English messages are
 * turned into UI keys so they show in the user's language.
 */
export function problemsToErrors<F extends string>(
  problems: readonly string[],
  paths: Readonly<Record<string, F>>,
): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  const known = Object.keys(paths).sort((a, b) => b.length - a.length);
  for (const problem of problems) {
    const cut = problem.indexOf(': ');
    // Strip a batch prefix such as `goals[0].`.
    const path = cut < 0 ? '' : problem.slice(0, cut).replace(/^\w+\[\d+\]\.?/, '');
    const message = cut < 0 ? problem : problem.slice(cut + 2);
    const hit = known.find((k) => path === k || path.startsWith(`${k}.`) || path.startsWith(`${k}[`));
    const field: F | 'form' = hit ? paths[hit]! : 'form';
    out[field] ??= problemText(message);
  }
  return out;
}

export function problemText(message: string): UiText {
  if (message === 'must not be empty') return { key: 'editor.error.empty' };
  if (message.startsWith('expected number') || message.startsWith('expected int'))
    return { key: 'editor.error.number' };
  const bound = /^must be ([≥>≤<]) (-?[\d.e+]+)$/.exec(message);
  if (bound) {
    const key = bound[1] === '≥' || bound[1] === '>' ? 'editor.error.min' : 'editor.error.max';
    return { key, params: { limit: Number(bound[2]) } };
  }
  return { text: { en: message, vi: message } };
}
