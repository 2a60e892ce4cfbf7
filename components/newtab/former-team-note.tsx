/**
 * Under the card of a goal of a team left (on the new tab and in its detail): which team, when it was
 * left, and that teammates' numbers count up to that day (lib/team/whose-values.ts). Nothing for any
 * other goal.
 */
import { formatDate } from '../../lib/i18n/format';
import { settings, tr } from '../app/session';
import { watchTeam } from '../app/team-state';
import { formerTeamOf } from './sections';

export function FormerTeamNote({ goalId }: { goalId: string }) {
  watchTeam();
  const former = formerTeamOf.value.get(goalId);
  if (!former) return null;
  const { locale, timeZone } = settings.value;
  return (
    <p class="pc-muted" data-testid="former-team-note">
      {tr.value('team.former.note', {
        team: former.team,
        date: formatDate(former.leftAt, locale, timeZone, 'medium'),
      })}
    </p>
  );
}
