import './former-team-note.css';
/**
 * Under the card of a goal of a team left (on the new tab and in its detail): which team, when it was
 * left, and that teammates' numbers count up to that day (lib/team/whose-values.ts). Nothing for any
 * other goal. Its "Count only my values" turns the goal (and its cascade) personal again, after a
 * question that says what the card will read and that no teammate's value is deleted; the toast has
 * Undo. A sub-goal counts as its top goal of the team left does: the button is on that one only.
 */
import { useState } from 'preact/hooks';
import { loadDashboardInput } from '../../lib/app/dashboard-data';
import { ancestorIds, descendantIds } from '../../lib/app/goal-form';
import { formatDate } from '../../lib/i18n/format';
import { localizedName } from '../../lib/i18n/translate';
import { ownReading } from '../../lib/team/own-reading';
import { getDb, settings, tr } from '../app/session';
import { countOnlyMine, countTeamAgain, watchTeam } from '../app/team-state';
import { DeleteDialog } from './delete-dialog';
import { goals, showToast } from './model';
import { formerTeamOf } from './sections';

interface Ask {
  name: string;
  reading: { everyone: string; own: string } | null;
  subGoals: number;
}

/** Whether the goal counts as a goal above it does (that goal is of a team left too). */
function countsWithAbove(goalId: string): boolean {
  return ancestorIds(goals.value, goalId).some((id) => formerTeamOf.value.has(id));
}

export function FormerTeamNote({ goalId }: { goalId: string }) {
  watchTeam();
  const t = tr.value;
  const [ask, setAsk] = useState<Ask | null>(null);
  const [error, setError] = useState<string | null>(null);
  const former = formerTeamOf.value.get(goalId);
  if (!former) return null;
  const { locale, timeZone } = settings.value;

  const start = async () => {
    setError(null);
    const input = await loadDashboardInput(await getDb());
    const goal = input.goals.find((g) => g.id === goalId);
    let reading: Ask['reading'] = null;
    try {
      reading = ownReading(input, settings.value, Date.now(), goalId);
    } catch {
      // Said plainly instead (the question still says what changes).
    }
    setAsk({
      name: goal ? localizedName(goal, locale) : goalId,
      reading,
      subGoals: descendantIds(input.goals, goalId).length - 1,
    });
  };

  const confirm = async (a: Ask) => {
    try {
      const removed = await countOnlyMine(goalId);
      setAsk(null);
      showToast(t('team.former.done', { name: a.name }), () => countTeamAgain(removed));
    } catch (e) {
      setAsk(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div class="pc-former-team" data-testid="former-team">
      <p class="pc-muted" data-testid="former-team-note">
        {t('team.former.note', {
          team: former.team,
          date: formatDate(former.leftAt, locale, timeZone, 'medium'),
        })}
      </p>
      {!countsWithAbove(goalId) && (
        <button type="button" data-testid="former-team-personal" onClick={() => void start()}>
          {t('team.former.personal')}
        </button>
      )}
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
      {ask && (
        <DeleteDialog
          testId="former-team-confirm"
          cancelTestId="former-team-cancel"
          row
          onCancel={() => setAsk(null)}
          question={t('team.former.ask', { name: ask.name })}
          hint={
            <>
              {ask.reading
                ? t('team.former.askHint', { own: ask.reading.own, everyone: ask.reading.everyone })
                : t('team.former.askHintPlain')}
              {ask.subGoals > 0 && ` ${t('team.former.askSubGoals')}`} {t('team.former.askKept')}
            </>
          }
        >
          <button type="button" data-testid="former-team-personal-confirm" onClick={() => void confirm(ask)}>
            {t('team.former.personal')}
          </button>
        </DeleteDialog>
      )}
    </div>
  );
}
