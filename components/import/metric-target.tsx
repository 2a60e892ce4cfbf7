import { localizedName } from '../../lib/i18n/translate';
import type { PercentScale } from '../../lib/import/percent-scale';
import { tr } from '../app/session';
import { NEW_METRIC } from './import-draft';
import { draft, metrics, percentScale, updateDraft } from './import-model';

/** A KPI series belongs to one metric: pick one, or name a new one (made only if the import lands). */
export function MetricTarget() {
  const t = tr.value;
  const d = draft.value;
  if (d?.kind !== 'kpi-series') return null;
  const known =
    d.metricId === '' || d.metricId === NEW_METRIC || metrics.value.some((m) => m.id === d.metricId);
  return (
    <fieldset class="pc-form-grid" data-testid="import-target">
      <legend>{t('csv.metric')}</legend>
      <label>
        {t('field.metric')}
        <select
          value={known ? d.metricId : ''}
          data-testid="import-metric"
          onChange={(e) => updateDraft({ metricId: e.currentTarget.value })}
        >
          <option value="">{t('csv.metric.choose')}</option>
          {metrics.value.map((m) => (
            <option key={m.id} value={m.id}>
              {localizedName(m, t.locale)}
            </option>
          ))}
          <option value={NEW_METRIC}>{t('csv.metric.new')}</option>
        </select>
      </label>
      <PercentScaleField />
      {d.metricId === NEW_METRIC && (
        <label>
          {t('csv.metric.newName')}
          <input
            type="text"
            maxLength={300}
            value={d.newMetricName}
            data-testid="import-new-metric"
            onInput={(e) => updateDraft({ newMetricName: e.currentTarget.value })}
          />
        </label>
      )}
    </fieldset>
  );
}

/**
 * A percentage KPI: whether the file's numbers without a % sign are fractions (0.19, as a spreadsheet
 * exports its percent cells) or percentages (19). Guessed from the sample, changeable; a cell with a
 * % sign is always a percentage.
 */
function PercentScaleField() {
  const t = tr.value;
  const scale = percentScale.value;
  if (!scale) return null;
  return (
    <label>
      {t('csv.percentScale')}
      <select
        value={scale}
        data-testid="import-percent-scale"
        onChange={(e) => updateDraft({ percentScale: e.currentTarget.value as PercentScale })}
      >
        <option value="fraction">{t('csv.percentScale.fraction')}</option>
        <option value="points">{t('csv.percentScale.points')}</option>
      </select>
    </label>
  );
}

/** True when the chosen target is usable (an existing metric, or a new one with a name). */
export function metricChosen(): boolean {
  const d = draft.value;
  if (d?.kind !== 'kpi-series') return true;
  if (d.metricId === NEW_METRIC) return d.newMetricName.trim() !== '';
  return metrics.value.some((m) => m.id === d.metricId);
}
