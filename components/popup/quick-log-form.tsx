import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDayInWords, formatExactValue } from '../../lib/i18n/format';
import { sourceKey } from '../../lib/i18n/messages-kpi-values';
import { typedDayProblem } from '../../lib/i18n/parse-day';
import { localizedName, type Translator } from '../../lib/i18n/translate';
import {
  buildObservation,
  checkValue,
  cleanDims,
  dayProblem,
  timeForDay,
  todayKey,
  type UiText,
  UNDO_MS,
} from '../../lib/popup/quick-log';
import { unusualQuestion } from '../../lib/popup/unusual-question';
import { unusualValue } from '../../lib/popup/unusual-value';
import type { Dimension, Metric, Observation } from '../../lib/schema';
import { FieldNoteLine, useCalendarField } from '../shared/day-input';
import { MetricPicker } from './metric-picker';
import {
  knownDimensionValues,
  logObservation,
  metrics,
  priorValues,
  recent,
  undoObservation,
} from './popup-model';

export interface Prefill {
  metricId?: string;
  value?: string;
  /** The value came from text selected on a page (context menu). */
  fromSelection?: boolean;
}

type Status =
  | { kind: 'idle' }
  /** `field`: the date is what is wrong (the value field is otherwise). */
  | { kind: 'error'; text: string; field?: 'date' }
  | { kind: 'confirm'; question: string; choices: number[] }
  | { kind: 'repeat'; question: string; metric: Metric; value: number }
  | { kind: 'unusual'; question: string; metric: Metric; choices: number[] }
  | { kind: 'saved'; text: string; obs: Observation; until: number }
  | { kind: 'info'; text: string };

const nonce = () => Math.random().toString(36).slice(2, 8);

export function QuickLogForm({
  t,
  timeZone,
  prefill,
}: {
  t: Translator;
  timeZone: string;
  prefill: Prefill;
}) {
  const [metric, setMetric] = useState<Metric | null>(null);
  const [value, setValue] = useState(prefill.value ?? '');
  const [day, setDay] = useState(() => todayKey(Date.now(), timeZone));
  const [dims, setDims] = useState<Partial<Record<Dimension, string>>>({});
  const [known, setKnown] = useState<Partial<Record<Dimension, string[]>>>({});
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [now, setNow] = useState(Date.now());
  const valueRef = useRef<HTMLInputElement>(null);
  const say = (m: UiText) => ('key' in m ? t(m.key, m.params) : m.text[t.locale]);

  // A prefilled KPI (omnibox, context menu) is picked once the metrics are known.
  useEffect(() => {
    if (!metric && prefill.metricId) {
      const m = metrics.value.find((x) => x.id === prefill.metricId);
      if (m) setMetric(m);
    }
  }, [metrics.value]);
  useEffect(() => {
    if (!metric) return;
    setDims({});
    void knownDimensionValues(metric.id).then(setKnown, () => setKnown({}));
  }, [metric?.id]);
  // The undo countdown: one tick a second while the Undo button is shown.
  useEffect(() => {
    if (status.kind !== 'saved') return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= status.until) setStatus({ kind: 'idle' });
    }, 250);
    return () => clearInterval(timer);
  }, [status]);

  /** `asked`: questions already answered for this value (far from its history; already logged). */
  const save = async (m: Metric, v: number, asked: { unusual?: boolean; repeat?: boolean } = {}) => {
    const time = timeForDay(day, timeZone, Date.now());
    if (time === null) return dateError(t(dayProblem(day, timeZone, Date.now()) ?? 'date.invalid'));
    const obs = buildObservation({
      metric: m,
      value: v,
      time,
      dims: cleanDims(m, dims),
      note,
      nonce: nonce(),
    });
    try {
      // One read of the KPI for both questions, unless both were answered.
      const prior = asked.unusual && asked.repeat ? null : await priorValues(obs, m);
      // Far from what the KPI has read lately (1.250 active customers after 185–258): asked first.
      const unusual = asked.unusual || !prior ? null : unusualValue(v, prior.recent.values, m);
      if (unusual) {
        const fmt = (x: number) => formatExactValue(x, m.unit, t.locale);
        return setStatus({
          kind: 'unusual',
          metric: m,
          choices: unusual.kind === 'fraction' ? [unusual.percent, v] : [v],
          question: unusualQuestion(t, unusual.kind, m.aggregation === 'sum', prior!.recent.across, {
            value: fmt(v),
            metric: localizedName(m, t.locale),
            low: fmt(unusual.low),
            high: fmt(unusual.high),
          }),
        });
      }
      // The same value already there for that day: asked, as it doubled a day's total unnoticed.
      const same = asked.repeat || !prior ? null : prior.repeat;
      if (same)
        return setStatus({
          kind: 'repeat',
          metric: m,
          value: v,
          question: t('kpiValues.repeat', {
            value: formatExactValue(v, m.unit, t.locale),
            metric: localizedName(m, t.locale),
            date: formatDayInWords(
              day,
              t.locale,
              'short',
              Number(todayKey(Date.now(), timeZone).slice(0, 4)),
            ),
            source: t(sourceKey(same.source)),
          }),
        });
      await logObservation(obs);
    } catch (e) {
      return setStatus({
        kind: 'error',
        text: t('toast.saveFailed', { reason: e instanceof Error ? e.message : String(e) }),
      });
    }
    // Exactly as stored: "Saved ₫1.2", never a rounded "Saved ₫1" (issue 19, item 6).
    const shown = formatExactValue(v, m.unit, t.locale);
    const today = todayKey(Date.now(), timeZone);
    const named = { value: shown, metric: localizedName(m, t.locale) };
    setStatus({
      kind: 'saved',
      // A past day is named in the confirmation, and the field goes back to today: the next value
      // went to yesterday unnoticed when the field kept the day chosen for the one before.
      text:
        day === today
          ? t('popup.savedValue', named)
          : t('popup.savedValueOn', { ...named, date: formatDayInWords(day, t.locale) }),
      obs,
      until: Date.now() + UNDO_MS,
    });
    setNow(Date.now());
    setValue('');
    setNote('');
    setDay(today);
    valueRef.current?.focus();
  };

  /** What is wrong with the date, under the form; the date field is marked and focused to fix it. */
  const dateError = (text: string) => {
    setStatus({ kind: 'error', text, field: 'date' });
    document.getElementById('ql-date')?.focus();
  };
  const dateWrong = status.kind === 'error' && status.field === 'date';
  const today = todayKey(Date.now(), timeZone);
  const date = useCalendarField({
    id: 'ql-date',
    kind: 'day',
    value: day,
    locale: t.locale,
    label: t('popup.date'),
    max: today,
    words: { style: 'short', thisYear: Number(today.slice(0, 4)) },
    onValue: (next) => {
      setDay(next);
      if (dateWrong) setStatus({ kind: 'idle' });
    },
    'aria-invalid': dateWrong || undefined,
    // The field's tooltip says how a day without a year reads; a screen reader hears it from here.
    'aria-describedby': dateWrong ? 'ql-date-hint ql-status' : 'ql-date-hint',
    'data-testid': 'date-input',
  });

  /** Back to the value field from a question about it. */
  const changeValue = () => {
    setStatus({ kind: 'idle' });
    valueRef.current?.focus();
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (!metric) return setStatus({ kind: 'error', text: t('popup.chooseMetricFirst') });
    // Text in the date field that is not a day says why before any question about the value.
    const typed = typedDayProblem(day, t.locale);
    if (typed) return dateError(say(typed));
    const check = checkValue(value, t.locale, metric.unit, 'kpi');
    if (check.status === 'error') return setStatus({ kind: 'error', text: say(check.message) });
    if (check.status === 'confirm') {
      return setStatus({
        kind: 'confirm',
        question: check.question[t.locale],
        choices: [check.value, ...check.alternatives],
      });
    }
    void save(metric, check.value);
  };

  const undo = async () => {
    if (status.kind !== 'saved') return;
    const { obs } = status;
    await undoObservation(obs);
    // Only if the user is still looking at that Saved line: a slow undo finishing after they moved on
    // must not wipe the question or error now shown for the next value.
    setStatus((s) =>
      s.kind === 'saved' && s.obs.id === obs.id ? { kind: 'info', text: t('popup.undone') } : s,
    );
  };

  return (
    <form class="pp-quick-log" onSubmit={submit} aria-labelledby="ql-h" data-testid="quick-log">
      <h2 id="ql-h">{t('popup.quickLog')}</h2>
      <MetricPicker
        metrics={metrics.value}
        recent={recent.value}
        selected={metric}
        onSelect={(m) => {
          setMetric(m);
          setStatus({ kind: 'idle' });
        }}
        t={t}
        autoFocus={!prefill.metricId}
      />
      <div class="pp-row">
        <div class="pp-field pp-grow">
          <label for="ql-value">{t('popup.value')}</label>
          <input
            id="ql-value"
            ref={valueRef}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t('popup.valuePlaceholder')}
            value={value}
            onInput={(e) => {
              setValue(e.currentTarget.value);
              if (
                status.kind === 'error' ||
                status.kind === 'confirm' ||
                status.kind === 'repeat' ||
                status.kind === 'unusual'
              )
                setStatus({ kind: 'idle' });
            }}
            aria-describedby="ql-status"
            aria-invalid={status.kind === 'error' && !dateWrong}
            // biome-ignore lint/a11y/noAutofocus: opened with a KPI already chosen, the value is next
            autoFocus={Boolean(prefill.metricId)}
            data-testid="value-input"
          />
        </div>
        <div class="pp-field pp-date">
          {/* The day in words on the label's line (components/shared/day-input.tsx says why); a line of
              its own would push the third goal out of Chrome's 600 px popup. */}
          <div class="pp-label-line">
            <label for="ql-date">{t('popup.date')}</label>
            {date.note && !date.note.problem && <FieldNoteLine note={date.note} />}
          </div>
          {date.control}
          <span id="ql-date-hint" class="pc-visually-hidden">
            {t('dayField.yearlessHint')}
          </span>
        </div>
      </div>
      {/* What is wrong with a typed date, once the user has left the field: under the row, where it
          can wrap. */}
      {date.note?.problem && <FieldNoteLine note={date.note} />}
      {prefill.fromSelection && prefill.value && (
        <p class="pp-muted">{t('popup.fromSelection', { text: prefill.value })}</p>
      )}
      {/* Dimensions and the note share rows of two: one field a row pushed the goals above out of
          Chrome's 600 px popup once the "Saved … Undo" line appeared. */}
      <div class="pp-extras">
        {metric?.dimensions.map((d) => (
          <div class="pp-field" key={d}>
            <label for={`ql-dim-${d}`}>
              {t(`popup.dimension.${d}`)} <span class="pp-muted">({t('popup.optional')})</span>
            </label>
            <input
              id={`ql-dim-${d}`}
              type="text"
              list={`ql-dim-${d}-list`}
              value={dims[d] ?? ''}
              onInput={(e) => setDims({ ...dims, [d]: e.currentTarget.value })}
              data-testid={`dim-${d}`}
            />
            <datalist id={`ql-dim-${d}-list`}>
              {(known[d] ?? []).map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          </div>
        ))}
        <div class="pp-field">
          <label for="ql-note">{t('popup.note')}</label>
          <input
            id="ql-note"
            type="text"
            maxLength={500}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
      </div>
      <button type="submit" class="primary" data-testid="save">
        {t('action.save')}
      </button>
      <div
        id="ql-status"
        class="pp-status"
        role={status.kind === 'error' ? 'alert' : 'status'}
        data-testid="log-status"
      >
        {status.kind === 'error' && <p class="pc-error">{status.text}</p>}
        {status.kind === 'info' && <p>{status.text}</p>}
        {status.kind === 'confirm' && metric && (
          <ValueChoices
            t={t}
            testId="confirm"
            question={status.question}
            choices={status.choices}
            metric={metric}
            onChoose={(c) => void save(metric, c)}
            onChange={changeValue}
          />
        )}
        {status.kind === 'unusual' && (
          <ValueChoices
            t={t}
            testId="unusual"
            question={status.question}
            choices={status.choices}
            metric={status.metric}
            onChoose={(c) => void save(status.metric, c, { unusual: true })}
            onChange={changeValue}
          />
        )}
        {status.kind === 'repeat' && (
          <div class="pp-confirm" data-testid="repeat">
            <p>{status.question}</p>
            <button
              type="button"
              class="primary"
              onClick={() => void save(status.metric, status.value, { unusual: true, repeat: true })}
              data-testid="repeat-yes"
            >
              {t('kpiValues.repeatYes')}
            </button>
            <button type="button" onClick={changeValue} data-testid="repeat-change">
              {t('quickLog.change')}
            </button>
          </div>
        )}
        {status.kind === 'saved' && (
          <p class="pp-saved">
            <span>{status.text}</span>
            <button type="button" onClick={() => void undo()} data-testid="undo">
              {t('popup.undoIn', { seconds: Math.max(0, Math.ceil((status.until - now) / 1000)) })}
            </button>
          </p>
        )}
      </div>
    </form>
  );
}

/** A question about a value, a button per reading ("Save ₫1.2", "Save ₫1,200") and "Change the value". */
function ValueChoices(props: {
  t: Translator;
  testId: string;
  question: string;
  choices: readonly number[];
  metric: Metric;
  onChoose: (value: number) => void;
  onChange: () => void;
}) {
  const { t } = props;
  return (
    <div class="pp-confirm" data-testid={props.testId}>
      <p>{props.question}</p>
      {props.choices.map((c, i) => (
        <button
          type="button"
          key={c}
          class={i === 0 ? 'primary' : undefined}
          onClick={() => props.onChoose(c)}
          data-testid={`${props.testId}-${i}`}
        >
          {t('popup.confirmValue', { value: formatExactValue(c, props.metric.unit, t.locale) })}
        </button>
      ))}
      <button type="button" onClick={props.onChange} data-testid={`${props.testId}-change`}>
        {t('quickLog.change')}
      </button>
    </div>
  );
}
