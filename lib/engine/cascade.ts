import type { Goal } from '../schema';
import {
  addDays,
  type CalendarSettings,
  type DayKey,
  dayKeyFromNumber,
  dayNumber,
  daysInMonth,
  type Granularity,
  nextPeriodStart,
  periodStart,
} from './time-buckets';

/**
 * Cascading a long-horizon target (a 3-year BHAG, a yearly target) into yearly, quarterly and monthly
 * milestone targets. Every local day of the window gets a weight — 1 (linear), or its month's seasonal
 * weight ÷ days in that month (phased) — and a period's target is the total × its share of the weight.
 * Periods are clipped to the window, so a target starting mid-month gets a partial first month.
 * Children always add up to their parent: the last child takes the remainder.
 */

export type CascadeMethod = 'linear' | 'phased';

export interface PeriodTarget {
  start: DayKey;
  /** Exclusive. */
  end: DayKey;
  target: number;
  /** Target from the window start through this period. */
  cumulative: number;
}

export interface CascadeNode extends PeriodTarget {
  granularity: Granularity;
  children: CascadeNode[];
}

/**
 * 12 weights (Jan first) from last year's monthly actuals, scaled to average 1. Negative months count
 * as 0; with no usable actuals every month weighs the same.
 */
export function seasonalWeightsFromActuals(monthly: ReadonlyArray<number | null | undefined>): number[] {
  const vals = Array.from({ length: 12 }, (_, i) => {
    const v = monthly[i];
    return v !== null && v !== undefined && Number.isFinite(v) && v > 0 ? v : 0;
  });
  const total = vals.reduce((a, b) => a + b, 0);
  if (total <= 0) return new Array<number>(12).fill(1);
  return vals.map((v) => (v * 12) / total);
}

function dayWeightFn(method: CascadeMethod, weights: readonly number[] | undefined): (n: number) => number {
  const usable = method === 'phased' && weights?.length === 12 && weights.some((w) => w > 0);
  if (!usable) return () => 1;
  return (n) => {
    const key = dayKeyFromNumber(n);
    const y = Number(key.slice(0, 4));
    const m = Number(key.slice(5, 7));
    return Math.max(0, weights?.[m - 1] ?? 0) / daysInMonth(y, m);
  };
}

/**
 * The weight of the local days `from`..`to` (inclusive) under `method`: the number of days (linear), or
 * the sum of their months' seasonal weight per day (phased). How much of a year a clipped year holds.
 */
export function windowWeight(
  from: DayKey,
  to: DayKey,
  method: CascadeMethod = 'linear',
  weights?: readonly number[],
): number {
  if (to < from) return 0;
  const w = dayWeightFn(method, weights);
  let all = 0;
  for (let n = dayNumber(from); n <= dayNumber(to); n++) all += w(n);
  return all;
}

/**
 * Splits `total` over the periods of granularity `g` between local days `from` and `to` (inclusive).
 * An inverted window gives []. A window whose days all weigh 0 falls back to linear.
 */
export function splitTarget(
  total: number,
  from: DayKey,
  to: DayKey,
  g: Granularity,
  cal: Omit<CalendarSettings, 'timeZone'>,
  method: CascadeMethod = 'linear',
  weights?: readonly number[],
): PeriodTarget[] {
  if (to < from || !Number.isFinite(total)) return [];
  let w = dayWeightFn(method, weights);
  const a = dayNumber(from);
  const b = dayNumber(to);
  let all = 0;
  for (let n = a; n <= b; n++) all += w(n);
  if (all <= 0) {
    w = () => 1;
    all = b - a + 1;
  }
  const out: PeriodTarget[] = [];
  let s = periodStart(from, g, cal);
  let assigned = 0;
  while (s <= to) {
    const e = nextPeriodStart(s, g);
    const lo = Math.max(a, dayNumber(s));
    const hi = Math.min(b, dayNumber(e) - 1);
    let part = 0;
    for (let n = lo; n <= hi; n++) part += w(n);
    const isLast = e > to;
    const target = isLast ? total - assigned : (total * part) / all;
    assigned += target;
    out.push({ start: s < from ? from : s, end: isLast ? addDays(to, 1) : e, target, cumulative: assigned });
    s = e;
  }
  return out;
}

/**
 * Year → quarter → month tree of targets (fiscal years and quarters per Settings). Built bottom-up from
 * the monthly split, so each node's target is exactly the sum of its children's.
 */
export function cascadeTree(
  total: number,
  from: DayKey,
  to: DayKey,
  cal: Omit<CalendarSettings, 'timeZone'>,
  method: CascadeMethod = 'linear',
  weights?: readonly number[],
): CascadeNode[] {
  const months = splitTarget(total, from, to, 'month', cal, method, weights);
  const group = (children: CascadeNode[], g: Granularity): CascadeNode[] => {
    const out: CascadeNode[] = [];
    for (const c of children) {
      const key = periodStart(c.start, g, cal);
      const last = out[out.length - 1];
      if (last && periodStart(last.start, g, cal) === key) {
        last.children.push(c);
        last.target += c.target;
        last.end = c.end;
        last.cumulative = c.cumulative;
      } else {
        out.push({
          start: c.start,
          end: c.end,
          target: c.target,
          cumulative: c.cumulative,
          granularity: g,
          children: [c],
        });
      }
    }
    return out;
  };
  const monthNodes: CascadeNode[] = months.map((m) => ({ ...m, granularity: 'month', children: [] }));
  return group(group(monthNodes, 'quarter'), 'year');
}

/** Goals by their parent's id, in the order given: the goal tree read downwards. */
export function childrenByParent<T extends Pick<Goal, 'parentId'>>(goals: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const g of goals) {
    if (!g.parentId) continue;
    const list = out.get(g.parentId);
    if (list) list.push(g);
    else out.set(g.parentId, [g]);
  }
  return out;
}

/**
 * Rolls progress up the goal tree (parentId). A goal with its own measured progress keeps it; a goal
 * without one (an objective, a BHAG without a metric) takes the weighted mean of its children's
 * rolled-up progress (equal weights if all are 0). Cycles in parentId are cut, never followed forever.
 */
export function rollUpProgress(
  goals: readonly Pick<Goal, 'id' | 'parentId' | 'weight'>[],
  own: ReadonlyMap<string, number | null>,
): Map<string, number | null> {
  const children = new Map<string, Array<Pick<Goal, 'id' | 'weight'>>>();
  for (const g of goals) {
    if (!g.parentId || g.parentId === g.id) continue;
    const list = children.get(g.parentId) ?? [];
    list.push(g);
    children.set(g.parentId, list);
  }
  const out = new Map<string, number | null>();
  const visiting = new Set<string>();
  const visit = (id: string): number | null => {
    if (out.has(id)) return out.get(id) ?? null;
    const mine = own.get(id);
    if (mine !== undefined && mine !== null && Number.isFinite(mine)) {
      out.set(id, mine);
      return mine;
    }
    if (visiting.has(id)) return null;
    visiting.add(id);
    const parts: Array<{ p: number; w: number }> = [];
    for (const c of children.get(id) ?? []) {
      const p = visit(c.id);
      if (p !== null) parts.push({ p, w: Math.max(0, c.weight) });
    }
    visiting.delete(id);
    const wSum = parts.reduce((a, x) => a + x.w, 0);
    const value = !parts.length
      ? null
      : wSum > 0
        ? parts.reduce((a, x) => a + x.p * x.w, 0) / wSum
        : parts.reduce((a, x) => a + x.p, 0) / parts.length;
    out.set(id, value);
    return value;
  };
  for (const g of goals) visit(g.id);
  return out;
}
