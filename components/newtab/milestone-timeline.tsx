import { useId, useState } from 'preact/hooks';
import type { MilestoneView } from '../../lib/app/dashboard-types';
import { focusMilestones } from '../../lib/app/milestone-focus';
import { tr } from '../app/session';
import { ProgressBar } from '../widgets/progress-bar';
import { openGoal } from './model';

/**
 * The milestones by deadline: first what matters now (milestone-focus.ts: overdue, running, next up,
 * just done), the rest behind "Show all N".
 */
export function MilestoneTimeline({ milestones }: { milestones: MilestoneView[] }) {
  const t = tr.value;
  const [all, setAll] = useState(false);
  const listId = useId();
  if (milestones.length === 0) return <p class="pc-muted">{t('dashboard.noMilestones')}</p>;
  const focus = focusMilestones(milestones);
  const shown = all ? milestones : focus.shown;
  return (
    <>
      {focus.hidden > 0 && !all && (
        <p class="pc-muted pc-ms-focus" data-testid="milestones-focus">
          {t('milestones.focused', { shown: focus.shown.length, count: milestones.length })}
        </p>
      )}
      <ol class="pc-timeline" id={listId}>
        {shown.map((m) => (
          <li key={m.id} class={`pc-milestone pc-ms-${m.state}`} data-state={m.state}>
            <span class="pc-ms-when">{m.when}</span>
            <button type="button" class="pc-link pc-ms-title" onClick={() => openGoal(m.id)}>
              {m.title}
            </button>
            <span class="pc-ms-state">{t(`milestone.${m.state}`)}</span>
            {m.progress && (
              // Coloured by the milestone's status, as its card and the Scorecard: a browser meter
              // drew every quarter under 100% amber, "at risk" beside a Scorecard "On track".
              <ProgressBar
                progress={Math.min(1, m.progress.fraction)}
                status={m.status ?? 'no_data'}
                label={`${t('milestone.progress')}: ${m.title}`}
                text={m.progress.text}
              />
            )}
            <dl class="pc-ms-facts">
              {m.progress && (
                <>
                  <dt>{t('milestone.progress')}</dt>
                  <dd data-testid="milestone-progress">{m.progress.text}</dd>
                </>
              )}
              {m.what && (
                <>
                  <dt>{t('milestone.what')}</dt>
                  <dd>{m.what}</dd>
                </>
              )}
              {m.budget && (
                <>
                  <dt>{t('milestone.budget')}</dt>
                  <dd>
                    {m.spent ? `${m.spent} / ` : ''}
                    {m.budget}
                  </dd>
                </>
              )}
              {m.who && (
                <>
                  <dt>{t('milestone.who')}</dt>
                  <dd>{m.who}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
      {focus.hidden > 0 && (
        <button
          type="button"
          class="pc-link pc-ms-all"
          aria-expanded={all}
          aria-controls={listId}
          data-testid="milestones-show-all"
          onClick={() => setAll(!all)}
        >
          {all ? t('dashboard.showFewer') : t('dashboard.showAll', { count: milestones.length })}
        </button>
      )}
    </>
  );
}
