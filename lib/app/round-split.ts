/**
 * One amount split into parts that are written as a person would write them, and still add up to it
 * exactly: the cascade wizard's budget of ₫13.5B over three years had read 2,082,144,992 /
 * 4,488,721,872 / 6,929,133,137 — a precision to the đồng no one plans a budget at.
 *
 * - The step: three significant figures of the largest part (₫6.93B → ₫10M), never below one whole
 *   unit of the currency (amounts are stored whole) and never finer than the whole needs — but never
 *   coarser than the whole's own precision either: a whole typed to the đồng (₫13,456,789,123) keeps
 *   đồng in its parts, as no round parts can add up to it.
 * - Largest remainder: every part is rounded down to the step, and the steps still missing go to the
 *   parts that lost the most (ties to the earlier), so the parts add up to the whole exactly. Where
 *   that would give two equal shares different parts, a fourth significant figure is used if it
 *   keeps them equal.
 * Parts given in any proportion are first scaled to the whole (they are weights).
 */
export function roundedSplit(whole: number, parts: readonly number[]): number[] {
  if (!Number.isFinite(whole) || parts.length === 0 || !parts.every(Number.isFinite)) return [...parts];
  const sum = parts.reduce((a, p) => a + p, 0);
  // Parts that carry no weight at all (periods whose planned targets round to nothing) still share
  // the whole, equally: returning zeros lost the budget, and the periods no longer added up to it.
  const weights = sum === 0 ? parts.map(() => 1) : parts;
  const weight = sum === 0 ? parts.length : sum;
  const exact = weights.map((p) => (whole * p) / weight);
  const step = splitStep(whole, exact);
  const out = roundTo(whole, exact, step);
  // Equal shares get equal parts: 2028's Q1 and Q2 (91 days each) had read ₫1.73B and ₫1.72B, the
  // missing step going to one of two ties, and no other part could take it. One more significant
  // figure keeps them equal when it can (₫1.723B each); when it cannot (three equal thirds), the round
  // parts stand.
  if (step > 1 && splitsATie(exact, out)) {
    const finer = roundTo(whole, exact, step / 10);
    if (!splitsATie(exact, finer)) return finer;
  }
  return out;
}

/** Two shares equal (to a billionth) given different parts. */
function splitsATie(exact: readonly number[], out: readonly number[]): boolean {
  for (let i = 0; i < exact.length; i++)
    for (let j = i + 1; j < exact.length; j++) {
      if (same(exact[i] as number, exact[j] as number) && out[i] !== out[j]) return true;
    }
  return false;
}

/**
 * The largest-remainder rounding of `exact` (adding up to `whole`) in steps of `step`. Equal shares
 * take the steps still missing together or not at all (the next part that lost the most takes one
 * instead): Q1 2027's ₫1.11B reads ₫382M / ₫346M / ₫382M for its 31, 28 and 31 days, not ₫383M for
 * January beside ₫382M for March. Only when no group fits do ties part.
 */
function roundTo(whole: number, exact: readonly number[], step: number): number[] {
  const units = exact.map((x) => Math.floor(x / step + 1e-9));
  // Whole steps still missing; what is left below one step (a whole that is not a multiple of it) goes
  // to the part that lost the most after them.
  let missing = Math.floor((whole - units.reduce((a, u) => a + u, 0) * step) / step + 1e-9);
  const order = exact
    .map((x, i) => ({ i, rest: x / step - (units[i] as number) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  const given = new Set<number>();
  for (const { i } of order) {
    if (missing <= 0 || given.has(i)) continue;
    const group = order.filter(({ i: j }) => !given.has(j) && same(exact[i] as number, exact[j] as number));
    if (group.length > missing) continue;
    for (const { i: j } of group) {
      units[j] = (units[j] as number) + 1;
      given.add(j);
    }
    missing -= group.length;
  }
  for (const { i } of order) {
    if (missing <= 0) break;
    if (given.has(i)) continue;
    units[i] = (units[i] as number) + 1;
    given.add(i);
    missing--;
  }
  const out = units.map((u) => u * step);
  const residual = whole - out.reduce((a, v) => a + v, 0);
  if (residual !== 0) {
    const i = order[0]?.i ?? 0;
    out[i] = (out[i] as number) + residual;
  }
  return out;
}

/** Two shares equal to a billionth: the same share (91 days of 366 and 91 days of 366). */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Three significant figures of the largest part, at least 1, and a step the whole is a multiple of. */
export function splitStep(whole: number, parts: readonly number[]): number {
  let step = ownStep(Math.max(...parts.map(Math.abs)));
  while (step > 1 && !isMultiple(whole, step)) step /= 10;
  return step;
}

/** Three significant figures of `x`, never finer than one whole unit (1 for 0 or a non-finite `x`). */
export function ownStep(x: number): number {
  const a = Math.abs(x);
  if (!(a > 0) || !Number.isFinite(a)) return 1;
  return Math.max(1, 10 ** (Math.floor(Math.log10(a)) - 2));
}

function isMultiple(value: number, step: number): boolean {
  const q = value / step;
  return Math.abs(q - Math.round(q)) <= 1e-6;
}
