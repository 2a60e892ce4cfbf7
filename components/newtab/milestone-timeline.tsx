import type { MilestoneView } from '../../lib/app/dashboard-types';
import { tr } from '../app/session';
import { openGoal } from './model';

export function MilestoneTimeline({ milestones }: { milestones: MilestoneView[] }) {
  const t = tr.value;
  if (milestones.length === 0) return <p class="pc-muted">{t('dashboard.noMilestones')}</p>;
  return (
    <ol class="pc-timeline">
      {milestones.map((m) => (
        <li key={m.id} class={`pc-milestone pc-ms-${m.state}`} data-state={m.state}>
          <span class="pc-ms-when">{m.when}</span>
          <button type="button" class="pc-link pc-ms-title" onClick={() => openGoal(m.id)}>
            {m.title}
          </button>
          <span class="pc-ms-state">{t(`milestone.${m.state}`)}</span>
          {m.progress && (
            <meter
              class="pc-ms-meter"
              min={0}
              max={1}
              low={0.999}
              optimum={1}
              value={Math.min(1, m.progress.fraction)}
              aria-label={`${t('milestone.progress')}: ${m.progress.text}`}
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
  );
}
