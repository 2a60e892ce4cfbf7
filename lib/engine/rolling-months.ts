import { aggregateRollups, type RollupLike } from './aggregate';
import { addDays, type CalendarSettings, type DayKey, nextPeriodStart, periodStart } from './time-buckets';

/**
 * A summed metric read over rolling months (annual revenue = the last 12 complete months): the one
 * figure of "where it stood" that the goal card's baseline and the cascade wizard's yearly rate both
 * are (docs/figures.md § Reach a level, Baseline; § Milestone, cascade).
 *
 * **The rule** (`rollingFigure`): the sum of the `n` complete months before a month (the window's
 * first month, or the running month when that is earlier: a month still running is never a whole
 * one). When fewer than `n` of those months are on record (the metric's data starts later), the months
 * there are are scaled up to `n` — annualised, for 12 — and the figure says which months it rests on:
 * "₫34.1B a year (Jul–Dec 2025 annualised)". With no month on record before it, the first `n` complete
 * months on record stand in (scaled the same way when fewer).
 *
 * Until this rule the card took the first full 12-month sum on record, the 12 months to Jun 2026, for
 * a window opening in January ("from ₫36.98B", unlabelled), while the wizard annualised Jul–Dec 2025
 * (₫34.1B): two baselines for one goal.
 */
export interface RollingFigure {
  /** The sum over `n` months (scaled up from `months` when fewer). */
  value: number;
  /** Month starts of the first and the last month it rests on. */
  from: DayKey;
  to: DayKey;
  /** Months on record it rests on (at most `n`). */
  months: number;
  /** The rolling span it stands for: 12 for annual revenue. */
  n: number;
  /** Scaled up from fewer than `n` months. */
  scaled: boolean;
}

/** First local day with data among the rollups (an index's first day, or a raw rollup's least key). */
function firstDay(rollups: readonly RollupLike[]): DayKey | null {
  let min: DayKey | null = null;
  for (const r of rollups) {
    const d =
      'stats' in r
        ? r.days[0]
        : Object.keys(r.days).reduce<DayKey | undefined>(
            (a, k) => (a === undefined || k < a ? k : a),
            undefined,
          );
    if (d !== undefined && (min === null || d < min)) min = d;
  }
  return min;
}

/** Month starts `count` months before the month starting on `month`. */
export function monthsBefore(month: DayKey, count: number): DayKey {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 - count;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}-01`;
}

/**
 * The rolling figure before `before` (a month start: the first month not counted), over `n` months,
 * from a summed metric's rollups. `running` is the running month's start: no month from it on is
 * counted (it is not complete). Null without a complete month on record.
 */
export function rollingFigure(
  rollups: readonly RollupLike[],
  n: number,
  before: DayKey,
  running: DayKey,
  cal: Omit<CalendarSettings, 'timeZone'>,
): RollingFigure | null {
  const first = firstDay(rollups);
  if (first === null || n < 1) return null;
  const firstMonth = periodStart(first, 'month', cal);
  const end = before < running ? before : running;
  // The n months before `end`, from the first month on record; else the first n complete months on record.
  let from = monthsBefore(end, n);
  if (from < firstMonth) from = firstMonth;
  let to = end;
  if (from >= to) {
    from = firstMonth;
    to = monthsBefore(firstMonth, -n) < running ? monthsBefore(firstMonth, -n) : running;
    if (from >= to) return null;
  }
  const last = monthsBefore(to, 1);
  let months = 0;
  for (let m = from; m <= last; m = nextPeriodStart(m, 'month')) months++;
  // A month after the first on record with no entry is a month of 0 (no sale is a zero), as the card's
  // own rolling sums read it (series-context.ts, metricSeries).
  const periods = aggregateRollups(rollups, 'sum', 'month', cal, {
    from,
    to: addDays(nextPeriodStart(last, 'month'), -1),
  });
  let sum = 0;
  for (const p of periods) if (p.start >= from && p.start <= last) sum += p.value;
  return {
    value: months === n ? sum : (sum * n) / months,
    from,
    to: last,
    months,
    n,
    scaled: months < n,
  };
}
