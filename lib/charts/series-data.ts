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

/**
 * Indexes of values with a gap (null) or the edge on both sides. uPlot draws a line only between two
 * neighbouring values, so a sparse series — a monthly survey on a daily axis — drew nothing at all;
 * these values get a dot instead. `from`/`to` limit the search to the visible window (inclusive).
 */
export function lonelyIndices(
  col: ArrayLike<number | null | undefined>,
  from = 0,
  to = col.length - 1,
): number[] {
  const out: number[] = [];
  const present = (i: number) => i >= 0 && i < col.length && col[i] !== null && col[i] !== undefined;
  for (let i = Math.max(0, from); i <= Math.min(to, col.length - 1); i++) {
    if (present(i) && !present(i - 1) && !present(i + 1)) out.push(i);
  }
  return out;
}

/**
 * The colour of a theme token for a canvas, which cannot read `var()`. The app sets `--pc-x`; the
 * embeddable widgets carry their own defaults as `--pcd-x` (a host page may override `--pc-x`), so
 * both are read before the fallback — reading only `--pc-x` left widget grids at the fallback grey.
 */
export function resolveColor(color: string, read: (name: string) => string, fallback = '#888'): string {
  const m = /^var\(--pc-([\w-]+)\)$/.exec(color.trim());
  if (!m) return color;
  return read(`--pc-${m[1]}`).trim() || read(`--pcd-${m[1]}`).trim() || fallback;
}
