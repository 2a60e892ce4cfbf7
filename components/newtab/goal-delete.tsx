import { useId, useState } from 'preact/hooks';
import {
  type DeleteMode,
  deleteQuestion,
  planGoalDelete,
  planRestore,
  type RestorePlan,
  type SubGoalNoun,
  subGoalNoun,
  subGoalsOf,
  unrestore,
} from '../../lib/app/goal-delete';
import { formatDate, formatUnitAmount } from '../../lib/i18n/format';
import type { Translator } from '../../lib/i18n/translate';
import { localizedName } from '../../lib/i18n/translate';
import type { Goal } from '../../lib/schema';
import { repository } from '../../lib/storage/repository';
import { getDb, settings, tr } from '../app/session';
import { DeleteDialog } from './delete-dialog';
import { showToast } from './model';

/**
 * Goals back from the trash (the toast's Undo, Recently deleted): `ids`, the sub-goals a "delete
 * only" of one of them moved up, put back under it, and with `withAncestors` the deleted goals above
 * them (planRestore). Read and written in one transaction: a failed write restores nothing.
 */
export async function restoreGoals(
  ids: readonly string[],
  options: { withAncestors?: boolean } = {},
): Promise<RestorePlan> {
  let plan: RestorePlan = { restored: [], put: [], before: [] };
  await repository(await getDb(), 'goals').update((all) => {
    plan = planRestore(all, ids, Date.now(), options);
    return plan.put;
  });
  return plan;
}

/** Undo of restoreGoals, in one transaction too. */
export async function undoRestore(plan: RestorePlan): Promise<void> {
  await repository(await getDb(), 'goals').update((all) => unrestore(all, plan));
}

/** "68 milestones", "3 key results", "1 sub-goal". */
export function subGoalCount(t: Translator, noun: SubGoalNoun, count: number): string {
  return t.plural(`goalDelete.count.${noun}`, count);
}

interface Ask {
  goal: Goal;
  live: Goal[];
  subGoals: number;
  noun: SubGoalNoun;
  parent?: Goal;
  /** The parent's line passes through this goal's target (deleteQuestion): said, written. */
  paced?: string;
}

/**
 * The goal detail's and the goal editor's "Delete". No goal is deleted at once (docs/data-safety.md):
 * a goal is what, when, target, budget and who, with its check-ins, and a milestone without sub-goals
 * had gone in one click with a toast's Undo as its only trace. The question names the goal; with
 * sub-goals, how many go with it, and offers to delete the goal alone, its sub-goals moved up to its
 * parent (a BHAG's 68 cascade milestones went to the trash in one click before); for a milestone its
 * parent is paced through, that the parent's line changes. Either way the trash keeps them ("Recently
 * deleted", trash-list.tsx) and the toast names what went, with Undo.
 */
export function DeleteGoalButton({
  goalId,
  testId,
  onDeleted,
}: {
  goalId: string;
  testId: string;
  onDeleted: (trashed: string[]) => void;
}) {
  const t = tr.value;
  const locale = settings.value.locale;
  const [ask, setAsk] = useState<Ask | null>(null);
  const id = useId();

  const run = async (live: Goal[], goal: Goal, mode: DeleteMode, subGoals: number, noun: SubGoalNoun) => {
    const now = Date.now();
    const plan = planGoalDelete(live, goal.id, mode, now);
    // One transaction: a failure leaves the goal where it was, its sub-goals under it.
    const trash = new Set(plan.trash);
    await repository(await getDb(), 'goals').update((all) => [
      ...plan.moved,
      ...all.filter((g) => trash.has(g.id)).map((g) => ({ ...g, deletedAt: now })),
    ]);
    setAsk(null);
    onDeleted(plan.trash);
    const name = localizedName(goal, locale);
    const message =
      subGoals === 0
        ? t('goalDelete.doneOne', { name })
        : t(mode === 'all' ? 'goalDelete.done' : 'goalDelete.doneKept', {
            name,
            subGoals: subGoalCount(t, noun, subGoals),
          });
    showToast(message, async () => {
      await restoreGoals(plan.trash);
    });
  };

  const start = async () => {
    const db = await getDb();
    const live = await repository(db, 'goals').list();
    const metrics = await repository(db, 'metrics').list();
    const s = settings.value;
    const q = deleteQuestion(live, metrics, goalId, s.timeZone);
    if (!q) return;
    const parentMetric = metrics.find((m) => m.id === q.parent?.metricId);
    const paced =
      q.parent && q.pacedPoint && parentMetric
        ? t('goalDelete.paced', {
            parent: localizedName(q.parent, locale),
            value: formatUnitAmount(q.pacedPoint.value, parentMetric.unit, locale),
            date: formatDate(q.pacedPoint.at, locale, s.timeZone, 'medium'),
          })
        : undefined;
    setAsk({
      goal: q.goal,
      live,
      subGoals: q.subGoals.length,
      noun: q.noun,
      ...(q.parent ? { parent: q.parent } : {}),
      ...(paced ? { paced } : {}),
    });
  };

  const cancel = () => setAsk(null);

  const name = ask ? localizedName(ask.goal, locale) : '';
  // "Delete only" keeps its direct sub-goals (deeper ones stay under them): they are what is named.
  const children = ask ? ask.live.filter((g) => g.parentId === ask.goal.id) : [];
  const childNoun = subGoalNoun(children);
  const keep = subGoalCount(t, childNoun, children.length);
  // The ones under those: "The 2 milestones under it stay under it" (vi "… của nó"), "them" under several.
  const deeper = ask ? subGoalsOf(ask.live, ask.goal.id).filter((g) => g.parentId !== ask.goal.id) : [];
  return (
    <>
      <button type="button" class="pc-danger" data-testid={testId} onClick={() => void start()}>
        {t('action.delete')}
      </button>
      {ask && (
        <DeleteDialog
          testId="goal-delete-confirm"
          cancelTestId="goal-delete-cancel"
          row={ask.subGoals === 0}
          onCancel={cancel}
          question={
            ask.subGoals === 0
              ? t('goalDelete.askOne', { name })
              : t('goalDelete.ask', { name, subGoals: subGoalCount(t, ask.noun, ask.subGoals) })
          }
          hint={
            <>
              {t(ask.subGoals === 0 ? 'goalDelete.askOneHint' : 'goalDelete.askHint')}
              {ask.paced && ` ${ask.paced}`}
            </>
          }
        >
          {ask.subGoals === 0 ? (
            <button
              type="button"
              class="pc-danger"
              data-testid="goal-delete-one"
              onClick={() => void run(ask.live, ask.goal, 'all', 0, ask.noun)}
            >
              {t('goalDelete.confirmOne')}
            </button>
          ) : (
            <>
              <button
                type="button"
                class="pc-danger"
                data-testid="goal-delete-all"
                onClick={() => void run(ask.live, ask.goal, 'all', ask.subGoals, ask.noun)}
              >
                {t('goalDelete.all', { subGoals: subGoalCount(t, ask.noun, ask.subGoals) })}
              </button>
              <span>
                <button
                  type="button"
                  data-testid="goal-delete-only"
                  aria-describedby={`${id}-keep`}
                  onClick={() => void run(ask.live, ask.goal, 'goalOnly', children.length, childNoun)}
                >
                  {t('goalDelete.goalOnly', { name })}
                </button>
                <small id={`${id}-keep`} class="pc-muted">
                  {ask.parent
                    ? t.plural('goalDelete.keepToParent', children.length, {
                        subGoals: keep,
                        parent: localizedName(ask.parent, locale),
                      })
                    : t.plural('goalDelete.keepToTop', children.length, { subGoals: keep })}
                  {/* The deeper ones stay under them: said, so "its 14" and "its 3" add up. */}
                  {deeper.length > 0 &&
                    ` ${t.plural(
                      `goalDelete.keepDeeper.${children.length === 1 ? 'it' : 'them'}`,
                      deeper.length,
                      {
                        subGoals: subGoalCount(t, subGoalNoun(deeper), deeper.length),
                      },
                    )}`}
                </small>
              </span>
            </>
          )}
        </DeleteDialog>
      )}
    </>
  );
}
