/**
 * The time axis of a monthly chart. Each point is drawn at its month's end (the trajectory and the
 * forecast are read there, so the chart's gap is the card's pace), which is the next month's first
 * gridline: labelled at the gridlines, January's point sat on "Feb" and a manager read it as
 * February. Here the gridlines are the months' boundaries and each month's name sits in the middle
 * of its span, so a point belongs to the span it is drawn in. Pure, in local time as uPlot draws
 * (seconds, as uPlot counts), so it is tested without a canvas.
 */
import { EN_SHORT_MONTHS } from '../i18n/format';
import type { Locale } from '../schema';

/** uPlot's own month (seconds): tick increments of it are aligned to calendar months. */
export const MONTH_S = 30 * 86_400;

/** Month starts from the one at or before `min` to the one after `max`, every `step` months. */
export function monthBoundaries(min: number, max: number, step = 1): number[] {
  const first = new Date(min * 1000);
  let y = first.getFullYear();
  let m = first.getMonth() - (first.getMonth() % step);
  const out: number[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const t = new Date(y, m, 1).getTime() / 1000;
    out.push(t);
    if (t > max) break;
    m += step;
    y += Math.floor(m / 12);
    m %= 12;
  }
  return out;
}

/** How many months one label covers for uPlot's chosen tick increment (in seconds). */
export function monthStep(increment: number): number {
  const months = Math.max(1, Math.round(increment / MONTH_S));
  return [1, 2, 3, 4, 6, 12].find((s) => s >= months) ?? 12 * Math.ceil(months / 12);
}

/**
 * Where each boundary's month name goes: the middle of that month (with wider ticks, the first month
 * of each span, so "Jan" still sits inside January), kept if inside [min, max].
 */
export function monthMiddles(boundaries: readonly number[], min: number, max: number): number[] {
  const out: number[] = [];
  for (const start of boundaries) {
    const d = new Date(start * 1000);
    const next = new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime() / 1000;
    const mid = (start + next) / 2;
    if (mid >= min && mid <= max) out.push(mid);
  }
  return out;
}

/**
 * A span's name: en "Jan", vi "Th1" (as months are shortened at work), with the year under the first
 * label and under every January ("Jan\n2027").
 */
export function monthLabels(middles: readonly number[], locale: Locale): string[] {
  return middles.map((t, i) => {
    const d = new Date(t * 1000);
    const m = d.getMonth();
    const name = locale === 'vi' ? `Th${m + 1}` : (EN_SHORT_MONTHS[m] as string);
    return i === 0 || m === 0 ? `${name}\n${d.getFullYear()}` : name;
  });
}
