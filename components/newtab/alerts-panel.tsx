import type { AlertView } from '../../lib/app/dashboard-types';
import { tr } from '../app/session';
import { openGoal } from './model';

const ICON = { critical: '■', warning: '▲', info: '●' } as const;

export function AlertsPanel({ alerts }: { alerts: AlertView[] }) {
  const t = tr.value;
  if (alerts.length === 0) return <p class="pc-muted">{t('dashboard.noAlerts')}</p>;
  return (
    <ul class="pc-alerts" data-testid="alerts">
      {alerts.map((a) => (
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
  );
}
