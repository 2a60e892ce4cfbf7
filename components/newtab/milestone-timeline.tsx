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
          <dl class="pc-ms-facts">
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
