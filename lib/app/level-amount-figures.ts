import type { GoalEvaluation } from '../engine/evaluate-all';
import { formatCompact, onCompactScale } from '../i18n/format';
import type { Unit } from '../schema';
import type { ViewContext } from './goal-views';

/**
 * A level goal's compact amounts — value, target, baseline — written precisely enough for its progress
 * to be checked by hand to its one decimal (docs/figures.md § Reach a level). Three significant digits
 * write the example's average shop, ₫1,768,661 from ₫1,743,101 towards ₫1,900,000, as "₫1.77M" from
 * "₫1.74M" to "₫1.9M": (1.77 − 1.74) ÷ 0.16 = 18.8% beside the card's 16.3%. So while the progress
 * from the figures as written is not the card's, one more digit (at most five): "₫1.7687M / ₫1.9M ·
 * 16.3% of the way from ₫1.7431M", and 0.0256 ÷ 0.1569 = 16.3%. Null when three digits do (the BHAG's
 * "₫44.3B / ₫150B · 6.5% of the way from ₫37B"), the amounts are not compact, the progress is clamped
 * (at 0 or 200%), or the goal is not a level on an amount.
 */
export function levelAmountFigures(
  ev: GoalEvaluation | undefined,
  unit: Unit,
  ctx: ViewContext,
): { value: string; target: string; baseline: string } | null {
  if (ev?.type !== 'level' || (unit.kind !== 'currency' && unit.kind !== 'count')) return null;
  const { current, target, baseline } = ev;
  if (current === null || target === null || baseline === null) return null;
  if (!onCompactScale([current, target])) return null;
  const progress = ev.rolledUpProgress ?? ev.progress;
  if (progress === null || progress <= 0 || progress >= 2 || target === baseline) return null;
  // The progress a manager gets from the figures as written rounds to the card's one decimal (a half
  // rounds up, as by hand; the nudge keeps 1.0625 computed as 1.06249999… from rounding down).
  const tenths = (x: number) => Math.round(x * 1000 + 1e-9);
  const close = (x: number) => tenths(x) === tenths(progress);
  const fromWritten = (sig: number) => {
    const r = (x: number) => Number(x.toPrecision(sig));
    return (r(current) - r(baseline)) / (r(target) - r(baseline));
  };
  let significant = 3;
  while (significant < 5 && !close(fromWritten(significant))) significant++;
  if (significant === 3) return null;
  const currency = unit.kind === 'currency' ? unit.currency : undefined;
  const locale = ctx.settings.locale;
  // Up to that precision, never a trailing zero (format.ts): "₫192M from ₫187.43M", not "₫192.00M";
  // 192 and 192.00 are one figure to check by hand.
  const written = (x: number) => formatCompact(x, locale, currency, { significant });
  return { value: written(current), target: written(target), baseline: written(baseline) };
}
