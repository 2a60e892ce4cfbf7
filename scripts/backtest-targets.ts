/**
 * The backtest's check of issue 18's targets for intervals and chances, one line each, so a change to
 * the simulation can be judged at a glance (the full tables follow in the backtest's output):
 * - coverage of the 80% interval within 75–85% at every history length (and, for information, by
 *   horizon);
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

export function printTargets(
  use: string,
  tallies: ReadonlyMap<string, CoverageTally>,
  goals: ReadonlyMap<string, readonly ScoredCase[]>,
  lengths: Record<'month' | 'week', number[]>,
  horizon: Record<'month' | 'week', number>,
) {
  console.log(`\n### Targets, ${use} data (✗ = misses)\n`);
  for (const freq of ['month', 'week'] as const) {
    console.log(
      coverageLine(
        `${freq} coverage by W`,
        lengths[freq].map((W) => [`${W}`, tallies.get(`${use}|${freq}|W${W}`)]),
      ),
    );
    console.log(
      coverageLine(
        `${freq} coverage by h`,
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
      const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, hit: 0 }));
      let brier = 0;
      let hits = 0;
      for (const c of cases) {
        const b = bins[Math.min(9, Math.floor(c.p * 10))]!;
        b.n++;
        b.p += c.p;
        b.hit += c.hit ? 1 : 0;
        brier += (c.p - (c.hit ? 1 : 0)) ** 2;
        hits += c.hit ? 1 : 0;
      }
      const base = hits / cases.length;
      const baseBrier = base * (1 - base);
      const judged = bins.filter((b) => b.n >= MIN_DECILE);
      const misses = judged
        .filter((b) => Math.abs(b.hit / b.n - b.p / b.n) > BAND)
        .map((b) => `${(b.p / b.n).toFixed(3)} → ${(b.hit / b.n).toFixed(3)} (${b.n})`);
      const br = brier / cases.length;
      console.log(
        `- ${kind} ${freq}: deciles ${judged.length - misses.length} of ${judged.length}${misses.length ? ` ✗ ${misses.join('; ')}` : ''}; Brier ${br.toFixed(3)} vs base ${baseBrier.toFixed(3)}${br < baseBrier ? '' : ' ✗'}`,
      );
    }
  }
}
