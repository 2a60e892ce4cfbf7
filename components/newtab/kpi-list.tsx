import { startOfLocalDay } from '../../lib/engine/time-buckets';
import { formatDate } from '../../lib/i18n/format';
import { settings, tr } from '../app/session';
import { DisclosureWidget } from './disclosure-widget';
import { data, editing } from './model';

/**
 * Every live KPI, under the dashboard: each one opened in the KPI editor (rename, archive, delete) or
 * given values, with how many goals read it and when a value was last logged (lib/app/kpi-list.ts):
 * part of the dashboard's data, so the list reads nothing of its own.
 */
export function KpiList() {
  const t = tr.value;
  const s = settings.value;
  const items = data.value?.kpis;

  if (!items || items.length === 0) return null;
  const day = (d: string) => formatDate(startOfLocalDay(d, s.timeZone), s.locale, s.timeZone, 'medium');

  return (
    <DisclosureWidget widget="kpis" title={t('kpis.title', { count: items.length })} testId="kpi-list">
      <table class="pc-table">
        <thead>
          <tr>
            <th scope="col">{t('kpis.name')}</th>
            <th scope="col" class="pc-num">
              {t('kpis.goals')}
            </th>
            <th scope="col">{t('kpis.last')}</th>
            <th scope="col">
              <span class="pc-visually-hidden">{t('archive.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((k) => (
            <tr key={k.id} data-testid="kpi-row">
              <th scope="row">
                <button
                  type="button"
                  class="pc-link"
                  onClick={() => (editing.value = { kind: 'metric', id: k.id })}
                >
                  {k.name}
                </button>
              </th>
              <td class="pc-num">{k.goals}</td>
              <td>
                {k.derived && k.latest ? (
                  <>
                    {t('kpis.latestIn', { value: k.latest.value, month: k.latest.month })}{' '}
                    <span class="pc-muted">({t('kpis.derived')})</span>
                  </>
                ) : k.derived ? (
                  <span class="pc-muted">{t('kpis.derived')}</span>
                ) : k.lastDay ? (
                  <>
                    {day(k.lastDay)}
                    {k.team && (
                      <>
                        {' '}
                        <span class="pc-muted" data-testid="kpi-yours">
                          ({t('kpis.yours')})
                        </span>
                      </>
                    )}
                  </>
                ) : (
                  <span class="pc-muted">{t('kpis.never')}</span>
                )}
              </td>
              <td class="pc-kpi-actions">
                {!k.derived && (
                  <button type="button" onClick={() => (editing.value = { kind: 'entry', id: k.id })}>
                    {t('kpis.log')}
                    <span class="pc-visually-hidden"> {k.name}</span>
                  </button>
                )}
                {/* A derived KPI has no values of its own: its row already says it is worked out. */}
                {!k.derived && (
                  <button
                    type="button"
                    data-testid="kpi-values-open"
                    onClick={() => (editing.value = { kind: 'values', id: k.id })}
                  >
                    {t('kpiValues.open')}
                    <span class="pc-visually-hidden"> {k.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DisclosureWidget>
  );
}
