import './team-rollup.css';
/**
 * The new tab's "Team goals" (issue 21): each team goal's card, read by the engine from everyone's
 * numbers, and below it the split by member (managers) or this member's own part — or, for a goal of a
 * team left, which team and since when (former-team-note.tsx). Model:
 * lib/team/rollup-view.ts. Shown only with at least one team goal, now or of a team left. Which goals it lists is
 * the dashboard's rule (lib/app/goal-sections.ts, via sections.ts): the cards are the dashboard's own,
 * and those goals are in no other section of the page.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type DashboardInput, loadDashboardInput } from '../../lib/app/dashboard-data';
import { formatPercent } from '../../lib/i18n/format';
import { onChange } from '../../lib/storage/changes';
import { buildTeamRollup } from '../../lib/team/rollup-view';
import { roleOf } from '../../lib/team/state';
import { getDb, settings, tr } from '../app/session';
import { teamState, watchTeam } from '../app/team-state';
import { GoalCard } from '../widgets/goal-card';
import { FormerTeamNote } from './former-team-note';
import { openGoal } from './model';
import { sections } from './sections';
import { cardLabels } from './shell';

const STORES = ['goals', 'metrics', 'obsBlocks', 'rollups', 'checkIns'];

export function TeamRollupPanel() {
  const t = tr.value;
  const s = settings.value;
  const state = teamState.value;
  const [input, setInput] = useState<DashboardInput | null>(null);

  useEffect(() => {
    watchTeam();
    let live = true;
    const load = async () => {
      const next = await loadDashboardInput(await getDb());
      if (live) setInput(next);
    };
    void load().catch(() => undefined);
    const stop = onChange((e) => {
      if (e.stores.some((x) => STORES.includes(x))) void load().catch(() => undefined);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const rollup = useMemo(
    () => (input && state ? buildTeamRollup(input, s, Date.now(), state) : []),
    [input, state, s],
  );
  const team = sections.value.team;
  // Left the team: its goals stay here, each with a note (no members' split: the team is behind you).
  if (team.length === 0) return null;
  const manager = state !== null && roleOf(state) === 'manager';
  const labels = cardLabels(t);
  const parts = new Map(rollup.map((r) => [r.view.id, r]));

  return (
    <section class="pc-widget pc-team-rollup" aria-labelledby="w-team" data-testid="team-rollup">
      <div class="pc-widget-head">
        <h2 id="w-team">
          {t('team.panel.title')} {state && <span class="pc-muted">· {state.team}</span>}
        </h2>
      </div>
      <div class="pc-team-goals">
        {team.map((goal) => {
          // A goal read from no KPI (an objective scored by its key results) has no members' split.
          const r = parts.get(goal.id);
          return (
            <article key={goal.id} class="pc-team-goal" data-testid="team-goal" data-goal={goal.id}>
              <GoalCard goal={goal} labels={labels} onOpen={openGoal} />
              <FormerTeamNote goalId={goal.id} />
              {!r ? null : r.members.length === 0 ? (
                <p class="pc-muted">{t('team.panel.noNumbers')}</p>
              ) : manager ? (
                <table class="pc-table" data-testid="team-breakdown">
                  <caption>{t('team.panel.breakdown', { period: r.periodText ?? '—' })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('team.panel.member')}</th>
                      <th scope="col" class="pc-num">
                        {t('team.panel.value')}
                      </th>
                      <th scope="col" class="pc-num">
                        {t('team.panel.share')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.members.map((m) => (
                      <tr key={m.member} data-member={m.member}>
                        <th scope="row">{m.you ? t('team.panel.you', { name: m.member }) : m.member}</th>
                        <td class="pc-num">{m.text}</td>
                        <td class="pc-num">{m.share === null ? '—' : formatPercent(m.share, s.locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p data-testid="team-your-part">
                  {t('team.panel.yourPart', { value: r.you?.text ?? '0', total: r.view.value })}
                  {r.periodText && <span class="pc-muted"> · {r.periodText}</span>}
                </p>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}
