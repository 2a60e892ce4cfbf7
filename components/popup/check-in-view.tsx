import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GoalView } from '../../lib/app/goal-view';
import { formatValue } from '../../lib/i18n/format';
import type { Translator } from '../../lib/i18n/translate';
import {
  answer,
  back,
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
import { checkInUnit } from '../../lib/popup/check-in-value';
import { checkValue, type UiText } from '../../lib/popup/quick-log';
import type { Confidence, Goal, Unit } from '../../lib/schema';
import { repository } from '../../lib/storage/repository';
import { getDb, settings, updateSettings } from '../app/session';
import { StatusPill } from '../widgets/status-pill';
import { metrics, saveCheckIn } from './popup-model';

const CONFIDENCES: Confidence[] = ['on_track', 'at_risk', 'off_track'];

/**
 * The weekly check-in: who (asked once, remembered in settings), then one goal at a time — value,
 * confidence, plans / progress / problems, or skip — then a closing summary. Each answer is saved
 * as soon as it is given: a popup closes the moment it loses focus.
 */
export function CheckInView({
  goals,
  t,
  onClose,
}: {
  goals: GoalView[];
  t: Translator;
  onClose: () => void;
}) {
  const owner = settings.value.ownerName;
  const owners = useMemo(() => ownersOf(goals), [goals]);
  const [asking, setAsking] = useState(owner === '' && owners.length > 0);
  const [state, setState] = useState<CheckInState | null>(null);
  // Goal records (the view models carry no KPI id): each value is checked in its goal's unit.
  const [stored, setStored] = useState<Goal[] | null>(null);
  useEffect(() => {
    void getDb()
      .then((db) => repository(db, 'goals').list())
      .then(setStored, () => setStored([]));
  }, []);

  if (asking) return <WhoStep owners={owners} t={t} onDone={() => setAsking(false)} />;
  const flow = state ?? startCheckIn(goalsForCheckIn(goals, owner), Date.now());
  const goal = currentGoal(flow);

  return (
    <section class="pp-check-in" aria-labelledby="ci-h" data-testid="check-in">
      <h2 id="ci-h">{t('checkIn.title')}</h2>
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
          unit={
            stored
              ? checkInUnit(
                  stored.find((g) => g.id === goal.id),
                  metrics.value,
                )
              : null
          }
          step={flow.index + 1}
          total={flow.goals.length}
          t={t}
          onBack={flow.index > 0 ? () => setState(back(flow)) : undefined}
          onSkip={() => setState(skip(flow))}
          onAnswer={async (a) => {
            const next = answer(flow, a);
            const record = checkInRecord(next, goal.id, Date.now());
            if (record) await saveCheckIn(record);
            setState(next);
          }}
        />
      )}
      {isFinished(flow) && flow.goals.length > 0 && <Summary state={flow} t={t} />}
      <button type="button" onClick={onClose} data-testid="check-in-close">
        {t('action.close')}
      </button>
    </section>
  );
}

function WhoStep({ owners, t, onDone }: { owners: string[]; t: Translator; onDone: () => void }) {
  const [choice, setChoice] = useState(settings.value.ownerName);
  return (
    <form
      class="pp-check-in"
      onSubmit={async (e) => {
        e.preventDefault();
        await updateSettings({ ownerName: choice });
        onDone();
      }}
      data-testid="check-in-who"
    >
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
      <button type="submit" class="primary">
        {t('action.next')}
      </button>
    </form>
  );
}

interface StepProps {
  goal: GoalView | null;
  /** Null while the goal records load: a value typed meanwhile waits for it. */
  unit: Unit | null;
  step: number;
  total: number;
  t: Translator;
  onBack: (() => void) | undefined;
  onSkip: () => void;
  onAnswer: (a: {
    confidence: Confidence;
    value?: number;
    plans: string;
    progress: string;
    problems: string;
  }) => Promise<void>;
}

function GoalStep({ goal, unit, step, total, t, onBack, onSkip, onAnswer }: StepProps) {
  const initial =
    goal && (CONFIDENCES as string[]).includes(goal.status) ? (goal.status as Confidence) : 'on_track';
  const [confidence, setConfidence] = useState<Confidence>(initial);
  const [value, setValue] = useState('');
  const [notes, setNotes] = useState({ plans: '', progress: '', problems: '' });
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<{ question: string; values: number[] } | null>(null);
  if (!goal) return null;
  const say = (m: UiText) => ('key' in m ? t(m.key, m.params) : m.text[t.locale]);
  // A write that fails (a full disk) keeps the step and its answers, and says why: nothing is saved
  // and nothing moves on as if it had been.
  const [saveError, setSaveError] = useState<string | null>(null);
  const send = async (v: number | undefined) => {
    setSaveError(null);
    try {
      await onAnswer({ confidence, ...(v !== undefined ? { value: v } : {}), ...notes });
    } catch (e) {
      setSaveError(t('toast.saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  // Exactly the quick log's checks (lib/popup/quick-log.ts): an ambiguous "1.200" is asked about,
  // money on a non-money KPI or the wrong currency is refused with the reason.
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setChoices(null);
    if (!value.trim()) return send(undefined);
    if (!unit) return;
    const check = checkValue(value, t.locale, unit);
    if (check.status === 'error') return setError(say(check.message));
    if (check.status === 'confirm')
      return setChoices({ question: check.question[t.locale], values: [check.value, ...check.alternatives] });
    await send(check.value);
  };
  return (
    <form onSubmit={submit} class="pp-step" data-testid="check-in-step">
      <p class="pp-muted">{t('checkIn.step', { n: step, total })}</p>
      <h3>{goal.title}</h3>
      <p>
        <StatusPill status={goal.status} label={goal.statusLabel} /> {goal.value} / {goal.target}
        {goal.reason && ` · ${goal.reason}`}
      </p>
      <fieldset>
        <legend>{t('confidence.question')}</legend>
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
      <label for="ci-value">{t('checkIn.value')}</label>
      <input
        id="ci-value"
        type="text"
        inputMode="decimal"
        value={value}
        onInput={(e) => {
          setValue(e.currentTarget.value);
          setChoices(null);
        }}
        aria-invalid={error !== null}
        data-testid="ci-value"
      />
      {error && (
        <p class="pc-error" role="alert" data-testid="ci-value-error">
          {error}
        </p>
      )}
      {choices && unit && (
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
              {t('popup.confirmValue', { value: formatValue(c, unit, t.locale) })}
            </button>
          ))}
        </div>
      )}
      {(['plans', 'progress', 'problems'] as const).map((k) => (
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

function Summary({ state, t }: { state: CheckInState; t: Translator }) {
  const s = summarize(state);
  return (
    <div class="pp-summary" role="status" data-testid="check-in-summary">
      <h3>{t('checkIn.summary')}</h3>
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
