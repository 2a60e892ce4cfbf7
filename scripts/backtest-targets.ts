/**
 * The backtest's check of issue 18's targets for intervals and chances, one line each, so a change to
 * the simulation can be judged at a glance (the full tables follow in the backtest's output):
 * - coverage of the 80% interval within 75–85% at every history length and every step ahead, with
 *   every family (dataset) weighing the same: the mean of the families' coverages. Pooled over
 *   forecasts, one long weekly series (S&P 500 trading volume, half of the weekly development
 *   forecasts) decided the constants; the pooled figures are printed too, for information;
 * - for each goal kind and frequency, every decile of the chance with ≥ 100 goals within ±0.1 of what
 *   happened, and a Brier score below the base-rate forecast.
 */

export interface CoverageTally {
  forecasts: number;
  covered: number;
  /** Covered, with an actual that ties simulated values (a week without rain: 0) counted fairly. */
  coveredTiesSplit: number;
}

/**
 * How much of an actual `a` counts as inside the central 80% of the simulated values `sims` (sorted):
 * 1 or 0, except when simulated values tie with it. A series that is exactly 0 in 18% of weeks (rain)
 * has p10 = 0, so every dry week lands on the band's edge and a plain count covers about 90% however
 * honest the band is. Here the actual's rank is spread evenly over the simulated values equal to it
 * (the randomized probability integral transform), and only the share of that spread within
 * [0.1, 0.9] counts. Without ties this is the plain count against the band [p10, p90].
 */
export function coveredShare(sims: ArrayLike<number>, a: number, p10: number, p90: number): number {
  let below = 0;
  let equal = 0;
  for (let i = 0; i < sims.length; i++) {
    const v = sims[i] as number;
    if (v < a) below++;
    else if (v === a) equal++;
  }
  if (!equal) return a >= p10 && a <= p90 ? 1 : 0;
  const lo = below / sims.length;
  const hi = (below + equal) / sims.length;
  return Math.max(0, Math.min(hi, 0.9) - Math.max(lo, 0.1)) / (hi - lo);
}

export interface ScoredCase {
  /** The chance reported (after the map). */
  p: number;
  hit: boolean;
}

const LOW = 0.75;
const HIGH = 0.85;
const MIN_DECILE = 100;
const BAND = 0.1;

/**
 * The chances in deciles: "7 of 8" deciles with ≥ MIN_DECILE goals within ±BAND of what happened,
 * then each miss as mean forecast → observed (goals).
 */
export function decileCheck(scored: ReadonlyArray<{ p: number; hit: boolean }>): string {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, hit: 0 }));
  for (const c of scored) {
    const b = bins[Math.min(9, Math.floor(c.p * 10))]!;
    b.n++;
    b.p += c.p;
    b.hit += c.hit ? 1 : 0;
  }
  const judged = bins.filter((b) => b.n >= MIN_DECILE);
  const misses = judged
    .filter((b) => Math.abs(b.hit / b.n - b.p / b.n) > BAND)
    .map((b) => `${(b.p / b.n).toFixed(3)} → ${(b.hit / b.n).toFixed(3)} (${b.n})`);
  return `${judged.length - misses.length} of ${judged.length}${misses.length ? ` ✗ ${misses.join('; ')}` : ''}`;
}

function coverageLine(label: string, entries: Array<[string, CoverageTally | undefined]>): string {
  const cells = entries
    .filter((e): e is [string, CoverageTally] => !!e[1]?.forecasts)
    .map(([k, t]) => {
      const c = t.covered / t.forecasts;
      const fair = t.coveredTiesSplit / t.forecasts;
      const ties = Math.abs(fair - c) >= 0.005 ? ` (ties split ${(100 * fair).toFixed(1)}%)` : '';
      // Judged on the fair count (they differ only where actuals tie simulated values).
      return `${k} ${(100 * c).toFixed(1)}%${ties}${fair < LOW || fair > HIGH ? ' ✗' : ''}`;
    });
  return `- ${label}: ${cells.join(', ')}`;
}

/** Families (datasets) with forecasts under `${use}|${freq}|fam:<family>|<cell>`. */
function families(tallies: ReadonlyMap<string, CoverageTally>, use: string, freq: string): string[] {
  const prefix = `${use}|${freq}|fam:`;
  const out = new Set<string>();
  for (const k of tallies.keys())
    if (k.startsWith(prefix)) out.add(k.slice(prefix.length, k.lastIndexOf('|')));
  return [...out].sort();
}

/** One family's coverage (ties split, in %) at one cell (`W8`, `h3`); undefined without forecasts. */
function familyCoverage(
  tallies: ReadonlyMap<string, CoverageTally>,
  use: string,
  freq: string,
  fam: string,
  cell: string,
): number | undefined {
  const t = tallies.get(`${use}|${freq}|fam:${fam}|${cell}`);
  return t?.forecasts ? (100 * t.coveredTiesSplit) / t.forecasts : undefined;
}

/**
 * Coverage of one cell (a history length `W8` or a step ahead `h3`) with every family weighing the
 * same: each family's coverage (ties split), averaged over the families that have forecasts there.
 * Returned as a tally of the averaged shares so that coverageLine can print it like a pooled one.
 */
export function familyBalanced(
  tallies: ReadonlyMap<string, CoverageTally>,
  use: string,
  freq: string,
  cell: string,
  include: (family: string) => boolean = () => true,
): CoverageTally | undefined {
  let covered = 0;
  let fair = 0;
  let count = 0;
  for (const fam of families(tallies, use, freq).filter(include)) {
    const t = tallies.get(`${use}|${freq}|fam:${fam}|${cell}`);
    if (!t?.forecasts) continue;
    covered += t.covered / t.forecasts;
    fair += t.coveredTiesSplit / t.forecasts;
    count++;
  }
  return count ? { forecasts: count, covered, coveredTiesSplit: fair } : undefined;
}

/**
 * The objective the band's constants are chosen by (on development rows only): how many of the
 * family-balanced coverage targets (both frequencies, by history length and by step ahead) fall
 * outside 75–85%, the sum of their squared distances from 80 (in points), and the worst distance.
 */
export function familyObjective(
  tallies: ReadonlyMap<string, CoverageTally>,
  use: string,
  lengths: Record<'month' | 'week', number[]>,
  horizon: Record<'month' | 'week', number>,
) {
  let missed = 0;
  let squares = 0;
  let worst = 0;
  let targets = 0;
  for (const freq of ['month', 'week'] as const) {
    const cells = [
      ...lengths[freq].map((W) => `W${W}`),
      ...Array.from({ length: horizon[freq] }, (_, k) => `h${k + 1}`),
    ];
    for (const cell of cells) {
      const t = familyBalanced(tallies, use, freq, cell);
      if (!t) continue;
      const c = (100 * t.coveredTiesSplit) / t.forecasts;
      targets++;
      if (c < 100 * LOW || c > 100 * HIGH) missed++;
      squares += (c - 80) ** 2;
      worst = Math.max(worst, Math.abs(c - 80));
    }
  }
  return { missed, targets, squares, worst };
}

/** Every family's coverage at every history length should lie within these (fifth round). */
const FAMILY_LOW = 70;
const FAMILY_HIGH = 90;

/**
 * The fifth round's objective: no development family left far outside the band. Over every cell of
 * the coverage-by-family tables (each family, frequency and history length; ties split): how many lie
 * outside 70–90%, their squared distance beyond those bounds summed (`excess`: 0 for a cell within
 * them, so it looks only at the families far off and weighs the farthest most), and the worst
 * family's distance from 80 at each history length. The family-averaged targets (familyObjective)
 * let over-covered noise families offset under-covered random walks; this does not. Constants are
 * chosen, on development rows only, among settings that miss no family-averaged target, by the
 * smallest excess, then the fewest cells outside (docs/forecast-backtest.md, "Fifth round").
 */
export function familyBounds(
  tallies: ReadonlyMap<string, CoverageTally>,
  use: string,
  lengths: Record<'month' | 'week', number[]>,
) {
  let outside = 0;
  let cells = 0;
  let excess = 0;
  const worstByW: string[] = [];
  for (const freq of ['month', 'week'] as const) {
    for (const W of lengths[freq]) {
      let worst = 0;
      let who = '';
      for (const fam of families(tallies, use, freq)) {
        const c = familyCoverage(tallies, use, freq, fam, `W${W}`);
        if (c === undefined) continue;
        cells++;
        const beyond = Math.max(0, FAMILY_LOW - c, c - FAMILY_HIGH);
        if (beyond > 0) outside++;
        excess += beyond * beyond;
        if (Math.abs(c - 80) > worst) {
          worst = Math.abs(c - 80);
          who = `${fam} ${c.toFixed(1)}%`;
        }
      }
      if (who) worstByW.push(`${freq[0]}${W} ${who}`);
    }
  }
  return { outside, cells, excess, worstByW };
}

/**
 * Coverage by family and history length (ties split), the rows behind the family-balanced targets:
 * which family pulls a history length out of the band.
 */
export function printFamilyCoverage(
  use: string,
  tallies: ReadonlyMap<string, CoverageTally>,
  lengths: Record<'month' | 'week', number[]>,
) {
  for (const freq of ['month', 'week'] as const) {
    console.log(`\n### Coverage by family and history length, ${use}, ${freq}ly (ties split)\n`);
    console.log(`| family | ${lengths[freq].map((W) => `W = ${W}`).join(' | ')} |`);
    console.log(`|---|${lengths[freq].map(() => '---:').join('|')}|`);
    for (const fam of families(tallies, use, freq)) {
      const cells = lengths[freq].map((W) => {
        const c = familyCoverage(tallies, use, freq, fam, `W${W}`);
        return c === undefined ? '—' : `${c.toFixed(1)}%`;
      });
      console.log(`| ${fam} | ${cells.join(' | ')} |`);
    }
  }
}

export function printTargets(
  use: string,
  tallies: ReadonlyMap<string, CoverageTally>,
  goals: ReadonlyMap<string, readonly ScoredCase[]>,
  lengths: Record<'month' | 'week', number[]>,
  horizon: Record<'month' | 'week', number>,
) {
  console.log(`\n### Targets, ${use} data (✗ = misses)\n`);
  for (const freq of ['month', 'week'] as const) {
    const fams = families(tallies, use, freq).length;
    console.log(
      coverageLine(
        `${freq} coverage by W, ${fams} families equal`,
        lengths[freq].map((W) => [`${W}`, familyBalanced(tallies, use, freq, `W${W}`)]),
      ),
    );
    console.log(
      coverageLine(
        `${freq} coverage by h, ${fams} families equal`,
        Array.from({ length: horizon[freq] }, (_, k) => [
          `${k + 1}`,
          familyBalanced(tallies, use, freq, `h${k + 1}`),
        ]),
      ),
    );
  }
  const o = familyObjective(tallies, use, lengths, horizon);
  console.log(
    `- families equal: ${o.missed} of ${o.targets} coverage targets missed; Σ(coverage − 80)² ${o.squares.toFixed(0)}; worst ${o.worst.toFixed(1)} points from 80`,
  );
  const b = familyBounds(tallies, use, lengths);
  console.log(
    `- every family: ${b.outside} of ${b.cells} family × history-length cells outside 70–90%; excess Σ(beyond 70–90)² ${b.excess.toFixed(0)}; worst family by W: ${b.worstByW.join(', ')}`,
  );
  // The real families alone (seventh round): the synthetic ones are six of the nine weekly families,
  // and an average over all of them hid that the real ones were under-covered at 8–13 weeks.
  const real = (fam: string) => !fam.startsWith('synthetic');
  for (const freq of ['month', 'week'] as const) {
    const fams = families(tallies, use, freq);
    if (fams.every(real)) continue;
    console.log(
      coverageLine(
        `${freq} coverage by W, ${fams.filter(real).length} real families equal (synthetic left out; for information)`,
        lengths[freq].map((W) => [`${W}`, familyBalanced(tallies, use, freq, `W${W}`, real)]),
      ),
    );
  }
  for (const freq of ['month', 'week'] as const) {
    console.log(
      coverageLine(
        `${freq} coverage by W, forecasts pooled`,
        lengths[freq].map((W) => [`${W}`, tallies.get(`${use}|${freq}|W${W}`)]),
      ),
    );
    console.log(
      coverageLine(
        `${freq} coverage by h, forecasts pooled`,
        Array.from({ length: horizon[freq] }, (_, k) => [
          `${k + 1}`,
          tallies.get(`${use}|${freq}|h${k + 1}`),
        ]),
      ),
    );
  }
  for (const kind of ['total', 'level', 'keep', 'keep-shown']) {
    for (const freq of ['month', 'week']) {
      const cases = goals.get(`${kind}|${use}|${freq}`) ?? [];
      if (!cases.length) continue;
      let brier = 0;
      let hits = 0;
      for (const c of cases) {
        brier += (c.p - (c.hit ? 1 : 0)) ** 2;
        hits += c.hit ? 1 : 0;
      }
      const base = hits / cases.length;
      const baseBrier = base * (1 - base);
      const br = brier / cases.length;
      console.log(
        `- ${kind} ${freq}: deciles ${decileCheck(cases)}; Brier ${br.toFixed(3)} vs base ${baseBrier.toFixed(3)}${br < baseBrier ? '' : ' ✗'}`,
      );
    }
  }
}
