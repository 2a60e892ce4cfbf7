import type { GoalEvaluation } from '../engine/evaluate-all';
import { localizedName } from '../i18n/translate';
import type { Goal } from '../schema';
import type { GoalView, ViewStatus } from './goal-view';
import { statusLabel, statusOf, type ViewContext } from './goal-views';
import { okrScoreText } from './okr-score-text';

/** One key result as a goal's detail lists it: what its objective's score is made of. */
export interface KeyResultRow {
  id: string;
  title: string;
  /** Its 0–1 OKR score, two decimals as on the cards ("0.53"); "—" before it has one. */
  scoreText: string;
  status: ViewStatus;
  statusLabel: string;
  /** Its weight in the objective's score, given only when the key results do not all weigh the same. */
  weight?: number;
}

/**
 * The key results under a goal, in their stored order: the live ones (not archived, not deleted), as
 * the engine scores the objective from (evaluate-all.ts), so the rows' scores average to the card's
 * (weighted, when `weight` is given). Each row's status is its own card's (`views`, the dashboard's).
 */
export function keyResultRows(
  goal: Pick<Goal, 'id'>,
  goals: readonly Goal[],
  perGoal: ReadonlyMap<string, GoalEvaluation>,
  views: readonly GoalView[],
  ctx: ViewContext,
): KeyResultRow[] {
  const krs = goals.filter(
    (g) => g.parentId === goal.id && g.kind === 'key_result' && !g.archived && g.deletedAt === null,
  );
  const weighted = new Set(krs.map((k) => k.weight)).size > 1;
  return krs.map((kr) => {
    const ev = perGoal.get(kr.id);
    const view = views.find((v) => v.id === kr.id);
    const score = ev?.okr?.score ?? null;
    const status = view?.status ?? statusOf(kr, ev);
    const row: KeyResultRow = {
      id: kr.id,
      title: localizedName(kr, ctx.settings.locale),
      scoreText: score === null ? '—' : okrScoreText(score, ctx.settings.locale),
      status,
      statusLabel: view?.statusLabel ?? statusLabel(ctx.t, status),
    };
    if (weighted) row.weight = kr.weight;
    return row;
  });
}
