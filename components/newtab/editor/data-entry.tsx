import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { oddEntryQuestion, oddQuestion } from '../../../lib/app/odd-entry';
import { type NumericOrder, parsePastedColumn, pastedObservations } from '../../../lib/app/paste-values';
import { formulaInputs } from '../../../lib/engine/formula';
import { localDayKey } from '../../../lib/engine/time-buckets';
import { formatDayInWords, formatExactValue } from '../../../lib/i18n/format';
import { isDayKey, typedDayProblem } from '../../../lib/i18n/parse-day';
import { localizedName } from '../../../lib/i18n/translate';
import {
  buildObservation,
  checkValue,
  cleanDims,
  dayProblem,
  timeForDay,
  todayKey,
} from '../../../lib/popup/quick-log';
import type { Dimension, Metric, Observation } from '../../../lib/schema';
import { deleteObservations, ingestObservations } from '../../../lib/storage/observations';
import { getDb, settings, tr } from '../../app/session';
import { DayInput } from '../../shared/day-input';
import { showToast } from '../model';
import { EditorHeader, FormField, focusFirstInvalid, newId, say } from './form-field';
import { PastePreview } from './paste-preview';
import { useRecords } from './use-records';

type Mode = 'one' | 'paste';
const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** Manual data entry for one KPI: a single value, or a pasted column of values with a preview. */
export function DataEntry({ metricId, onClose }: { metricId?: string; onClose: () => void }) {
  const t = tr.value;
  const s = settings.value;
  const { metrics } = useRecords();
  const now = useMemo(() => Date.now(), []);
  const today = todayKey(now, s.timeZone);
  const [chosen, setChosen] = useState(metricId ?? '');
  const [mode, setMode] = useState<Mode>('one');
  const [day, setDay] = useState(today);
  const [text, setText] = useState('');
  const [dims, setDims] = useState<Partial<Record<Dimension, string>>>({});
  const [note, setNote] = useState('');
  const [paste, setPaste] = useState('');
  const [undated, setUndated] = useState<'daily' | 'same'>('daily');
  const [dateOrder, setDateOrder] = useState<NumericOrder | undefined>(undefined);
  const [skipBad, setSkipBad] = useState(false);
  const [errors, setErrors] = useState<
    Partial<Record<'metric' | 'value' | 'day' | 'paste' | 'form', string>>
  >({});
  /**
   * Values odd for the KPI wait here for the user's answer (issue 19, item 6): nothing is written
   * until "Save anyway"; any edit drops the question, so it never answers for values not shown.
   */
  const [ask, setAsk] = useState<{
    question: string;
    reason: string | null;
    count: number;
    obs: Observation[];
  } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const askRef = useRef<HTMLDivElement>(null);
  // An edit to any field drops the question: it must never answer for values no longer shown.
  useEffect(() => setAsk(null), [chosen, mode, day, text, paste, undated, skipBad, dims, note]);
  useEffect(() => {
    // Focus goes to the question's safe answer (Change), so Enter never saves an odd value by accident.
    if (ask) askRef.current?.querySelector<HTMLButtonElement>('[data-testid="odd-change"]')?.focus();
  }, [ask]);
  // A calculated KPI takes no values of its own (Quick log from its goal): its first input is chosen
  // and the form says which KPIs it is read from, instead of an empty choice.
  const [calculated, setCalculated] = useState<{ name: string; inputs: string } | null>(null);
  useEffect(() => {
    const asked = metrics.find((m) => m.id === chosen);
    if (!asked?.formula) return;
    const inputs = formulaInputs(asked, new Map(metrics.map((m) => [m.id, m])));
    setCalculated({
      name: localizedName(asked, t.locale),
      inputs: inputs.map((m) => localizedName(m, t.locale)).join(', '),
    });
    setChosen(inputs[0]?.id ?? '');
  }, [metrics, chosen, t.locale]);
  const metric: Metric | undefined = metrics.find((m) => m.id === chosen && !m.formula);
  const parsed = useMemo(
    () =>
      metric && paste.trim()
        ? parsePastedColumn(paste, {
            locale: s.locale,
            timeZone: s.timeZone,
            now: Date.now(),
            unit: metric.unit,
            // Text still to fix in the day field reads as today here; saving refuses it.
            lastDay: isDayKey(day) ? day : today,
            undated,
            ...(dateOrder ? { dateOrder } : {}),
          })
        : null,
    [paste, metric, day, undated, dateOrder, s.locale],
  );

  const fail = (e: typeof errors) => {
    setErrors(e);
    focusFirstInvalid(formRef.current);
  };

  const store = async (m: Metric, obs: Observation[]) => {
    const db = await getDb();
    try {
      await ingestObservations(db, obs);
    } catch (err) {
      return fail({
        form: t('toast.saveFailed', { reason: err instanceof Error ? err.message : String(err) }),
      });
    }
    onClose();
    showToast(t.plural('entry.saved', obs.length, { metric: localizedName(m, t.locale) }), async () => {
      await deleteObservations(await getDb(), obs);
    });
  };

  const save = (e: Event) => {
    e.preventDefault();
    if (!metric) return fail({ metric: t('popup.chooseMetricFirst') });
    const nonce = newId('e').slice(2);
    // Text in the day field that is not a day (a pasted column's last day too) is refused with its reason.
    const typed = typedDayProblem(day, s.locale);
    if (typed) return fail({ day: say(t, typed) ?? '' });
    if (mode === 'paste') {
      if (!parsed || (parsed.rows.length === 0 && parsed.problems.length === 0))
        return fail({ paste: t('entry.pasteEmpty') });
      if (parsed.problems.length && !skipBad)
        return fail({ paste: t.plural('entry.problems', parsed.problems.length) });
      if (parsed.rows.length === 0) return fail({ paste: t('entry.pasteEmpty') });
      return void storeOrAsk(
        metric,
        pastedObservations(parsed.rows, metric, cleanDims(metric, dims), note, nonce),
        null,
      );
    }
    const checked = checkValue(text, s.locale, metric.unit);
    if (checked.status !== 'ok') {
      return fail({
        value: checked.status === 'error' ? (say(t, checked.message) ?? '') : checked.question[t.locale],
      });
    }
    const time = timeForDay(day, s.timeZone, Date.now());
    if (time === null) return fail({ day: t(dayProblem(day, s.timeZone, Date.now()) ?? 'date.invalid') });
    const obs = buildObservation({
      metric,
      value: checked.value,
      time,
      dims: cleanDims(metric, dims),
      note,
      nonce,
    });
    void storeOrAsk(metric, [obs], oddQuestion(obs.value, metric.unit, s.locale));
  };

  /** Saves at once when every value is ordinary; otherwise asks once, naming the odd values. */
  const storeOrAsk = (m: Metric, obs: Observation[], reason: string | null) => {
    const question = oddEntryQuestion(
      obs.map((o) => o.value),
      m.unit,
      s.locale,
    );
    if (!question) return store(m, obs);
    setErrors({});
    const count = obs.filter((o) => oddQuestion(o.value, m.unit, s.locale) !== null).length;
    setAsk({ question, reason, count, obs });
  };

  const changeOdd = () => {
    setAsk(null);
    formRef.current?.querySelector<HTMLElement>(mode === 'one' ? '#entry-value' : '#entry-paste')?.focus();
  };

  const saveLabel =
    mode === 'paste' && parsed ? t.plural('entry.saveCount', parsed.rows.length) : t('action.save');

  return (
    <form ref={formRef} class="pc-editor-form" onSubmit={save} noValidate data-testid="data-entry">
      <EditorHeader title={t('entry.title')} t={t} onClose={onClose} />
      {errors.form && (
        <p role="alert" class="pc-error">
          {errors.form}
        </p>
      )}
      {calculated && (
        <p class="pc-hint" data-testid="entry-calculated">
          {t('entry.formulaInputs', calculated)}
        </p>
      )}
      <div class="pc-form-grid">
        <FormField id="entry-metric" label={t('field.metric')} error={errors.metric}>
          {(a) => (
            <select {...a} value={chosen} onChange={(e) => setChosen(value(e))}>
              <option value="">—</option>
              {metrics
                .filter((m) => !m.formula)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {localizedName(m, t.locale)}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        <fieldset class="pc-fieldset">
          <legend>{t('entry.mode')}</legend>
          {(['one', 'paste'] as const).map((m) => (
            <label key={m} class="pc-check">
              <input
                type="radio"
                name="entry-mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                data-testid={`entry-mode-${m}`}
              />
              {t(m === 'one' ? 'entry.single' : 'entry.paste')}
            </label>
          ))}
        </fieldset>
        {mode === 'one' && (
          <FormField
            id="entry-value"
            label={t('popup.value')}
            error={errors.value}
            hint={t('popup.valuePlaceholder')}
          >
            {(a) => (
              <input
                {...a}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={text}
                onInput={(e) => setText(value(e))}
              />
            )}
          </FormField>
        )}
        <FormField
          id="entry-day"
          label={mode === 'one' ? t('popup.date') : t('entry.lastDay')}
          error={errors.day}
          hint={t('dayField.yearlessHint')}
        >
          {(a) => (
            <DayInput
              {...a}
              max={today}
              value={day}
              locale={t.locale}
              label={mode === 'one' ? t('popup.date') : t('entry.lastDay')}
              onDay={setDay}
            />
          )}
        </FormField>
        {mode === 'paste' && (
          <FormField id="entry-undated" label={t('entry.undated')}>
            {(a) => (
              <select {...a} value={undated} onChange={(e) => setUndated(value(e) as 'daily' | 'same')}>
                <option value="daily">{t('entry.undated.daily')}</option>
                <option value="same">{t('entry.undated.same')}</option>
              </select>
            )}
          </FormField>
        )}
        {metric?.dimensions.map((d) => (
          <FormField
            key={d}
            id={`entry-dim-${d}`}
            label={`${t(`popup.dimension.${d}`)} (${t('popup.optional')})`}
          >
            {(a) => (
              <input
                {...a}
                type="text"
                value={dims[d] ?? ''}
                onInput={(e) => setDims({ ...dims, [d]: value(e) })}
              />
            )}
          </FormField>
        ))}
        <FormField id="entry-note" label={`${t('popup.note')} (${t('popup.optional')})`}>
          {(a) => (
            <input {...a} type="text" maxLength={500} value={note} onInput={(e) => setNote(value(e))} />
          )}
        </FormField>
      </div>
      {mode === 'paste' && (
        <>
          <FormField
            id="entry-paste"
            label={t('entry.pasteLabel')}
            hint={t('entry.pasteHint')}
            error={errors.paste}
          >
            {(a) => (
              <textarea
                {...a}
                rows={6}
                value={paste}
                spellcheck={false}
                onInput={(e) => {
                  setPaste(value(e));
                  setErrors({});
                }}
              />
            )}
          </FormField>
          {parsed?.dateOrderAmbiguous && parsed.dateOrder && (
            // Every date reads both ways (no day above 12): "02/12/2026" is 2 December to a Vietnamese
            // sheet and February 12 to an American one. The user says which; the preview follows.
            <FormField id="entry-date-order" label={t('entry.dateOrder')}>
              {(a) => (
                <select
                  {...a}
                  value={parsed.dateOrder ?? ''}
                  onChange={(e) => setDateOrder(value(e) as NumericOrder)}
                  data-testid="entry-date-order"
                >
                  <option value="dd/mm/yyyy">{t('entry.dateOrder.dayFirst')}</option>
                  <option value="mm/dd/yyyy">{t('entry.dateOrder.monthFirst')}</option>
                </select>
              )}
            </FormField>
          )}
          {parsed && metric && (
            <PastePreview
              result={parsed}
              // The preview is the confirmation: each value exactly as it will be stored (issue 19, item 6).
              format={(v) => formatExactValue(v, metric.unit, s.locale)}
              question={(v) => oddQuestion(v, metric.unit, s.locale)}
              // In words ("Thứ Tư, 2 tháng 12, 2026"), not "02/12/2026" again: the preview is where the
              // user checks which way the column's dates were read.
              formatDay={(ms) => formatDayInWords(localDayKey(ms, s.timeZone), s.locale)}
              t={t}
            />
          )}
          {parsed && parsed.problems.length > 0 && (
            <label class="pc-check">
              <input
                type="checkbox"
                checked={skipBad}
                onChange={(e) => setSkipBad(e.currentTarget.checked)}
                data-testid="entry-skip-bad"
              />
              {t.plural('entry.skipBad', parsed.problems.length)}
            </label>
          )}
        </>
      )}
      {ask && metric && (
        <div
          ref={askRef}
          role="alertdialog"
          aria-labelledby="odd-ask-q"
          class="pc-odd-ask"
          data-testid="odd-ask"
        >
          <p id="odd-ask-q">{ask.question}</p>
          {ask.reason && <p>{ask.reason}</p>}
          <div class="pc-row">
            <button
              type="button"
              class="primary"
              onClick={() => {
                const { obs } = ask;
                setAsk(null);
                void store(metric, obs);
              }}
              data-testid="odd-save"
            >
              {t('oddEntry.saveAnyway')}
            </button>
            <button type="button" onClick={changeOdd} data-testid="odd-change">
              {t.plural('oddEntry.change', ask.count)}
            </button>
          </div>
        </div>
      )}
      <footer class="pc-row pc-editor-actions">
        {/* While the question is open its own answer is the one primary action. */}
        <button type="submit" class={ask ? undefined : 'primary'} data-testid="entry-save">
          {saveLabel}
        </button>
        <button type="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </footer>
    </form>
  );
}
