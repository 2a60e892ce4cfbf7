import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { ChartSeries } from '../../lib/charts/goal-chart-series';
import { MONTH_S, monthBoundaries, monthLabels, monthMiddles, monthStep } from '../../lib/charts/month-axis';
import { type AlignedData, lonelyIndices, resolveColor } from '../../lib/charts/series-data';
import { formatDate } from '../../lib/i18n/format';
import type { Locale } from '../../lib/schema';

export type { ChartSeries };

export interface KpiChartProps {
  data: AlignedData;
  series: ChartSeries[];
  height?: number;
  /** Accessible summary: a chart is a picture, so its meaning is also given as text. */
  label: string;
  formatValue?: (v: number) => string;
  /** A point's value in the legend (a count's trajectory is "61", not "60.65"); `formatValue` without it. */
  formatPoint?: (v: number) => string;
  /** Fill between two series indexes (1-based, as uPlot counts): the forecast interval. */
  band?: [number, number];
  /** The time axis's month and weekday names follow it (uPlot's own are English). */
  locale?: Locale;
  /** The legend's name for the time axis, in the UI's language (uPlot's own is "Time"). */
  timeLabel?: string;
  /**
   * false: the legend names the series and shows no hovered values (a snapshot or embed, often read
   * as a page or a printout: "Actual: —" beside every name read as missing data).
   */
  liveLegend?: boolean;
}

/** Vietnamese names for the time axis: "Th1"…"Th12" as months are shortened at work, "T2"…"CN" as weekdays. */
const VI_DATE_NAMES: uPlot.DateNames = {
  MMMM: Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`),
  MMM: Array.from({ length: 12 }, (_, i) => `Th${i + 1}`),
  WWWW: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  WWW: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
};

const DAY_S = 86_400;
const YEAR_S = 365 * DAY_S;

/**
 * The time axis's labels for Vietnamese: day before month ("5/10" is 5 October, never 10 May, as
 * uPlot's own "{M}/{D}" reads), 24-hour clock. uPlot's stamp table: the tick size, the label, then
 * what is added when the year / month / day / hour / minute / second rolls over, then 1 (append).
 */
const VI_TIME_STAMPS: (string | number | null)[][] = [
  [YEAR_S, '{YYYY}', null, null, null, null, null, null, 1],
  [28 * DAY_S, '{MMM}', '\n{YYYY}', null, null, null, null, null, 1],
  [DAY_S, '{D}/{M}', '\n{YYYY}', null, null, null, null, null, 1],
  [3600, '{H}:00', '\n{D}/{M}/{YY}', null, '\n{D}/{M}', null, null, null, 1],
  [60, '{H}:{mm}', '\n{D}/{M}/{YY}', null, '\n{D}/{M}', null, null, null, 1],
];

/**
 * A chart of monthly points (a step of a month between two of them) ticks by month at the finest: its
 * days would be labels for points that are not there. (A monthly chart's running month has a point at
 * now and one at its end, so the step is the largest, not the typical, one.)
 */
function monthlyIncrs(xs: ArrayLike<number> | undefined): number[] | undefined {
  if (!xs || xs.length < 2) return undefined;
  let widest = 0;
  for (let i = 1; i < xs.length; i++) widest = Math.max(widest, (xs[i] as number) - (xs[i - 1] as number));
  if (widest < 27 * DAY_S) return undefined;
  return [MONTH_S, 2 * MONTH_S, 3 * MONTH_S, 4 * MONTH_S, 6 * MONTH_S, YEAR_S, 2 * YEAR_S, 5 * YEAR_S];
}

/** The browser's time zone: uPlot draws the time axis in it, so the legend's dates use it too. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * A monthly chart's two x axes (lib/charts/month-axis.ts): gridlines at the months' boundaries, and
 * each month's name in the middle of its span, so a point drawn at its month's end reads as that month.
 */
function monthAxes(color: (c: string) => string, locale: Locale, incrs: number[]): uPlot.Axis[] {
  const boundaries = (min: number, max: number, incr: number) => monthBoundaries(min, max, monthStep(incr));
  return [
    {
      scale: 'x',
      side: 2,
      stroke: color('var(--pc-muted)'),
      grid: { stroke: color('var(--pc-grid)') },
      incrs,
      size: 4,
      splits: (_u, _i, min, max, incr) => boundaries(min, max, incr).filter((t) => t >= min && t <= max),
      values: (_u, splits) => splits.map(() => ''),
    },
    {
      scale: 'x',
      side: 2,
      stroke: color('var(--pc-muted)'),
      grid: { show: false },
      ticks: { show: false },
      incrs,
      splits: (_u, _i, min, max, incr) => monthMiddles(boundaries(min, max, incr), min, max),
      values: (_u, splits) => monthLabels(splits, locale),
    },
  ];
}

let uplotModule: Promise<typeof uPlot> | null = null;
/** uPlot (~24 KB gzip) loads only when a chart is on screen, after the first paint. */
function loadUplot() {
  uplotModule ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(
    ([m]) => (m as unknown as { default: typeof uPlot }).default,
  );
  return uplotModule;
}

/** The one uPlot wrapper: create, setData, setSize, destroy. Data shaping lives in lib/charts. */
/**
 * The legend at rest (no pointer on the chart): the values at the latest point the first series has
 * (today's reading beside its plan and forecast), or at the last point with any value. A legend of
 * dashes until a hover read as a chart that had not loaded.
 */
export function restingIndex(
  data: readonly (ArrayLike<number | null | undefined> | undefined)[],
): number | null {
  const latest = (values: ArrayLike<number | null | undefined> | undefined) => {
    for (let i = (values?.length ?? 0) - 1; i >= 0; i--) if (values?.[i] != null) return i;
    return null;
  };
  const first = latest(data[1]);
  if (first !== null) return first;
  let last: number | null = null;
  for (const values of data.slice(2)) {
    const i = latest(values);
    if (i !== null && (last === null || i > last)) last = i;
  }
  return last;
}

/**
 * The side axis (what each period added) starts at zero: auto-ranged around its own values, 42 → 44
 * customers added a month filled the chart's height and read as a steep climb.
 */
export function fromZero(_u: unknown, min: number | null, max: number | null): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const pad = (hi - lo) * 0.1 || 1;
  return [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0];
}

function restingLegend(u: uPlot): void {
  const idx = restingIndex(u.data);
  // Without firing the hook again: this runs from uPlot's own setCursor hook.
  if (idx !== null) u.setLegend({ idx }, false);
}

export function KpiChart({
  data,
  series,
  height = 240,
  label,
  formatValue,
  formatPoint = formatValue,
  band,
  locale,
  timeLabel,
  liveLegend = true,
}: KpiChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // uPlot keeps the callbacks it was made with: they read the formats of the latest render, so a chart
  // kept from one goal to the next (a key result opened from its objective) never writes the new goal's
  // values in the old one's unit ("₫96" customers).
  const formats = useRef({ formatValue, formatPoint });
  formats.current = { formatValue, formatPoint };
  const axisText = (vals: number[]) => {
    const f = formats.current.formatValue;
    return vals.map((v) => (f ? f(v) : String(v)));
  };
  // What the series are, beyond how many: another goal's lines with the same count are another chart.
  const shape = JSON.stringify(series.map((s) => [s.label, s.color, s.axis, s.dash, s.width, s.fill]));

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadUplot().then((UPlot) => {
      const el = host.current;
      if (disposed || !el) return;
      // Canvas cannot read CSS variables: resolve `var(--pc-…)` to the colour in force on the host.
      const style = getComputedStyle(el);
      const color = (c: string) => resolveColor(c, (name) => style.getPropertyValue(name));
      const incrs = monthlyIncrs(data[0] as ArrayLike<number>);
      const sideAxis = series.find((s) => s.axis === 'side');
      const opts: uPlot.Options = {
        width: Math.max(200, el.clientWidth),
        height,
        cursor: { drag: { x: true, y: false } },
        legend: { show: true, live: liveLegend },
        scales: { x: { time: true }, ...(sideAxis ? { side: { auto: true, range: fromZero } } : {}) },
        ...(locale === 'vi' ? { fmtDate: (tpl: string) => UPlot.fmtDate(tpl, VI_DATE_NAMES) } : {}),
        axes: [
          ...(incrs
            ? monthAxes(color, locale ?? 'en', incrs)
            : [
                {
                  stroke: color('var(--pc-muted)'),
                  grid: { stroke: color('var(--pc-grid)') },
                  ...(locale === 'vi' ? { values: VI_TIME_STAMPS as uPlot.Axis['values'] } : {}),
                },
              ]),
          {
            scale: 'y',
            stroke: color('var(--pc-muted)'),
            grid: { stroke: color('var(--pc-grid)') },
            size: 70,
            values: (_u, vals) => axisText(vals),
          },
          ...(sideAxis
            ? [
                {
                  scale: 'side',
                  side: 1,
                  // Named after its series and in its colour: two "₫…M" scales side by side were
                  // read as one (docs/figures.md § Detail chart).
                  label: sideAxis.label,
                  labelSize: 18,
                  labelFont: '11px system-ui, sans-serif',
                  stroke: color(sideAxis.color),
                  grid: { show: false },
                  size: 70,
                  values: (_u: uPlot, vals: number[]) => axisText(vals),
                },
              ]
            : []),
        ],
        series: [
          {
            ...(timeLabel ? { label: timeLabel } : {}),
            // The legend's date in the UI's language ("Nov 30, 2026" / "30/11/2026"), not "2026-11-30 11:59pm".
            value: (_u: uPlot, v: number | null) =>
              v === null ? '—' : formatDate(v * 1000, locale ?? 'en', localTimeZone(), 'medium'),
          },
          ...series.map((s) => ({
            ...(s.axis === 'side' ? { scale: 'side' } : {}),
            label: s.label,
            stroke: color(s.color),
            width: s.width ?? 2,
            dash: s.dash,
            fill: s.fill,
            spanGaps: false,
            // Values with gaps on both sides have no segment to draw: a dot shows each of them.
            points: {
              show: (u: uPlot, i: number, i0: number, i1: number) =>
                lonelyIndices(u.data[i] ?? [], i0, i1).length > 0,
              filter: (u: uPlot, i: number, show: boolean) => (show ? lonelyIndices(u.data[i] ?? []) : null),
              size: 7,
              fill: color(s.color),
            },
            value: (_u: uPlot, v: number | null) =>
              v === null
                ? '—'
                : ((formats.current.formatPoint ?? formats.current.formatValue)?.(v) ?? String(v)),
          })),
        ],
        bands: band ? [{ series: band, fill: 'rgba(120,120,200,0.15)' }] : undefined,
        // With no pointer on the chart the legend reads the latest value, not a row of "—".
        ...(liveLegend
          ? {
              hooks: {
                ready: [restingLegend],
                setCursor: [(u: uPlot) => u.cursor.idx == null && restingLegend(u)],
              },
            }
          : {}),
      };
      plot.current = new UPlot(opts, data as uPlot.AlignedData, el);
      observer = new ResizeObserver(() =>
        plot.current?.setSize({ width: Math.max(200, el.clientWidth), height }),
      );
      observer.observe(el);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
    // Recreated only when the series layout changes; new data goes through setData below.
  }, [shape, height, band?.[0], band?.[1], locale, timeLabel, liveLegend]);

  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    u.setData(data as uPlot.AlignedData);
    if (liveLegend && u.cursor.idx == null) restingLegend(u);
  }, [data]);

  return <div class="pc-chart" ref={host} role="img" aria-label={label} />;
}
