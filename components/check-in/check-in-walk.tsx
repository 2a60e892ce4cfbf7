import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { GoalView } from '../../lib/app/goal-view';
import { formatExactValue } from '../../lib/i18n/format';
import { localizedName, type Translator } from '../../lib/i18n/translate';
import {
  answer,
  back,
  type CheckInEntry,
  type CheckInState,
  checkInRecord,
  currentGoal,
  goalsForCheckIn,
  isFinished,
  ownersOf,
  skip,
  startCheckIn,
  summarize,
} from '../../lib/popup/check-in-flow';
import {
  type CheckInMeasure,
  type CheckInValueRules,
  checkInMeasure,
  checkInObservation,
  checkInRules,
} from '../../lib/popup/check-in-value';
import { checkValue, type UiText } from '../../lib/popup/quick-log';
import type { CheckIn, Confidence, Goal, Metric, Observation, Unit } from '../../lib/schema';
import { ingestObservations } from '../../lib/storage/observations';
import { repository } from '../../lib/storage/repository';
import { getDb, settings, updateSettings } from '../app/session';
import { StatusPill } from '../widgets/status-pill';

const CONFIDENCES: Confidence[] = ['on_track', 'at_risk', 'off_track'];
/** Plans, progress, problems in the domain's PPP order, the same in the form, the history and exports. */
export const NOTE_ORDER = ['progress', 'plans', 'problems'] as const;

/** The check-in was saved but its value could not be logged to the KPI: the step says exactly that. */
class LogFailed extends Error {}

/** Writes one answer: the checked repository path (zod-parsed records), as everywhere else. */
export async function saveCheckInRecord(record: CheckIn): Promise<void> {
  await repository(await getDb(), 'checkIns').put(record);
}

/** Logs a check-in's value to the goal's KPI: the checked ingest path, as the quick log's. */
export async function logCheckInValue(obs: Observation): Promise<void> {
  await ingestObservations(await getDb(), [obs]);
}

export interface CheckInWalkProps {
  goals: GoalView[];
  t: Translator;
  onClose: () => void;
  /** The KPIs (their units check the values); read from storage when the surface has none at hand. */
  metrics?: readonly Metric[];
  /** Defaults to `saveCheckInRecord`. */
  save?: (record: CheckIn) => Promise<void>;
  /** Logs a value to a KPI ("Also log … to <KPI>"); defaults to `logCheckInValue`. */
  logValue?: (obs: Observation) => Promise<void>;
  /**
   * `review`: the user's open goals one by one, asking whose goals once (the popup's check-in and the
   * new tab's weekly review). `goal`: exactly the goals given (the goal detail's "Check in").
   */
  mode?: 'review' | 'goal';
  title?: string;
  headingId?: string;
}

/**
 * The weekly check-in, one model (lib/popup/check-in-flow.ts) on two surfaces (the popup, the new
 * tab): who (asked once, remembered in settings), then one goal at a time — value, confidence,
 * plans / progress / problems, or skip, and back — then a closing summary. Each answer is saved as
 * soon as it is given: a popup closes the moment it loses focus.
 */
export function CheckInWalk({
  goals,
  t,
  onClose,
  metrics,
  save = saveCheckInRecord,
  logValue = logCheckInValue,
  mode = 'review',
  title,
  headingId = 'ci-h',
}: CheckInWalkProps) {
  const owner = settings.value.ownerName;
  const owners = useMemo(() => (mode === 'review' ? ownersOf(goals) : []), [goals, mode]);
  const [asking, setAsking] = useState(owner === '' && owners.length > 0);
  const [state, setState] = useState<CheckInState | null>(null);
  // Goal records (the view models carry no KPI id): each value is checked in its goal's unit. Read
  // once; a value submitted before they arrive waits for them rather than being dropped.
  const stored = useMemo(async () => {
    try {
      const db = await getDb();
      const list = await repository(db, 'goals').list();
      return { goals: list, metrics: metrics ? [] : await repository(db, 'metrics').list() };
    } catch {
      return { goals: [] as Goal[], metrics: [] as Metric[] };
    }
  }, []);
  const rulesOf = (goalId: string) =>
    stored.then((s) =>
      checkInRules(
        s.goals.find((g) => g.id === goalId),
        metrics ?? s.metrics,
      ),
    );
  // What each goal's step asks of its value (check-in-value.ts, checkInMeasure): nothing for a goal
  // with no number, the goal's own number, or its KPI's value — logged to the KPI when that is safe.
  const [measureOf, setMeasureOf] = useState<ReadonlyMap<string, CheckInMeasure> | null>(null);
  useEffect(() => {
    void stored.then((s) => {
      const all = metrics ?? s.metrics;
      setMeasureOf(new Map(s.goals.map((g) => [g.id, checkInMeasure(g, all)])));
    });
  }, []);
  const logTo = (goalId: string, record: CheckIn & { value: number }) =>
    stored.then(async (s) => {
      const g = s.goals.find((x) => x.id === goalId);
      const m = measureOf?.get(goalId);
      if (g && m?.kind === 'kpi' && m.loggable)
        await logValue(checkInObservation(g, m.metric, record, t('checkIn.logNote')));
    });
  const summaryRef = useRef<HTMLHeadingElement>(null);

  if (asking)
    return (
      <WhoStep
        owners={owners}
        t={t}
        title={title ?? t('checkIn.title')}
        headingId={headingId}
        onDone={() => setAsking(false)}
        onClose={onClose}
      />
    );
  const flow = state ?? startCheckIn(mode === 'review' ? goalsForCheckIn(goals, owner) : goals, Date.now());
  const goal = currentGoal(flow);

  return (
    <section class="pp-check-in" aria-labelledby={headingId} data-testid="check-in">
      <h2 id={headingId}>{title ?? t('checkIn.title')}</h2>
      {owners.length > 0 && (
        <p class="pp-muted">
          {owner ? t('checkIn.ownerLine', { owner }) : t('checkIn.everyone')}{' '}
          <button type="button" class="pc-link" onClick={() => setAsking(true)}>
            {t('checkIn.changeOwner')}
          </button>
        </p>
      )}
      {flow.goals.length === 0 && <p>{t('checkIn.noGoals')}</p>}
      {goal && (
        <GoalStep
          key={goal.id}
          goal={goals.find((g) => g.id === goal.id) ?? null}
          rules={() => rulesOf(goal.id)}
          measure={measureOf === null ? undefined : (measureOf.get(goal.id) ?? { kind: 'none' })}
          step={flow.index + 1}
          total={flow.goals.length}
          moved={state !== null}
          previous={flow.entries[goal.id]}
          t={t}
          onBack={flow.index > 0 ? () => setState(back(flow)) : undefined}
          onSkip={() => setState(skip(flow))}
          onAnswer={async (a) => {
            const next = answer(flow, a);
            const record = checkInRecord(next, goal.id, Date.now(), settings.value.timeZone);
            if (record) await save(record);
            // The check-in is saved first: a value that fails to log leaves the answer kept, and says so.
            if (record && a.log && record.value !== undefined)
              await logTo(goal.id, { ...record, value: record.value }).catch((e: unknown) => {
                throw new LogFailed(e instanceof Error ? e.message : String(e));
              });
            setState(next);
          }}
        />
      )}
      {isFinished(flow) && flow.goals.length > 0 && <Summary state={flow} t={t} headingRef={summaryRef} />}
      <button type="button" onClick={onClose} data-testid="check-in-close">
        {t('action.close')}
      </button>
    </section>
  );
}

/**
 * Whose goals the walk goes through, asked once. It carries the walk's heading and a way out, so a
 * check-in opened by mistake closes from its first screen too.
 */
function WhoStep({
  owners,
  t,
  title,
  headingId,
  onDone,
  onClose,
}: {
  owners: string[];
  t: Translator;
  title: string;
  headingId: string;
  onDone: () => void;
  onClose: () => void;
}) {
  const [choice, setChoice] = useState(settings.value.ownerName);
  return (
    <form
      class="pp-check-in"
      aria-labelledby={headingId}
      onSubmit={async (e) => {
        e.preventDefault();
        await updateSettings({ ownerName: choice });
        onDone();
      }}
      data-testid="check-in-who"
    >
      <h2 id={headingId}>{title}</h2>
      <label for="ci-owner">{t('checkIn.whoAreYou')}</label>
      <select
        id="ci-owner"
        value={choice}
        onChange={(e) => setChoice(e.currentTarget.value)}
        data-testid="owner-select"
      >
        <option value="">{t('checkIn.everyone')}</option>
        {owners.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <div class="pp-row">
        <button type="submit" class="primary pp-grow">
          {t('action.next')}
        </button>
        <button type="button" onClick={onClose} data-testid="check-in-close">
          {t('action.close')}
        </button>
      </div>
    </form>
  );
}

interface StepProps {
  goal: GoalView | null;
  /** The unit and checks of the goal's value, once the goal records are read. */
  rules: () => Promise<CheckInValueRules>;
  /** What the step asks of the goal's value; undefined while the goal records load. */
  measure: CheckInMeasure | undefined;
  step: number;
  total: number;
  /** The walk has moved (next, skip, back): the new step takes focus so the keyboard follows. */
  moved: boolean;
  /** The answer given before "Back": shown again, not lost. */
  previous: CheckInEntry | undefined;
  t: Translator;
  onBack: (() => void) | undefined;
  onSkip: () => void;
  onAnswer: (a: {
    confidence: Confidence;
    value?: number;
    plans: string;
    progress: string;
    problems: string;
    /** Also log the value to the goal's KPI. */
    log: boolean;
  }) => Promise<void>;
}

function GoalStep({
  goal,
  rules,
  measure,
  step,
  total,
  moved,
  previous,
  t,
  onBack,
  onSkip,
  onAnswer,
}: StepProps) {
  const before = previous?.kind === 'answered' ? previous : null;
  // Nothing is chosen for the owner: a status ticked in advance was saved as their judgement when they
  // clicked Next ("On track" turned every empty goal green, "Off track" every overdue one red). Pacer's
  // own reading is shown beside the question, marked as Pacer's, for them to agree with or not.
  const [confidence, setConfidence] = useState<Confidence | null>(before?.confidence ?? null);
  const suggestion =
    goal && (CONFIDENCES as string[]).includes(goal.status) ? (goal.status as Confidence) : null;
  // Logging the value to the KPI is the default path where it is safe (checkInMeasure); the box says so.
  const [log, setLog] = useState(true);
  // A plain number in the UI's language: it reads back to the same value in any unit.
  const [value, setValue] = useState(() =>
    before?.value === undefined ? '' : formatExactValue(before.value, { kind: 'count' }, t.locale),
  );
  const [notes, setNotes] = useState({
    plans: before?.plans ?? '',
    progress: before?.progress ?? '',
    problems: before?.problems ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<{ question: string; values: number[]; unit: Unit } | null>(null);
  // A write that fails (a full disk) keeps the step and its answers, and says why: nothing is saved
  // and nothing moves on as if it had been.
  const [saveError, setSaveError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  // The button that moved the walk is gone with the previous step: focus the new goal's title.
  useEffect(() => {
    if (moved) headingRef.current?.focus();
  }, []);
  if (!goal) return null;
  const asksValue = measure !== undefined && measure.kind !== 'none';
  const kpi = measure?.kind === 'kpi' ? localizedName(measure.metric, t.locale) : null;
  // "— / —" says nothing: a goal with no figures shows its status and reason only.
  const figures = goal.value === '—' && goal.target === '—' ? null : `${goal.value} / ${goal.target}`;
  const say = (m: UiText) => ('key' in m ? t(m.key, m.params) : m.text[t.locale]);
  const send = async (v: number | undefined) => {
    setSaveError(null);
    if (confidence === null) return setError(t('checkIn.chooseConfidence'));
    try {
      const logs = log && measure?.kind === 'kpi' && measure.loggable;
      await onAnswer({ confidence, ...(v !== undefined ? { value: v } : {}), ...notes, log: logs });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      setSaveError(
        e instanceof LogFailed
          ? t('checkIn.logFailed', { kpi: kpi ?? '', reason })
          : t('toast.saveFailed', { reason }),
      );
    }
  };
  // Exactly the quick log's checks (lib/popup/quick-log.ts): an ambiguous "1.200" is asked about,
  // money on a non-money KPI or the wrong currency is refused with the reason.
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setChoices(null);
    if (confidence === null) return setError(t('checkIn.chooseConfidence'));
    if (!value.trim() || !asksValue) return send(undefined);
    const { unit, rules: checks } = await rules();
    const check = checkValue(value, t.locale, unit, checks);
    if (check.status === 'error') return setError(say(check.message));
    if (check.status === 'confirm') {
      return setChoices({
        question: check.question[t.locale],
        values: [check.value, ...check.alternatives],
        unit,
      });
    }
    await send(check.value);
  };
  return (
    <form onSubmit={submit} class="pp-step" data-testid="check-in-step">
      {total > 1 && (
        <p class="pp-muted" data-testid="ci-count">
          {t('checkIn.step', { n: step, total })}
        </p>
      )}
      <h3 ref={headingRef} tabIndex={-1}>
        {goal.title}
      </h3>
      <p class="pp-step-status" data-testid="ci-status">
        <StatusPill status={goal.status} label={goal.statusLabel} />
        {figures && ` ${figures}`}
        {goal.reason && ` · ${goal.reason}`}
      </p>
      <fieldset>
        <legend>{t('confidence.question')}</legend>
        {suggestion && (
          <p class="pp-muted" data-testid="ci-suggestion">
            {t('checkIn.suggestion', { status: t(`status.${suggestion}`) })}
          </p>
        )}
        {CONFIDENCES.map((c) => (
          <label key={c} class="pp-radio">
            <input
              type="radio"
              name="confidence"
              value={c}
              checked={confidence === c}
              onChange={() => setConfidence(c)}
              data-testid={`confidence-${c}`}
            />
            {t(`status.${c}`)}
          </label>
        ))}
      </fieldset>
      {asksValue && (
        <div class="pp-field">
          <label for="ci-value">{kpi ? t('checkIn.valueOfKpi', { kpi }) : t('checkIn.value')}</label>
          <input
            id="ci-value"
            type="text"
            inputMode="decimal"
            ref={valueRef}
            value={value}
            onInput={(e) => {
              setValue(e.currentTarget.value);
              setChoices(null);
            }}
            aria-invalid={error !== null}
            aria-describedby="ci-value-hint"
            data-testid="ci-value"
          />
          {measure.kind === 'kpi' && measure.loggable ? (
            <label class="pp-check" id="ci-value-hint" data-testid="ci-log">
              <input
                type="checkbox"
                checked={log}
                onChange={(e) => setLog(e.currentTarget.checked)}
                data-testid="ci-log-box"
              />
              {value.trim()
                ? t('checkIn.logValue', { value: value.trim(), kpi: kpi ?? '' })
                : t('checkIn.logThisValue', { kpi: kpi ?? '' })}
            </label>
          ) : (
            <p id="ci-value-hint" class="pp-muted" data-testid="ci-value-hint">
              {measure.kind !== 'kpi'
                ? t('checkIn.valueOwn')
                : measure.why === 'formula'
                  ? t('checkIn.valueFormula', { kpi: kpi ?? '' })
                  : t('checkIn.valueSummed', { kpi: kpi ?? '' })}
            </p>
          )}
        </div>
      )}
      {error && (
        <p class="pc-error" role="alert" data-testid="ci-value-error">
          {error}
        </p>
      )}
      {choices && (
        <div class="pp-confirm" role="alert" data-testid="ci-confirm">
          <p>{choices.question}</p>
          {choices.values.map((c, i) => (
            <button
              type="button"
              key={c}
              class={i === 0 ? 'primary' : undefined}
              onClick={() => void send(c)}
              data-testid={`ci-confirm-${i}`}
            >
              {t('popup.confirmValue', { value: formatExactValue(c, choices.unit, t.locale) })}
            </button>
          ))}
          <button
            type="button"
            onClick={() => {
              setChoices(null);
              valueRef.current?.focus();
            }}
            data-testid="ci-change"
          >
            {t('quickLog.change')}
          </button>
        </div>
      )}
      {NOTE_ORDER.map((k) => (
        <div class="pp-field" key={k}>
          <label for={`ci-${k}`}>{t(`checkIn.${k}`)}</label>
          <textarea
            id={`ci-${k}`}
            rows={2}
            placeholder={t(`checkIn.${k}.hint`)}
            value={notes[k]}
            onInput={(e) => setNotes({ ...notes, [k]: e.currentTarget.value })}
            data-testid={`ci-${k}`}
          />
        </div>
      ))}
      {saveError && (
        <p class="pc-error" role="alert" data-testid="ci-save-error">
          {saveError}
        </p>
      )}
      <div class="pp-row">
        {onBack && (
          <button type="button" onClick={onBack}>
            {t('action.back')}
          </button>
        )}
        <button type="button" onClick={onSkip} data-testid="ci-skip">
          {t('checkIn.skip')}
        </button>
        <button type="submit" class="primary" data-testid="ci-next">
          {t('action.next')}
        </button>
      </div>
    </form>
  );
}

function Summary({
  state,
  t,
  headingRef,
}: {
  state: CheckInState;
  t: Translator;
  headingRef: { current: HTMLHeadingElement | null };
}) {
  const s = summarize(state);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div class="pp-summary" role="status" data-testid="check-in-summary">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('checkIn.summary')}
      </h3>
      <p>{t('checkIn.summaryLine', { answered: s.answered, skipped: s.skipped })}</p>
      <ul>
        {s.items.map((i) => (
          <li key={i.goalId}>
            {i.title}: {i.confidence ? t(`status.${i.confidence}`) : t('checkIn.skipped')}
          </li>
        ))}
      </ul>
      {s.answered > 0 && <p>{t.plural('checkIn.saved', s.answered)}</p>}
      <p>{t('checkIn.done')}</p>
    </div>
  );
}
