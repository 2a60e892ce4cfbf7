/**
 * Data shaping for uPlot, kept pure so it is tested without a canvas: uPlot wants x in *seconds*,
 * strictly ascending, one shared x array, and `null` (not NaN, not undefined) for gaps.
 */
export interface TimePoint {
  time: number; // ms
  value: number | null;
}

export type AlignedData = [xs: number[], ...ys: (number | null)[][]];

/** Aligns several series on the union of their times; a series without a value at a time gets null. */
export function alignSeries(series: readonly (readonly TimePoint[])[]): AlignedData {
  const times = new Set<number>();
  for (const s of series) for (const p of s) if (Number.isFinite(p.time)) times.add(p.time);
  const xsMs = [...times].sort((a, b) => a - b);
  const index = new Map(xsMs.map((t, i) => [t, i]));
  const ys = series.map((s) => {
    const col: (number | null)[] = new Array(xsMs.length).fill(null);
    for (const p of s) {
      const i = index.get(p.time);
      if (i !== undefined) col[i] = p.value !== null && Number.isFinite(p.value) ? p.value : null;
    }
    return col;
  });
  return [xsMs.map((t) => t / 1000), ...ys];
}

/** Running total of a per-period series; gaps keep the total flat but stay gaps in the output. */
export function cumulative(points: readonly TimePoint[], start = 0): TimePoint[] {
  let total = start;
  return points.map((p) => {
    if (p.value === null || !Number.isFinite(p.value)) return { time: p.time, value: null };
    total += p.value;
    return { time: p.time, value: total };
  });
}

/** Range presets of the goal chart, as [fromMs, toMs] around `now`. */
export function presetRange(
  preset: 'month' | 'quarter' | 'year' | 'all',
  now: number,
  all: [number, number],
): [number, number] {
  const day = 86_400_000;
  const span = { month: 31 * day, quarter: 92 * day, year: 366 * day }[preset as 'month'];
  if (preset === 'all' || span === undefined) return all;
  return [Math.max(all[0], now - span), Math.max(now, all[1])];
}
