import { ownStep, roundedSplit } from './round-split';

/**
 * A cascade's milestone targets as a person would write them (docs/figures.md § Cascade milestones):
 * the wizard had stored the example's 2026 as 45,069,871,619.18 — so far plus today's rate for 24
 * days, to a fraction of a đồng.
 *
 * - Three significant figures, never finer than a whole unit (amounts and counts are written whole):
 *   ₫45,069,871,619.18 → ₫45B, ₫97.17B → ₫97.2B, 7 orders a year → whole orders a month.
 * - Rows under way or over (`fixed`) are asked what they have and their run; they round toward on
 *   course — down when more is better, up when less is — so rounding alone never puts one behind
 *   its line. A fixed row whose children are all fixed (the year under way on Dec 7: Q1–Q3 over, Q4
 *   under way) is the sum of its rounded children, rounded once more the same way; what that takes
 *   off comes off its last child (and that one's last child).
 * - A row not started takes what its parent has left after its fixed siblings, split by
 *   `roundedSplit` (largest remainder), so children still add up exactly to their parent.
 * - The top rows: annual rates (`whole` null) stand alone, each rounded to the nearest of its three
 *   figures, except a row at `end` (the goal's own target, the last year) which keeps it exactly;
 *   a total (`whole`) is shared like any parent's part.
 */
export interface TargetRow {
  key: string;
  parentKey: string | null;
  /** The exact target the plan computed. */
  target: number;
  /** Over or under way: rounded toward on course. */
  fixed: boolean;
}

export interface RoundTargetsOptions {
  /** What the top rows add up to (a total), or null: each is a rate of its own. */
  whole: number | null;
  /** The goal's target: a top row at it (to a millionth) keeps it exactly. */
  end: number;
  /** The metric is better lower: fixed rows round up. */
  down: boolean;
}

/** The rounded target of every row, by key. */
export function roundTargets(rows: readonly TargetRow[], o: RoundTargetsOptions): Map<string, number> {
  const kids = new Map<string | null, TargetRow[]>();
  for (const r of rows) kids.set(r.parentKey, [...(kids.get(r.parentKey) ?? []), r]);
  const out = new Map<string, number>();
  // Toward on course: down when more is better, up when less is.
  const toward = (x: number, step: number) => {
    const q = x / step;
    // A float's noise (₫3,000,000.0000000005) is not a step: a millionth of a millionth of the quotient.
    const eps = 1e-12 * Math.max(1, Math.abs(q));
    return (o.down ? Math.ceil(q - eps) : Math.floor(q + eps)) * step;
  };
  const nearest = (x: number) => Math.round(x / ownStep(x)) * ownStep(x);
  const groupStep = (ks: readonly TargetRow[]) => ownStep(Math.max(...ks.map((k) => Math.abs(k.target))));

  /**
   * The most a fixed row can ask (the least, when less is better) with round parts under it: its
   * exact target, or — when all its children are fixed too — the sum of theirs, each rounded toward
   * on course to a fourth figure of the largest. Its own value never goes past it, so its children
   * always find parts that add up to it without one asking more than it has.
   */
  const caps = new Map<string, number>();
  const cap = (r: TargetRow): number => {
    const known = caps.get(r.key);
    if (known !== undefined) return known;
    const ks = kids.get(r.key) ?? [];
    const step = ks.length ? groupStep(ks) / 10 : 1;
    const v =
      ks.length && ks.every((k) => k.fixed)
        ? ks.reduce((a, k) => a + toward(cap(k), fine(k, step)), 0)
        : r.target;
    caps.set(r.key, v);
    return v;
  };

  /** A fixed row's step: its siblings', or its own three figures when it is much the smaller (a clipped month). */
  const fine = (k: TargetRow, step: number) => Math.max(1, Math.min(step, ownStep(cap(k))));

  /** Gives the rows `ks` (siblings) parts adding up to `whole`, and their children theirs. */
  const assign = (ks: readonly TargetRow[], whole: number): void => {
    if (!ks.length) return;
    const step = groupStep(ks);
    const later = ks.filter((k) => !k.fixed);
    // The fixed ones rounded toward on course; those to come share what is left (largest remainder).
    const fixedPart = new Map(ks.filter((k) => k.fixed).map((k) => [k.key, toward(cap(k), fine(k, step))]));
    const rest = whole - [...fixedPart.values()].reduce((a, v) => a + v, 0);
    const laterExact = later.reduce((a, k) => a + k.target, 0);
    let parts: number[];
    if (later.length && rest * laterExact >= 0) {
      const split = roundedSplit(
        rest,
        later.map((k) => k.target),
      );
      let i = 0;
      parts = ks.map((k) => fixedPart.get(k.key) ?? (split[i++] as number));
    } else {
      // Nothing to come, or periods to come too small to take what rounding left (less than nothing):
      // every part rounds toward on course and the rest comes off the largest.
      parts = fixedParts(ks, whole, step);
    }
    ks.forEach((k, i) => {
      const v = parts[i] as number;
      out.set(k.key, v);
      assign(kids.get(k.key) ?? [], v);
    });
  };

  /**
   * Parts of `whole` for rows all over or under way, none past its exact target on the wrong side:
   * each rounded toward on course at the siblings' step (a fourth figure when three leave them short,
   * as the budgets' ties), and what they have beyond the whole taken off the largest. Only a whole beyond their sum (a given total,
   * the last year under way) makes the last take the rest as is.
   */
  const fixedParts = (ks: readonly TargetRow[], whole: number, step: number): number[] => {
    const sign = o.down ? -1 : 1;
    for (const t of [step, Math.max(1, step / 10)]) {
      const parts = ks.map((k) => toward(cap(k), fine(k, t)));
      let excess = sign * (parts.reduce((a, v) => a + v, 0) - whole);
      if (excess < 0) continue;
      // The largest whose own step the excess is a whole number of: it stays round, and a step is
      // least of it (₫0.1B off a ₫13B quarter, not off a ₫1B month).
      const stepOf = ks.map((k) => fine(k, t));
      const fits = (i: number) => (excess % (stepOf[i] as number) === 0 ? 0 : 1);
      const order = parts
        .map((_, i) => i)
        .sort(
          (a, b) => fits(a) - fits(b) || Math.abs(parts[b] as number) - Math.abs(parts[a] as number) || a - b,
        );
      order.forEach((i, n) => {
        if (excess <= 0) return;
        const cur = parts[i] as number;
        const take = o.down || n === order.length - 1 ? excess : Math.min(excess, Math.max(0, cur));
        parts[i] = cur - sign * take;
        excess -= take;
      });
      return parts;
    }
    const parts = ks.map((k) => toward(cap(k), 1));
    const last = parts.length - 1;
    parts[last] = whole - parts.slice(0, last).reduce((a, v) => a + v, 0);
    return parts;
  };

  const top = kids.get(null) ?? [];
  if (o.whole !== null) assign(top, o.whole);
  else
    for (const r of top) {
      // A rate of its own: the year under way toward on course, a later one the nearest, the last the goal's.
      const v = r.fixed ? toward(cap(r), ownStep(cap(r))) : same(r.target, o.end) ? o.end : nearest(r.target);
      out.set(r.key, v);
      assign(kids.get(r.key) ?? [], v);
    }
  return out;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}
