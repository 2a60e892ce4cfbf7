import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  deleteValue,
  dimsText,
  type KpiValueRow,
  loadValueRows,
  PAGE_SIZE,
  saveEdit,
  valueRow,
} from '../../../lib/app/kpi-values';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { formatDate, formatDayInWords, formatExactValue } from '../../../lib/i18n/format';
import { sourceKey } from '../../../lib/i18n/messages-kpi-values';
import { isMonthKey } from '../../../lib/i18n/parse-day';
import { localizedName } from '../../../lib/i18n/translate';
import type { Metric, Observation } from '../../../lib/schema';
import { onChange } from '../../../lib/storage/changes';
import { ingestObservations } from '../../../lib/storage/observations';
import { getDb, settings, tr } from '../../app/session';
import { FieldNoteLine, useCalendarField } from '../../shared/day-input';
import { editing, showToast } from '../model';
import { EditorHeader } from './form-field';
import { KpiValueEdit } from './kpi-value-edit';
import { useRecords } from './use-records';

interface Loaded {
  rows: KpiValueRow[];
  more: boolean;
}

/**
 * A KPI's logged values, newest first, fifty at a time (or up to the end of a chosen month): each with
 * its day, value, dimensions, where it came from and its note, fixed in place or deleted, with Undo.
 * Writes go through ingest/delete (lib/app/kpi-values.ts), so the goals' figures follow at once.
 */
export function KpiValues({ metricId, onClose }: { metricId?: string; onClose: () => void }) {
  const t = tr.value;
  const s = settings.value;
  const { metrics, loaded: recordsLoaded } = useRecords();
  const metric: Metric | undefined = metrics.find((m) => m.id === metricId);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [month, setMonth] = useState('');
  /** What the month field holds: the month, '' or text still to fix (see components/shared/day-input.tsx). */
  const [monthText, setMonthText] = useState('');
  const [list, setList] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (!metricId) return;
    let alive = true;
    const load = async () => {
      try {
        const next = await loadValueRows(await getDb(), metricId, {
          limit,
          timeZone: s.timeZone,
          ...(month ? { month } : {}),
        });
        if (alive) setList(next);
      } catch (e) {
        if (alive)
          setError(t('kpiValues.loadFailed', { reason: e instanceof Error ? e.message : String(e) }));
      }
    };
    void load();
    // An edit here, an Undo, or an import in another tab: the list shows what is stored.
    const off = onChange((e) => {
      if (e.stores.includes('obsBlocks')) void load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [metricId, limit, month, s.timeZone]);

  const name = metric ? localizedName(metric, t.locale) : '';
  const day = (row: KpiValueRow) => formatDayInWords(row.day, t.locale);
  const amount = (v: number) => (metric ? formatExactValue(v, metric.unit, t.locale) : String(v));
  const withDims = Boolean(metric?.dimensions.length) || Boolean(list?.rows.some((r) => r.dims.length));
  const columns = withDims ? 6 : 5;

  const saved = (old: Observation, next: Observation) => {
    setEditingKey(null);
    const row = valueRow(next, s.timeZone);
    const moved = row.day !== valueRow(old, s.timeZone).day;
    showToast(
      t(moved ? 'kpiValues.moved' : 'kpiValues.saved', {
        day: day(row),
        old: amount(old.value),
        value: amount(next.value),
      }),
      async () => saveEdit(await getDb(), next, old),
    );
    statusRef.current?.focus();
  };

  const remove = async (row: KpiValueRow) => {
    const removed = await deleteValue(await getDb(), row.observation);
    showToast(t('kpiValues.deleted', { day: day(row), value: amount(row.value) }), async () => {
      await ingestObservations(await getDb(), removed);
    });
    // The row's own button is gone: focus stays in the dialog, on the line that counts the rows.
    statusRef.current?.focus();
  };

  const monthField = useCalendarField({
    id: 'values-month',
    kind: 'month',
    'data-no-first-focus': true,
    'data-testid': 'values-month',
    value: monthText,
    locale: t.locale,
    label: t('kpiValues.month'),
    onValue: (reading) => {
      setMonthText(reading);
      // Text that is not a month yet leaves the list as it is; the field says what is wrong.
      if (reading !== '' && !isMonthKey(reading)) return;
      setMonth(reading);
      setLimit(PAGE_SIZE);
    },
  });

  const monthWords = month
    ? formatDate(startOfLocalDay(`${month}-01`, s.timeZone), t.locale, s.timeZone, 'monthYear')
    : '';

  return (
    <div class="pc-editor-form" data-testid="kpi-values">
      <EditorHeader title={t('kpiValues.title', { metric: name })} t={t} onClose={onClose} />
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
      {recordsLoaded && metric?.formula ? (
        <p data-testid="kpi-values-derived">{t('kpiValues.derived', { metric: name })}</p>
      ) : (
        <>
          <div class="pc-row pc-values-tools">
            <div class="pc-values-month">
              <label for="values-month">{t('kpiValues.month')}</label>
              {monthField.control}
            </div>
            {month && (
              <button
                type="button"
                onClick={() => {
                  setMonth('');
                  setMonthText('');
                }}
              >
                {t('kpiValues.newest')}
              </button>
            )}
            <button type="button" onClick={() => (editing.value = { kind: 'entry', id: metricId })}>
              {t('kpis.log')}
            </button>
          </div>
          {/* What is wrong with a typed month, under the row of tools rather than inside it. */}
          <FieldNoteLine note={monthField.note} />
          {list && (
            <p ref={statusRef} tabIndex={-1} class="pc-muted" data-testid="values-count">
              {list.rows.length === 0
                ? month
                  ? t('kpiValues.noneInMonth', { month: monthWords })
                  : t('kpiValues.none')
                : month
                  ? t.plural('kpiValues.showingMonth', list.rows.length, { month: monthWords })
                  : t.plural('kpiValues.showing', list.rows.length)}
            </p>
          )}
          {metric && list && list.rows.length > 0 && (
            <div class="pc-table-wrap">
              <table class="pc-table pc-values-table">
                <thead>
                  <tr>
                    <th scope="col">{t('kpiValues.day')}</th>
                    <th scope="col" class="pc-num">
                      {t('kpiValues.value')}
                    </th>
                    {withDims && <th scope="col">{t('kpiValues.dims')}</th>}
                    <th scope="col">{t('kpiValues.source')}</th>
                    <th scope="col">{t('kpiValues.note')}</th>
                    <th scope="col">
                      <span class="pc-visually-hidden">{t('kpiValues.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((row) => (
                    <Fragment key={row.key}>
                      {/* The row stays in view above its form: what is being changed, and what it was. */}
                      <tr
                        data-testid="value-row"
                        class={row.key === editingKey ? 'pc-value-source' : undefined}
                      >
                        <td>{day(row)}</td>
                        <td class="pc-num" data-testid="value-amount">
                          {amount(row.value)}
                        </td>
                        {withDims && <td>{dimsText(row.dims, t)}</td>}
                        <td>{t(sourceKey(row.source))}</td>
                        <td class="pc-value-note">{row.note}</td>
                        <td class="pc-value-actions">
                          <button
                            type="button"
                            aria-label={t('kpiValues.editOf', { day: day(row) })}
                            aria-expanded={row.key === editingKey}
                            data-testid="value-edit-open"
                            onClick={() => setEditingKey(row.key === editingKey ? null : row.key)}
                          >
                            {t('action.edit')}
                          </button>
                          <button
                            type="button"
                            class="pc-danger"
                            aria-label={t('kpiValues.deleteOf', { day: day(row) })}
                            data-testid="value-delete"
                            onClick={() => void remove(row)}
                          >
                            {t('action.delete')}
                          </button>
                        </td>
                      </tr>
                      {row.key === editingKey && (
                        <KpiValueEdit
                          row={row}
                          metric={metric}
                          columns={columns}
                          onSaved={saved}
                          onCancel={() => setEditingKey(null)}
                        />
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list?.more && (
            <button type="button" data-testid="values-more" onClick={() => setLimit(limit + PAGE_SIZE)}>
              {t('kpiValues.showMore')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
