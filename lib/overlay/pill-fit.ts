/**
 * Which parts of a lead badge's pill survive when its room is narrower than the whole pill. A pill
 * never shows cut text: at 1,100 px the Vietnamese "A 13% khoảng thiếu Q4 ≥12 ngày" (203 px) was cut
 * to the usual 150 px box and lost its days mid-word. Instead the pill drops whole parts, least
 * important first (days in stage, then the share of the gap), down to its most important part (the
 * tier). A dropped part is out of sight only: it stays in the pill, visually hidden, for assistive
 * tech, and its tooltip names every part. Pure: widths come from the caller
 * (components/overlay/pill-width.ts measures them in the pill's font).
 */
import type { BadgeView } from './badge-format';

/** A pill's parts, most important first: the last one present is dropped first. */
export const PILL_PARTS = ['tier', 'share', 'days'] as const;
export type PillPart = (typeof PILL_PARTS)[number];

/** One way of drawing a pill: the parts it shows, the ones it leaves out, its width. */
export interface PillForm {
  /** What is drawn: every part, `dropped` ones out of sight, and a title naming every part. */
  view: BadgeView;
  shown: PillPart[];
  dropped: PillPart[];
  /** Measured width in CSS pixels. */
  width: number;
}

const partsOf = (view: BadgeView): PillPart[] => PILL_PARTS.filter((p) => Boolean(view[p]));

/**
 * The tooltip of a pill that dropped parts: the whole pill's words, then the sentences of its usual
 * tooltip (already in the user's language). A whole pill keeps its tooltip.
 */
export function pillLabel(view: BadgeView, dropped: readonly PillPart[]): string {
  if (dropped.length === 0) return view.title;
  const words = partsOf(view)
    .map((p) => view[p])
    .join(' · ');
  return view.title ? `${words} — ${view.title}` : words;
}

/**
 * Every form of `view`'s pill, whole first, then one part fewer at a time (least important dropped
 * first), down to the most important part alone. `measure` gives a view's pill width.
 */
export function pillForms(view: BadgeView, measure: (view: BadgeView) => number): PillForm[] {
  const parts = partsOf(view);
  const forms: PillForm[] = [];
  for (let keep = parts.length; keep >= Math.min(1, parts.length); keep--) {
    const shown = parts.slice(0, keep);
    const dropped = parts.slice(keep);
    const drawn: BadgeView = { title: pillLabel(view, dropped) };
    for (const p of parts) drawn[p] = view[p];
    if (dropped.length > 0) drawn.dropped = dropped;
    // The whole pill is the view itself: drawn as before, under the same key.
    const shownView = dropped.length === 0 ? view : drawn;
    forms.push({ view: shownView, shown, dropped, width: measure(shownView) });
  }
  return forms;
}

/**
 * The first (widest) form for which `fits(width)` gives a place, and that place. When none fits, the
 * most compact form with a null place: the caller draws it in a box at least as wide as it.
 */
export function choosePill<T>(
  forms: readonly PillForm[],
  fits: (width: number) => T | null,
): { form: PillForm; at: T | null; index: number } {
  for (const [index, form] of forms.entries()) {
    const at = fits(form.width);
    if (at !== null) return { form, at, index };
  }
  const index = forms.length - 1;
  return { form: forms[index] as PillForm, at: null, index };
}
