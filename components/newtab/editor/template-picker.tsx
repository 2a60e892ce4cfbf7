import { useState } from 'preact/hooks';
import {
  instantiateTemplate,
  KPI_TEMPLATES,
  type KpiTemplate,
  templateMetric,
} from '../../../lib/engine/kpi-pack';
import { type Creation, createRecords, undoCreation } from '../../../lib/storage/creation';
import { getDb, settings, tr } from '../../app/session';
import { editing, showToast } from '../model';
import { goalPrefill } from './draft';
import { EditorHeader, newId } from './form-field';
import { OkrSetForm } from './okr-set-form';
import { useRecords } from './use-records';

/** One-step templates: the growth-KPI pack (a metric with its base metrics) and an OKR set. */
export function TemplatePicker({ onClose }: { onClose: () => void }) {
  const t = tr.value;
  const s = settings.value;
  const { metrics } = useRecords();
  const [okr, setOkr] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (okr) return <OkrSetForm onClose={onClose} onBack={() => setOkr(false)} />;

  const live = metrics.filter((m) => !m.archived);

  const add = async (template: KpiTemplate) => {
    const name = template.name[s.locale];
    const created = instantiateTemplate(template.id, metrics, Date.now(), () => newId('metric'), {
      currency: s.currency,
      locale: s.locale,
    });
    const db = await getDb();
    let creation: Creation<'metrics'>;
    try {
      creation = await createRecords(db, 'metrics', created);
    } catch (e) {
      return setError(t('toast.saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
    if (template.goal) {
      // A goal-shaped template: its metric now exists; the user finishes the goal in the goal form.
      const metricId = template.goal.metricTemplate
        ? templateMetric(template.goal.metricTemplate, [...created, ...live])?.id
        : undefined;
      const { kind, measure, trajectory } = template.goal;
      goalPrefill.value = {
        kind,
        measure: measure ?? '',
        trajectory: trajectory ?? 'linear',
        metricId: metricId ?? '',
        title: name,
      };
      editing.value = { kind: 'goal' };
      return;
    }
    onClose();
    const message =
      created.length > 1
        ? t.plural('templates.addedWithBases', created.length - 1, { name })
        : t('templates.added', { name });
    // Undo removes them for good (a KPI with values logged since stays, in the trash).
    showToast(message, async () => {
      await undoCreation(db, creation);
    });
  };

  return (
    <div class="pc-templates">
      <EditorHeader title={t('dashboard.templates')} t={t} onClose={onClose} />
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
      <section aria-labelledby="tpl-okr-h" class="pc-template-okr">
        <h3 id="tpl-okr-h">{t('okrSet.title')}</h3>
        <p>{t('okrSet.description')}</p>
        <button type="button" class="primary" onClick={() => setOkr(true)} data-testid="template-okr-set">
          {t('okrSet.start')}
        </button>
      </section>
      <section aria-labelledby="tpl-kpi-h">
        <h3 id="tpl-kpi-h">{t('templates.kpiPack')}</h3>
        <ul class="pc-template-list">
          {KPI_TEMPLATES.map((tpl) => {
            const done = Boolean(tpl.metric) && templateMetric(tpl.id, metrics) !== undefined;
            return (
              <li key={tpl.id} class="pc-template">
                <div>
                  <strong>{tpl.name[s.locale]}</strong>
                  <p class="pc-muted">{tpl.definition[s.locale]}</p>
                  {tpl.needs.length > 0 && (
                    <p class="pc-hint">
                      {t('templates.needs', {
                        names: tpl.needs
                          .map((n) => KPI_TEMPLATES.find((x) => x.id === n)?.name[s.locale] ?? n)
                          .join(', '),
                      })}
                    </p>
                  )}
                </div>
                <button
                  type="button"
                  disabled={done}
                  onClick={() => void add(tpl)}
                  data-testid={`template-${tpl.id}`}
                >
                  {done ? t('templates.alreadyAdded') : t('action.add')}
                  <span class="pc-visually-hidden"> {tpl.name[s.locale]}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
