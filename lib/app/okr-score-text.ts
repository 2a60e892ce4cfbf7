import type { KrScore } from '../engine/okr';
import { formatNumber } from '../i18n/format';
import type { Goal, Locale } from '../schema';
import type { ViewContext } from './goal-views';

/**
 * How a scored goal (an objective) writes its OKR score beside its status (docs/figures.md § Objective).
 *
 * The status is the pace verdict (from its key results); the score's zones (red/yellow/green) are an
 * end-of-quarter grade. While the window runs, a zone word beside the status read as a second verdict
 * in another colour ("Off track" and "yellow zone" on one card), so the line says only what the score
 * is and what a good end looks like: "OKR score so far · 0.7 by the end is a good result". Once the
 * deadline has passed (or the goal is done) the score is the grade: "final OKR score · yellow zone".
 */

/** The OKR score as the card's value and the OKR panel's: "0.64" of "1.00", two decimals everywhere. */
export function okrScoreText(score: number, locale: Locale): string {
  return formatNumber(score, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The window is over: the deadline has passed, or the goal was marked done. */
export function okrWindowEnded(goal: Pick<Goal, 'deadline' | 'doneAt'>, now: number): boolean {
  return !!goal.doneAt || (goal.deadline !== undefined && goal.deadline < now);
}

/** The progress line of a scored goal: the score so far with what is good, or the final grade. */
export function okrProgressText(
  goal: Pick<Goal, 'deadline' | 'doneAt'>,
  okr: Pick<KrScore, 'zone'>,
  ctx: ViewContext,
): string {
  const { t } = ctx;
  if (okrWindowEnded(goal, ctx.now))
    return t('reading.progress.okrFinal', { zone: t(`reading.zone.${okr.zone}`) });
  const good = ctx.settings.okrZones?.high ?? 0.7;
  return t('reading.progress.okrSoFar', {
    good: formatNumber(good, ctx.settings.locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }),
  });
}
