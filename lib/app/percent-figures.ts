import type { GoalEvaluation } from '../engine/evaluate-all';
import { decimalsOf, formatPercent, formatPoints } from '../i18n/format';
import type { Unit } from '../schema';
import type { ViewContext } from './goal-views';

/**
 * A percentage beside the line it is compared with — a keep goal's threshold, a level goal's target —
 * written so a manager can check the card by hand: both at one precision, and the gap the difference
 * of the figures as written (docs/figures.md). reading-text.ts words them.
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

/** A percentage and the line it is compared with, at one precision, and the gap between them as written. */
export interface ComparedPercent {
  value: string;
  line: string;
  /** "0.4 pt": the difference of the two figures as written, never a third precision. */
  gap: string;
}

/**
 * A percentage written beside its line (a keep goal's threshold, a level goal's target), so a manager
 * can check the gap by hand: "29.6%", "30%", "0.4 pt" — never "0.37 pt", which no one gets from 29.6
 * and 30 (docs/figures.md).
 */
export function comparedPercent(value: number, line: number, ctx: ViewContext): ComparedPercent {
  const digits = comparedPercentDigits(value, line);
  const locale = ctx.settings.locale;
  const pct = (x: number) => formatPercent(x / 100, locale, { maximumFractionDigits: digits });
  const shownGap = Math.abs(roundTo(value, digits) - roundTo(line, digits));
  return {
    value: pct(value),
    line: pct(line),
    gap: formatPoints(shownGap, locale, digits),
  };
}

/** A keep goal on a percentage: its value, threshold and margin (docs/figures.md § Keep a level). Null for other goals. */
export function keepPercentFigures(
  ev: GoalEvaluation | undefined,
  unit: Unit,
  ctx: ViewContext,
): { value: string; threshold: string; margin: string } | null {
  const k = ev?.keep;
  if (!k || unit.kind !== 'percent' || ev?.current === null || ev?.current === undefined) return null;
  const f = comparedPercent(ev.current, k.threshold, ctx);
  return { value: f.value, threshold: f.line, margin: f.gap };
}

/**
 * A level goal on a percentage: its value, target and what is still to go, at one precision
 * (docs/figures.md § Reach a level): "Dec: 97.7%" of "98%", "0.3 pt still to go". Null for other goals.
 */
export function levelPercentFigures(
  ev: GoalEvaluation | undefined,
  unit: Unit,
  ctx: ViewContext,
): { value: string; target: string; toGo: string } | null {
  if (ev?.type !== 'level' || unit.kind !== 'percent') return null;
  if (ev.current === null || ev.target === null) return null;
  const f = comparedPercent(ev.current, ev.target, ctx);
  return { value: f.value, target: f.line, toGo: f.gap };
}
