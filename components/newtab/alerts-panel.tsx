import { useState } from 'preact/hooks';
import type { AlertView } from '../../lib/app/dashboard-types';
import { tr } from '../app/session';
import { openGoal } from './model';

const LIMIT = 8;
const ICON = { critical: '■', warning: '▲', info: '●' } as const;

export function AlertsPanel({
  alerts,
  measured,
  tooEarly = false,
}: {
  alerts: AlertView[];
  /** Some goal has a status (on, at risk or off track, or done). */
  measured: boolean;
  /** Some goal has figures but is too early to tell (lib/engine/status.ts rule 5b). */
  tooEarly?: boolean;
}) {
  const t = tr.value;
  const [all, setAll] = useState(false);
  // "Everything is on pace" is a finding: with no goal judged yet there is none to make.
  if (alerts.length === 0)
    return (
      <p class="pc-muted">
        {t(
          measured ? 'dashboard.noAlerts' : tooEarly ? 'dashboard.noAlertsTooEarly' : 'dashboard.noAlertsYet',
        )}
      </p>
    );
  // Most severe first; the rest behind one click so the panel stays a glance.
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  const sorted = [...alerts].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const shown = all ? sorted : sorted.slice(0, LIMIT);
  return (
    <>
      <ul class="pc-alerts" data-testid="alerts">
        {shown.map((a) => (
          <li key={a.id} class={`pc-alert pc-alert-${a.severity}`}>
            <span aria-hidden="true">{ICON[a.severity]}</span>{' '}
            {a.goalId ? (
              <button type="button" class="pc-link" onClick={() => openGoal(a.goalId!)}>
                {a.message}
              </button>
            ) : (
              a.message
            )}
          </li>
        ))}
      </ul>
      {sorted.length > LIMIT && (
        <button type="button" class="pc-link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('dashboard.showFewer') : t('dashboard.showAll', { count: sorted.length })}
        </button>
      )}
    </>
  );
}
