/**
 * The goal editor's "Share with team" switch (issue 21). Managers see a checkbox; a member editing a
 * team goal sees that only a manager can change it (the server would refuse the edit). Nothing shows
 * without a team. The form applies the choice when the goal is saved (`applyTeamShare`).
 */
import { useEffect } from 'preact/hooks';
import type { Translator } from '../../lib/i18n/translate';
import { roleOf } from '../../lib/team/state';
import { sendTeam, teamState, watchTeam } from '../app/team-state';

/** Whether the goal is shared now (the form's starting value). */
export function isTeamGoal(goalId: string | undefined): boolean {
  return goalId !== undefined && (teamState.value?.goalIds.includes(goalId) ?? false);
}

export function TeamShareToggle({
  goalId,
  checked,
  onChange,
  t,
}: {
  goalId: string | undefined;
  checked: boolean;
  onChange: (shared: boolean) => void;
  t: Translator;
}) {
  useEffect(() => watchTeam(), []);
  const state = teamState.value;
  if (!state) return null;
  if (roleOf(state) !== 'manager') {
    return isTeamGoal(goalId) ? (
      <p class="pc-muted" data-testid="team-goal-note">
        {t('team.memberNote', { team: state.team })}
      </p>
    ) : null;
  }
  return (
    <div>
      <label class="pc-check">
        <input
          type="checkbox"
          id="goal-team"
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
          aria-describedby="goal-team-hint"
          data-testid="goal-team-share"
        />
        {t('team.shareToggle')}
      </label>
      <small id="goal-team-hint" class="pc-muted">
        {t('team.shareHint', { team: state.team })}
      </small>
    </div>
  );
}

/** After a save: tell the background when the choice changed (it syncs right after). */
export async function applyTeamShare(goalId: string, shared: boolean): Promise<void> {
  if (!teamState.value || roleOf(teamState.value) !== 'manager') return;
  if (isTeamGoal(goalId) === shared) return;
  await sendTeam({ type: 'team/share', goalId, shared });
}
