import { useEffect, useRef, useState } from 'preact/hooks';
import { checkEdit, editText, type KpiValueRow, saveEdit } from '../../../lib/app/kpi-values';
import { todayKey } from '../../../lib/popup/quick-log';
import type { Metric, Observation } from '../../../lib/schema';
import { getDb, settings, tr } from '../../app/session';
import { DayInput } from '../../shared/day-input';
import { FormField, focusFirstInvalid, say } from './form-field';

type Errors = Partial<Record<'value' | 'day' | 'form', string>>;
const text = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/**
 * One value fixed in place, in its row of the values list: value, day and note, read with the data
 * entry's rules (lib/app/kpi-values.ts `checkEdit`). Nothing is written until every field is right;
 * an odd value is asked about first, as the data entry does.
 */
export function KpiValueEdit({
  row,
  metric,
  columns,
  onSaved,
  onCancel,
}: {
  row: KpiValueRow;
  metric: Metric;
  columns: number;
  onSaved: (old: Observation, next: Observation) => void;
  onCancel: () => void;
}) {
  const t = tr.value;
  const s = settings.value;
  const [value, setValue] = useState(() => editText(row.value, metric.unit, s.locale));
  const [day, setDay] = useState(row.day);
  const [note, setNote] = useState(row.note);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [ask, setAsk] = useState<{ question: string; next: Observation } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // An edit to any field drops the question: it must never answer for a value no longer shown.
  useEffect(() => setAsk(null), [value, day, note]);
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.select();
  }, []);

  const store = async (next: Observation) => {
    try {
      await saveEdit(await getDb(), row.observation, next);
    } catch (err) {
      setErrors({
        form: t('toast.saveFailed', { reason: err instanceof Error ? err.message : String(err) }),
      });
      return;
    }
    onSaved(row.observation, next);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    setStatus(null);
    const res = checkEdit(row.observation, { text: value, day, note }, metric, {
      locale: s.locale,
      timeZone: s.timeZone,
      now: Date.now(),
    });
    if (res.status === 'error') {
      setErrors({ [res.field]: say(t, res.message) ?? '' });
      return focusFirstInvalid(form.current);
    }
    setErrors({});
    if (res.status === 'unchanged') return setStatus(t('kpiValues.unchanged'));
    if (res.ask) return setAsk({ question: res.ask, next: res.next });
    void store(res.next);
  };

  const id = (field: string) => `value-edit-${field}`;
  const hint =
    row.source === 'import'
      ? t('kpiValues.importHint')
      : row.source === 'crm'
        ? t('kpiValues.crmHint')
        : null;
  return (
    <tr class="pc-value-editing" data-testid="value-edit-row">
      <td colSpan={columns}>
        <form
          ref={form}
          onSubmit={submit}
          // Esc leaves this edit, not the whole list (the dialog's own Esc would close both).
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }}
          noValidate
          data-testid="value-edit"
          class="pc-value-edit"
        >
          {errors.form && (
            <p role="alert" class="pc-error">
              {errors.form}
            </p>
          )}
          <div class="pc-form-grid">
            <FormField id={id('value')} label={t('popup.value')} error={errors.value}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={value}
                  onInput={(e) => setValue(text(e))}
                />
              )}
            </FormField>
            <FormField
              id={id('day')}
              label={t('popup.date')}
              error={errors.day}
              hint={t('dayField.yearlessHint')}
            >
              {(a) => (
                <DayInput
                  {...a}
                  max={todayKey(Date.now(), s.timeZone)}
                  value={day}
                  locale={t.locale}
                  label={t('popup.date')}
                  onDay={setDay}
                />
              )}
            </FormField>
            <FormField id={id('note')} label={`${t('popup.note')} (${t('popup.optional')})`}>
              {(a) => (
                <input {...a} type="text" maxLength={500} value={note} onInput={(e) => setNote(text(e))} />
              )}
            </FormField>
          </div>
          {hint && <p class="pc-hint">{hint}</p>}
          {status && (
            <p role="status" class="pc-hint" data-testid="value-edit-status">
              {status}
            </p>
          )}
          {ask && (
            <div role="alertdialog" aria-labelledby={id('ask')} class="pc-odd-ask" data-testid="odd-ask">
              <p id={id('ask')}>{ask.question}</p>
              <div class="pc-row">
                <button
                  type="button"
                  class="primary"
                  onClick={() => void store(ask.next)}
                  data-testid="odd-save"
                >
                  {t('oddEntry.saveAnyway')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setAsk(null);
                    form.current?.querySelector<HTMLInputElement>(`#${id('value')}`)?.focus();
                  }}
                >
                  {t.plural('oddEntry.change', 1)}
                </button>
              </div>
            </div>
          )}
          <div class="pc-row">
            <button type="submit" class={ask ? undefined : 'primary'} data-testid="value-edit-save">
              {t('action.save')}
            </button>
            <button type="button" onClick={onCancel}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
