import type { GoalEvaluation } from '../engine/evaluate-all';
import { decimalsOf, formatNumber, formatPercent } from '../i18n/format';
import type { Unit } from '../schema';
import type { ViewContext } from './goal-views';

/**
 * A keep goal's figures on a percentage, written so a manager can check them by hand: the value, the
 * threshold and the margin at one precision, the margin being the difference of the figures as
 * written (docs/figures.md § Keep a level). reading-text.ts words them.
 */

/**
 * Decimals for a percentage written beside the line it is compared with (a keep goal's value and
 * threshold): one, or the line's own (up to two); more while one would make the value read as the
 * line it is not on ("29.98%" against a 30% floor, never "30% / 30%" and "under the floor").
 */
export function comparedPercentDigits(value: number, line: number): number {
  let digits = Math.min(2, Math.max(1, decimalsOf(line)));
  while (digits < 4 && value !== line && roundTo(value, digits) === roundTo(line, digits)) digits++;
  return digits;
}

/**
 * A percentage as formatPercent writes it at `digits` decimals, as a number (29.63 → 29.6): rounded by
 * Intl, as the screen is, because toFixed on the percentage and Intl on the fraction can round a
 * half the other way (10.45: "10.4" and "10.5%").
 */
function roundTo(x: number, digits: number): number {
  let f = percentRounders.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: digits, useGrouping: false });
    percentRounders.set(digits, f);
  }
  return Number(f.format(x / 100).replace(/[^\d.-]/g, ''));
}
const percentRounders = new Map<number, Intl.NumberFormat>();

/**
 * A keep goal on a percentage: its value, threshold and margin written with one precision, the margin
 * being the difference of the two figures as written — "Dec: 29.6%" and "0.4 pt under the 30% floor",
 * never "0.37 pt", which no one gets from 29.6 and 30 (docs/figures.md). Null for other goals.
 */
export function keepPercentFigures(
  ev: GoalEvaluation | undefined,
  unit: Unit,
  ctx: ViewContext,
): { value: string; threshold: string; margin: string } | null {
  const k = ev?.keep;
  if (!k || unit.kind !== 'percent' || ev?.current === null || ev?.current === undefined) return null;
  const digits = comparedPercentDigits(ev.current, k.threshold);
  const locale = ctx.settings.locale;
  const pct = (x: number) => formatPercent(x / 100, locale, { maximumFractionDigits: digits });
  const shownGap = Math.abs(roundTo(ev.current, digits) - roundTo(k.threshold, digits));
  return {
    value: pct(ev.current),
    threshold: pct(k.threshold),
    margin: ctx.t('reading.points', { x: formatNumber(shownGap, locale, { maximumFractionDigits: digits }) }),
  };
}
