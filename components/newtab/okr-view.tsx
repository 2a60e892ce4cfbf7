import type { OkrView as Okr } from '../../lib/app/dashboard-types';
import { tr } from '../app/session';
import { openGoal } from './model';

export function OkrView({ okrs }: { okrs: Okr[] }) {
  const t = tr.value;
  if (okrs.length === 0) return <p class="pc-muted">{t('dashboard.noOkrs')}</p>;
  return (
    <div class="pc-okrs">
      {okrs.map((o) => (
        <article key={o.objectiveId} class="pc-okr">
          <h3>
            <button type="button" class="pc-link" onClick={() => openGoal(o.objectiveId)}>
              {o.title}
            </button>{' '}
            <span class="pc-okr-score">{t('dashboard.score', { score: o.scoreText })}</span>
          </h3>
          <ul>
            {o.keyResults.map((kr) => (
              <li key={kr.goalId} class={`pc-zone-${kr.zone}`}>
                <button type="button" class="pc-link" onClick={() => openGoal(kr.goalId)}>
                  {kr.title}
                </button>
                {kr.okrType && <span class="pc-muted"> · {t(`okrType.${kr.okrType}`)}</span>}
                <span class="pc-kr-score" data-zone={kr.zone}>
                  {kr.scoreText}
                </span>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </div>
  );
}
