import { useEffect, useRef } from 'preact/hooks';
import { localizedName } from '../../lib/i18n/translate';
import { kpiSummaryLine } from '../../lib/import/summary-text';
import { settings, tr } from '../app/session';
import { importedInto, metrics, outcome, startOver } from './import-model';

/** How the import ended: the KPI it went into and counts when it landed, or a sentence saying nothing changed. */
export function ImportSummary() {
  const t = tr.value;
  const o = outcome.value;
  const nameOf = (id: string): string => {
    const metric = metrics.value.find((m) => m.id === id) ?? importedInto.value.find((m) => m.id === id);
    return metric ? localizedName(metric, t.locale) : id;
  };
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [o]);
  if (!o) return null;
  // Values already there that the file changed ("replaced" counts the unchanged ones written again too).
  const updated = o.status === 'imported' ? o.replaced - (o.unchanged ?? 0) : 0;
  const nothingNew = o.status === 'imported' && o.added === 0 && updated === 0 && (o.removed ?? 0) === 0;
  return (
    <div class="pi-step" role="status" data-testid="import-summary" data-status={o.status}>
      <h3 tabIndex={-1} ref={heading}>
        {o.status === 'imported'
          ? t('csv.done')
          : o.status === 'cancelled'
            ? t('csv.cancelled')
            : t('csv.report')}
      </h3>
      {o.status === 'imported' &&
        o.kpis?.map((kpi) => (
          <p key={kpi.metricId} class="pi-into" data-testid="import-kpi" data-metric-id={kpi.metricId}>
            {kpiSummaryLine(kpi, nameOf(kpi.metricId), t.locale, settings.value.timeZone, nothingNew)}
          </p>
        ))}
      {o.status === 'imported' && (
        <ul>
          <li data-testid="import-added">{t('csv.added', { count: o.added })}</li>
          <li data-testid="import-replaced">{t('csv.replaced', { count: updated })}</li>
          {(o.unchanged ?? 0) > 0 && (
            <li data-testid="import-unchanged">{t('csv.unchanged', { count: o.unchanged ?? 0 })}</li>
          )}
          {(o.removed ?? 0) > 0 && (
            <li data-testid="import-removed">{t('csv.removed', { count: o.removed ?? 0 })}</li>
          )}
          {(o.held ?? 0) > 0 && <li data-testid="import-held">{t('csv.held', { count: o.held ?? 0 })}</li>}
          <li data-testid="import-skipped">{t('csv.skipped', { count: o.skipped })}</li>
          {o.duplicates > 0 && <li>{t('csv.duplicates', { count: o.duplicates })}</li>}
        </ul>
      )}
      {o.status === 'too-large' && <p class="pc-error">{t('csv.tooLarge', { limit: o.limit })}</p>}
      <button type="button" class="primary" data-testid="import-another" onClick={startOver}>
        {t('csv.another')}
      </button>
    </div>
  );
}
