import { useState } from 'preact/hooks';
import { goalsOnKpi, type KpiDeleteQuestion, kpiDeleteAsks, namedGoals } from '../../../lib/app/kpi-delete';
import { localizedName } from '../../../lib/i18n/translate';
import type { Metric } from '../../../lib/schema';
import { countMetricValues } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { getDb, settings, tr } from '../../app/session';
import { DeleteDialog } from '../delete-dialog';
import { showToast } from '../model';

/**
 * The KPI editor's "Delete" (docs/data-safety.md). A KPI that holds values or that goals use asks
 * first, in numbers — "Delete “Revenue” and its 412 values? 3 goals use it: …" — with the goal
 * delete's own question (delete-dialog.tsx); one with nothing recorded and no goal goes in one click.
 * Either way the toast names what went, with Undo.
 */
export function DeleteKpiButton({ metric, onDeleted }: { metric: Metric; onDeleted: () => void }) {
  const t = tr.value;
  const locale = settings.value.locale;
  const [ask, setAsk] = useState<KpiDeleteQuestion | null>(null);
  const name = localizedName(metric, locale);
  const valuesText = (n: number) => t.plural('kpiDelete.values', n);

  const remove = async (q: KpiDeleteQuestion) => {
    const repo = repository(await getDb(), 'metrics');
    await repo.softDelete([metric.id]);
    setAsk(null);
    onDeleted();
    showToast(
      q.values > 0
        ? t('kpiDelete.doneValues', { name, values: valuesText(q.values) })
        : t('kpiDelete.done', { name }),
      async () => repo.restore([metric.id]),
    );
  };

  const start = async () => {
    const db = await getDb();
    const [values, goals] = await Promise.all([
      countMetricValues(db, metric.id),
      repository(db, 'goals').list(),
    ]);
    const q: KpiDeleteQuestion = { values, goals: goalsOnKpi(goals, metric.id) };
    if (kpiDeleteAsks(q)) setAsk(q);
    else await remove(q);
  };

  const goalsLine = (q: KpiDeleteQuestion) => {
    if (!q.goals.length) return '';
    const { names, more } = namedGoals(q.goals, locale);
    return more > 0
      ? t.plural('kpiDelete.goalsMore', q.goals.length, { names, more })
      : t.plural('kpiDelete.goals', q.goals.length, { names });
  };

  return (
    <>
      <button type="button" class="pc-danger" onClick={() => void start()} data-testid="metric-delete">
        {t('action.delete')}
      </button>
      {ask && (
        <DeleteDialog
          testId="kpi-delete-confirm"
          cancelTestId="kpi-delete-cancel"
          row
          onCancel={() => setAsk(null)}
          question={
            ask.values > 0
              ? t('kpiDelete.ask', { name, values: valuesText(ask.values) })
              : t('kpiDelete.askNoValues', { name })
          }
          hint={
            <>
              {ask.goals.length > 0 && (
                <strong class="pc-kpi-delete-goals" data-testid="kpi-delete-goals">
                  {goalsLine(ask)}{' '}
                </strong>
              )}
              {[
                ask.values > 0 ? t('kpiDelete.hintValues') : '',
                ask.goals.length > 0 ? t('kpiDelete.hintGoals') : '',
                t('kpiDelete.hintUndo'),
              ]
                .filter(Boolean)
                .join(' ')}
            </>
          }
        >
          <button
            type="button"
            class="pc-danger"
            data-testid="kpi-delete-yes"
            onClick={() => void remove(ask)}
          >
            {t('kpiDelete.confirm')}
          </button>
        </DeleteDialog>
      )}
    </>
  );
}
