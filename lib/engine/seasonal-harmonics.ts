/**
 * Seasonal indices from a few harmonics of the cycle (Fourier terms), fitted by least squares together
 * with a level and a linear trend; how many harmonics by the corrected Akaike criterion (AICc).
 *
 * Why not classical decomposition (indices from a centred moving average)? The moving average loses
 * half a cycle at each end of the window, so with two cycles, the most a business usually has, every
 * index came from one single period: the seasonal model then carried that period's noise into every
 * forecast, and did no better than "same period last year" (development data, 104 weeks: strike
 * reports 1.13 MASE vs seasonal naive 1.01; Seattle weather 1.24 vs 1.11). A season is smooth (a
 * summer peak, a year-end rush): a few sines and cosines describe it with 2–10 numbers fitted on every
 * point of the window instead of 52 fitted on one cycle each (the same window: 0.84 and 0.97, both now
 * below seasonal naive; docs/forecast-backtest.md, "Sixth round"). This is the "dynamic harmonic
 * regression" advice for long cycles such as 52 weeks (Hyndman & Athanasopoulos, Forecasting:
 * Principles and Practice, 3rd ed., 12.1), used here only to take the season out before the
 * combination forecasts the rest. AICc lets a spiky season (film releases, year-end deals) use more
 * harmonics and a smooth one few; with K = m/2 it is the full set of m − 1 indices.
 *
 * Multiplicative seasons (every value positive) are fitted on logarithms, so the indices are factors.
 */
export interface HarmonicSeason {
  /** One index per position in the cycle: added (additive) or multiplied (multiplicative), mean 0 or 1. */
  indices: number[];
  /** Seasonal numbers estimated from the window (2 per harmonic, 1 for the m/2 one): for error allowances. */
  params: number;
  /** AICc prefers the harmonics to none (a level and a trend alone): evidence of a season in `x`. */
  beatsNone: boolean;
}

export function harmonicSeason(x: readonly number[], m: number, multiplicative: boolean): HarmonicSeason {
  const n = x.length;
  const flat = { indices: new Array<number>(m).fill(multiplicative ? 1 : 0), params: 0, beatsNone: false };
  if (m < 2 || n < 4) return flat;
  const y = multiplicative ? x.map((v) => Math.log(v)) : [...x];
  const mid = (n - 1) / 2;
  // Columns: 1, t − mid, then cos and sin of each harmonic (no sin at k = m/2: it is 0 at every t).
  const harmonics = Math.floor(m / 2);
  const columns: Float64Array[] = [
    new Float64Array(n).fill(1),
    Float64Array.from({ length: n }, (_, t) => t - mid),
  ];
  const columnsUpTo: number[] = [2];
  for (let k = 1; k <= harmonics; k++) {
    columns.push(Float64Array.from({ length: n }, (_, t) => Math.cos((2 * Math.PI * k * t) / m)));
    if (2 * k !== m)
      columns.push(Float64Array.from({ length: n }, (_, t) => Math.sin((2 * Math.PI * k * t) / m)));
    columnsUpTo.push(columns.length);
  }
  const gram = crossProducts(columns, y);
  let yy = 0;
  for (const v of y) yy += v * v;
  /** Least squares on the first p columns: the coefficients and the residual sum of squares, y'y − b'X'y. */
  const leastSquares = (p: number) => {
    const coef = solve(gram, p);
    if (!coef) return null;
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += (coef[j] as number) * (gram.xy[j] as number);
    return { coef, sse: Math.max(yy - fitted, 1e-12 * (yy || 1)) };
  };
  const aiccOf = (sse: number, p: number) => n * Math.log(sse / n) + 2 * p + (2 * p * (p + 1)) / (n - p - 1);
  // Trend only (level and slope): the residual the harmonics are judged against.
  const sse0 = leastSquares(2)?.sse ?? yy;
  let best: { aicc: number; coef: Float64Array; K: number; sse: number } | null = null;
  for (let K = 1; K <= harmonics; K++) {
    const p = columnsUpTo[K] as number;
    if (n - p - 1 <= 0) break;
    const f = leastSquares(p);
    if (!f) break;
    const aicc = aiccOf(f.sse, p);
    if (!best || aicc < best.aicc) best = { aicc, coef: f.coef, K, sse: f.sse };
  }
  if (!best) return flat;
  // Shrink the harmonics towards no season by the share of their apparent size that is signal: with
  // F the variance they explain per coefficient over the residual variance, a fitted coefficient is
  // on average (1 − 1/F) of the true one's size plus noise (the empirical-Bayes, Efron–Morris factor).
  // A strong season keeps nearly all of its amplitude; one read into noise keeps little of it.
  const p = columnsUpTo[best.K] as number;
  const F = (sse0 - best.sse) / (p - 2) / (best.sse / (n - p));
  const shrink = F > 1 ? 1 - 1 / F : 0;
  for (let j = 2; j < p; j++) best.coef[j] = (best.coef[j] as number) * shrink;
  const raw: number[] = [];
  for (let phase = 0; phase < m; phase++) {
    let s = 0;
    let j = 2;
    for (let k = 1; k <= best.K; k++) {
      s += (best.coef[j++] as number) * Math.cos((2 * Math.PI * k * phase) / m);
      if (2 * k !== m) s += (best.coef[j++] as number) * Math.sin((2 * Math.PI * k * phase) / m);
    }
    raw.push(multiplicative ? Math.exp(s) : s);
  }
  const mean = raw.reduce((a, b) => a + b, 0) / m;
  return {
    indices: raw.map((v) => (multiplicative ? v / mean : v - mean)),
    params: p - 2,
    beatsNone: best.aicc < aiccOf(sse0, 2),
  };
}

interface Gram {
  /** X'X, row-major, P × P for all P columns. */
  xx: Float64Array;
  /** X'y. */
  xy: Float64Array;
  size: number;
}

function crossProducts(columns: readonly Float64Array[], y: readonly number[]): Gram {
  const P = columns.length;
  const xx = new Float64Array(P * P);
  const xy = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    const ci = columns[i] as Float64Array;
    for (let j = i; j < P; j++) {
      const cj = columns[j] as Float64Array;
      let s = 0;
      for (let t = 0; t < ci.length; t++) s += (ci[t] as number) * (cj[t] as number);
      xx[i * P + j] = s;
      xx[j * P + i] = s;
    }
    let s = 0;
    for (let t = 0; t < ci.length; t++) s += (ci[t] as number) * (y[t] as number);
    xy[i] = s;
  }
  return { xx, xy, size: P };
}

/** The least-squares coefficients on the first p columns (Gauss–Jordan with partial pivoting), or null when singular. */
function solve({ xx, xy, size }: Gram, p: number): Float64Array | null {
  const a: Float64Array[] = Array.from({ length: p }, (_, i) => {
    const row = new Float64Array(p + 1);
    for (let j = 0; j < p; j++) row[j] = xx[i * size + j] as number;
    row[p] = xy[i] as number;
    return row;
  });
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) {
      if (Math.abs((a[r] as Float64Array)[c] as number) > Math.abs((a[pivot] as Float64Array)[c] as number))
        pivot = r;
    }
    const pr = a[pivot] as Float64Array;
    if (Math.abs(pr[c] as number) < 1e-9 * Math.max(1, Math.abs(xx[c * size + c] as number))) return null;
    a[pivot] = a[c] as Float64Array;
    a[c] = pr;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const row = a[r] as Float64Array;
      const f = (row[c] as number) / (pr[c] as number);
      if (f === 0) continue;
      for (let k = c; k <= p; k++) row[k] = (row[k] as number) - f * (pr[k] as number);
    }
  }
  return Float64Array.from(
    { length: p },
    (_, i) => ((a[i] as Float64Array)[p] as number) / ((a[i] as Float64Array)[i] as number),
  );
}
