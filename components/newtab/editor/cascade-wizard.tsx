import { useEffect, useMemo, useState } from 'preact/hooks';
import { cascadePeriodLabel } from '../../../lib/app/cascade-label';
import { buildGoalView } from '../../../lib/app/goal-views';
import { rollingMonthsText, rollingValueText } from '../../../lib/app/rolling-figure-text';
import type { CascadeMethod } from '../../../lib/engine/cascade';
import type { GoalEvaluation } from '../../../lib/engine/evaluate-all';
import { goalDirection } from '../../../lib/engine/goal-type';
import { localDayKey, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { formatDate, formatNumber, formatValue } from '../../../lib/i18n/format';
import { createTranslator, localizedName } from '../../../lib/i18n/translate';
import { parseValue } from '../../../lib/parse/value-parse';
import type { Goal, Locale, Unit } from '../../../lib/schema';
import { type Creation, createRecords, undoCreation } from '../../../lib/storage/creation';
import { yourRollups } from '../../../lib/team/whose-values';
import { getDb, settings, tr } from '../../app/session';
import { showToast } from '../model';
import { isTeamGoal } from '../team-share-toggle';
import {
  type AnnualPath,
  type CascadeDepth,
  chooseRows,
  defaultMeaning,
  goalReadingFor,
  isCascadable,
  isSummed,
  levelBeforeStart,
  type MilestoneOptions,
  milestoneGoals,
  type PlanRow,
  planActuals,
  planCascade,
  rateBeforeStart,
  readingsOnCreation,
  type TargetMeaning,
  weightsFromLastYear,
  windowOpened,
  yearlyFigure,
} from './cascade-plan';
import { EditorHeader, FormField, newId } from './form-field';
import { useRecords } from './use-records';
import { useRollups } from './use-rollups';

const COUNT: Unit = { kind: 'count' };
const tFor = (locale: Locale) => createTranslator(locale);
const DEPTHS: CascadeDepth[] = ['year', 'quarter', 'month'];

/** A typed amount: the number, an error in the UI's language, or null for an empty field. */
function readAmount(text: string, locale: 'en' | 'vi'): { value: number | null; error?: string } {
  if (!text.trim()) return { value: null };
  const p = parseValue(text, locale);
  if (!p.ok) return { value: null, error: p.error[locale] };
  if (p.percent || p.value < 0)
    return { value: null, error: locale === 'vi' ? 'phải ≥ 0' : 'must be 0 or more' };
  return { value: p.value };
}

/** A typed level (conversion 12.5%, 1.2× ROAS, a negative margin): the number, or null if unreadable. */
function readLevel(text: string, locale: 'en' | 'vi'): number | null {
  const p = parseValue(text, locale);
  return p.ok ? p.value : null;
}

/**
 * Breaks a goal's target into yearly, quarterly and monthly milestones. Asks what the target means (a
 * rate per year or a total over the period), how deep to go, who owns each milestone and what budget
 * it gets; periods that already ended are only created when ticked (each would be overdue at once).
 */
export function CascadeWizard({ goalId, onClose }: { goalId?: string; onClose: () => void }) {
  const t = tr.value;
  const s = settings.value;
  const loc = s.locale;
  const { goals, metrics, loaded } = useRecords();
  const candidates = goals.filter(isCascadable);
  const [chosen, setChosen] = useState(goalId ?? '');
  const [method, setMethod] = useState<CascadeMethod>('linear');
  const [meaning, setMeaning] = useState<TargetMeaning | null>(null);
  const [annualPath, setAnnualPath] = useState<AnnualPath>('ramp');
  const [startRateText, setStartRateText] = useState<string | null>(null);
  const [depth, setDepth] = useState<CascadeDepth | null>(null);
  const [includeEnded, setIncludeEnded] = useState(false);
  const [includeOffTrack, setIncludeOffTrack] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  const [budgetText, setBudgetText] = useState<string | null>(null);
  const [rowBudget, setRowBudget] = useState<Record<string, string>>({});
  const [rowOwner, setRowOwner] = useState<Record<string, string>>({});
  const allRollups = useRollups();
  const [error, setError] = useState<string | null>(null);
  const goal = candidates.find((g) => g.id === chosen);
  // A team goal's plan reads everyone's values, any other only yours (lib/team/whose-values.ts).
  const everyone = isTeamGoal(goal?.id);
  const rollups = useMemo(
    () => (allRollups && !everyone ? yourRollups(allRollups) : allRollups),
    [allRollups, everyone],
  );
  const metric = metrics.find((m) => m.id === goal?.metricId);
  const unit = metric?.unit ?? COUNT;
  // A keep goal holds one line in every period: nothing to choose about what its target means.
  const summed = isSummed(metric) && goal?.goalType !== 'keep';
  const keep = goal?.goalType === 'keep';

  // A different goal starts from its own settings; the user may change any of them.
  useEffect(() => {
    if (goal) setMethod(goal.trajectory === 'phased' ? 'phased' : 'linear');
    setMeaning(null);
    setStartRateText(null);
    setIncludeOffTrack(false);
    setDepth(null);
    setBudgetText(null);
    setRowBudget({});
    setRowOwner({});
  }, [goal?.id]);

  const seasonal = useMemo(
    () =>
      method === 'phased' && goal && metric && rollups
        ? weightsFromLastYear(rollups, goal, metric, s, Date.now())
        : null,
    [method, goal, metric, rollups],
  );
  const now = useMemo(() => Date.now(), [goal?.id]);
  // The yearly figure when the window opened: the card's baseline (rolling-months.ts, one figure).
  const before = useMemo(
    () => (goal && rollups ? rateBeforeStart(rollups, goal, metric, s, now) : null),
    [goal, metric, rollups, now],
  );
  // Planned once the window has opened, the plan starts from where the business is today: its record
  // so far and the 12 complete months to last month (docs/figures.md § Milestone, cascade).
  const opened = goal ? windowOpened(goal, s, now) : false;
  const actuals = useMemo(
    () => (goal && rollups ? planActuals(rollups, goal, metric, s, now) : undefined),
    [goal, metric, rollups, now],
  );
  const todayFigure = useMemo(
    () => (goal && rollups ? yearlyFigure(rollups, goal, metric, s, now, 'today') : null),
    [goal, metric, rollups, now],
  );
  const measuredRate = opened && todayFigure ? todayFigure.value : (before?.rate ?? null);
  const currency = goal?.budget?.currency ?? (unit.kind === 'currency' ? unit.currency : s.currency);
  const money: Unit = { kind: 'currency', currency };
  const chosenMeaning = meaning ?? (goal ? defaultMeaning(goal, metric) : 'total');
  const levelAtStart = useMemo(
    () => (goal && rollups ? levelBeforeStart(rollups, goal, metric, s, Date.now()) : null),
    [goal, metric, rollups],
  );
  const startRate = startRateText === null ? measuredRate : readAmount(startRateText, loc).value;
  const startLevel = startRateText === null ? levelAtStart : readLevel(startRateText, loc);
  const budget = budgetText === null ? (goal?.budget?.amount ?? null) : readAmount(budgetText, loc);
  const budgetTotal = budget === null || typeof budget === 'number' ? budget : budget.value;
  const weights = method === 'phased' ? seasonal?.weights : undefined;
  const plan = useMemo(
    () =>
      goal
        ? planCascade(goal, metric, s, {
            meaning: chosenMeaning,
            method,
            weights,
            annualPath,
            startRate: startRate ?? 0,
            startLevel: startLevel ?? undefined,
            budget: budgetTotal,
            now,
            ...(actuals ? { actuals } : {}),
          })
        : null,
    [goal, metric, method, weights, chosenMeaning, annualPath, startRate, startLevel, budgetTotal, actuals],
  );
  const levels = plan?.levels ?? [];
  const chosenDepth: CascadeDepth =
    depth && levels.includes(depth)
      ? depth
      : levels.includes('year') && levels.includes('quarter')
        ? 'quarter'
        : (DEPTHS.filter((d) => levels.includes(d)).pop() ?? 'month');
  const shown = plan ? chooseRows(plan, chosenDepth, true) : [];
  const endedCount = shown.filter((r) => r.ended).length;

  const label = (r: PlanRow, locale: Locale = loc) =>
    cascadePeriodLabel(r.node.start, r.granularity, locale, s);
  /** A period's name inside a sentence: vi "năm 2027", "quý 4/2026" (its label starts a row: "Năm 2027"). */
  const inSentence = (r: PlanRow) => {
    const name = label(r);
    return loc === 'vi' ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
  };
  const fmt = (v: number) => formatValue(v, unit, loc, { compact: true });
  const day = (ms: number) => formatDate(ms, loc, s.timeZone, 'medium');
  const defaultOwner = owner ?? goal?.owner ?? '';
  /** "₫34.1B a year (Jul–Dec 2025 annualised)": the card's baseline, word for word. */
  const figureText = (fig: NonNullable<typeof todayFigure>) => ({
    value: rollingValueText(fig, fmt(fig.value), t),
    months: rollingMonthsText(fig, t),
  });
  const startRateHint = (): string | null => {
    if (!goal || startRateText !== null) return null;
    if (opened && todayFigure) {
      const months = rollingMonthsText(todayFigure, t);
      if (goal.baseline !== undefined)
        return t('cascade.startRate.todayBaseline', { months, baseline: fmt(goal.baseline) });
      if (before?.figure) {
        const b = figureText(before.figure);
        return t('cascade.startRate.todayFrom', {
          months,
          start: day(goal.startAt),
          baseline: b.value,
          baselineMonths: b.months,
        });
      }
      return t('cascade.startRate.todayData', { months });
    }
    if (goal.baseline !== undefined) return t('cascade.startRate.baseline');
    if (before?.figure) return t('cascade.startRate.data', { months: rollingMonthsText(before.figure, t) });
    return t('cascade.startRate.none', { start: day(goal.startAt) });
  };
  // The year under way, in words: what it has, the rate for its rest, and where the step-up goes.
  const runningYear =
    plan?.meaning === 'annual' && opened
      ? plan.rows.find((r) => r.granularity === 'year' && r.reach)
      : undefined;
  const laterYears = runningYear
    ? (plan?.rows.filter((r) => r.granularity === 'year' && r.node.start > runningYear.node.start) ?? [])
    : [];
  const restRate = annualPath === 'flat' || laterYears.length === 0 ? goal?.target : startRate;
  const budgetOf = (r: PlanRow): { value: number | null; error?: string } =>
    rowBudget[r.key] !== undefined ? readAmount(rowBudget[r.key] ?? '', loc) : { value: r.budget };
  const ownerOf = (r: PlanRow) => rowOwner[r.key] ?? defaultOwner;
  const budgetError =
    budget !== null && typeof budget === 'object' && budget.error
      ? t('cascade.badBudget', { period: t('cascade.budgetAll', { currency }), reason: budget.error })
      : null;

  // What a milestone must achieve, in either language: stored in the UI's, translated into the other.
  const describe = (r: PlanRow, locale: Locale = loc) => {
    const on = (ms: number) => formatDate(ms, locale, s.timeZone, 'medium');
    const params = {
      metric: metric ? localizedName(metric, locale) : localizedName(goal ?? { title: '' }, locale),
      target: formatValue(r.target, unit, locale, { compact: true }),
      start: on(startOfLocalDay(r.node.start, s.timeZone)),
      end: on(r.deadline),
    };
    // The goal's way, not the KPI's alone: a neutral KPI (ad spend) has none of its own.
    const down = goal ? goalDirection(goal, metric) === 'down' : metric?.direction === 'down';
    return tFor(locale)(
      plan?.meaning === 'level'
        ? down
          ? 'cascade.describe.level.down'
          : 'cascade.describe.level.up'
        : down
          ? 'cascade.describe.down'
          : 'cascade.describe.up',
      params,
    );
  };

  // Each row's milestone keeps one id from this check to its creation: its forecast is seeded by it, so
  // the reading checked here is the one its card will have.
  const ids = useMemo(() => new Map<string, string>(), [goal?.id]);
  const idOf = (r: PlanRow) => {
    let id = ids.get(r.key);
    if (!id) {
      id = newId('goal');
      ids.set(r.key, id);
    }
    return id;
  };
  const milestoneOptions = (at: number): MilestoneOptions => ({
    meaning: plan?.meaning ?? 'total',
    startLevel: startLevel ?? undefined,
    owner: ownerOf,
    budget: (r) => budgetOf(r).value,
    currency,
    method,
    weights,
    now: at,
    timeZone: s.timeZone,
    newId: () => newId('goal'),
    idOf,
    label,
    locale: loc,
    describe,
    amount: (r, locale) => formatValue(r.target, unit, locale, { compact: true }),
  });
  // Periods under way: how their cards would read the day they are made (the engine's reading). One
  // that would be off track at once is said, and left out unless ticked: no red goal on creation.
  const today = localDayKey(now, s.timeZone);
  const underWay = shown.filter((r) => !r.ended && r.node.start <= today);
  const underWayKey = underWay.map((r) => `${r.key}:${r.target}`).join('|');
  const onCreation = useMemo(() => {
    if (!goal || !plan || !rollups || !underWay.length || plan.meaning === 'level')
      return { made: [] as Goal[], readings: new Map<string, GoalEvaluation>() };
    const made = milestoneGoals(goal, underWay, milestoneOptions(now));
    return { made, readings: readingsOnCreation(goal, made, metric, rollups, s, now) };
  }, [goal?.id, underWayKey, rollups, method, weights]);
  const red = underWay.filter((r) => onCreation.readings.get(idOf(r))?.status === 'off_track');
  // Until the values are read, a period under way cannot be checked: Create waits, or a quick click
  // would make the red milestones the check is there to leave out.
  const checking = !rollups && underWay.length > 0 && plan?.meaning !== 'level';
  const toCreate = plan
    ? chooseRows(plan, chosenDepth, includeEnded, new Set(includeOffTrack ? [] : red.map((r) => r.key)))
    : [];
  const rowError = toCreate.map((r) => ({ r, e: budgetOf(r).error })).find((x) => x.e !== undefined);
  const firstAbove = underWay.find((r) => r.reach?.aboveRun);
  /** The card's reason for the first red row: "2% chance by Dec 31, 2026", as its card will say. */
  const redReason = (() => {
    const r = red[0];
    const g = r && onCreation.made.find((m) => m.id === idOf(r));
    const ev = g && onCreation.readings.get(g.id);
    if (!g || !ev) return '';
    const view = buildGoalView(g, ev, metric, [], { t, settings: s, now });
    return view.reason ?? view.statusLabel;
  })();

  const create = async () => {
    if (!goal || !plan || toCreate.length === 0 || checking) return;
    if (budgetError) return setError(budgetError);
    if (rowError)
      return setError(t('cascade.badBudget', { period: label(rowError.r), reason: rowError.e ?? '' }));
    const made = milestoneGoals(goal, toCreate, milestoneOptions(Date.now()));
    const db = await getDb();
    const stamp = Date.now();
    // The goal's own trajectory follows the phasing its milestones were cut with, and its reading the
    // meaning its target was given here (a total, or a rate per year).
    const reading = goalReadingFor(goal, metric, plan.meaning);
    const phased =
      method === 'phased' && weights ? { trajectory: 'phased' as const, seasonalWeights: weights } : null;
    const updated: Goal | null =
      phased || reading ? { ...goal, ...phased, ...reading, updatedAt: stamp } : null;
    if (updated && reading && reading.rollingMonths === undefined) delete updated.rollingMonths;
    let creation: Creation<'goals'>;
    try {
      creation = await createRecords(db, 'goals', made, updated ? [{ before: goal, after: updated }] : []);
    } catch (e) {
      return setError(t('toast.saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
    onClose();
    const created = t.plural('cascade.created', made.length);
    const said = reading
      ? `${created} · ${t(reading.goalType === 'total' ? 'cascade.goalNowTotal' : 'cascade.goalNowRate', { title: localizedName(goal, loc) })}`
      : created;
    // Undo removes the milestones for good (they were never the user's: not to "Recently deleted")
    // and puts the goal back as it was, in one transaction.
    showToast(said, async () => {
      await undoCreation(db, creation);
    });
  };

  const radio = <T extends string>(name: string, value: T, current: T, set: (v: T) => void, text: string) => (
    <label key={value} class="pc-check">
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => set(value)} />
      {text}
    </label>
  );
  const target = goal ? formatValue(goal.target, unit, loc, { compact: true }) : '';
  const span = goal ? { target, start: day(goal.startAt), end: day(goal.deadline) } : null;
  // Milestones the goal has already: new ones are added beside them, not in their place (a reviewer
  // found "2026: 43.6 billion" and a new "2026 · Reach 150 billion…" side by side in the timeline).
  const existing = goal
    ? goals.filter((g) => g.parentId === goal.id && g.goalType === 'milestone' && !g.archived)
    : [];

  return (
    <div class="pc-cascade" data-testid="cascade-wizard">
      <EditorHeader title={t('cascade.title')} t={t} onClose={onClose} />
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
      {loaded && candidates.length === 0 && <p>{t('cascade.noGoals')}</p>}
      <FormField id="cascade-goal" label={t('cascade.goal')} hint={t('cascade.goalHint')}>
        {(a) => (
          <select {...a} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            <option value="">—</option>
            {candidates.map((g) => (
              <option key={g.id} value={g.id}>
                {localizedName(g, loc)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {existing.length > 0 && (
        <p class="pc-muted" role="status" data-testid="cascade-existing">
          {t.plural('cascade.existing', existing.length, {
            names:
              existing
                .slice(0, 3)
                .map((g) => `“${localizedName(g, loc)}”`)
                .join(', ') + (existing.length > 3 ? ', …' : ''),
          })}
        </p>
      )}
      {goal && span && summed && (
        <fieldset class="pc-fieldset" data-testid="cascade-meaning">
          <legend>{t('cascade.meaning', { target })}</legend>
          {radio('cascade-meaning', 'annual', chosenMeaning, setMeaning, t('cascade.meaning.annual', span))}
          {radio('cascade-meaning', 'total', chosenMeaning, setMeaning, t('cascade.meaning.total', span))}
        </fieldset>
      )}
      {goal && span && !summed && (
        <p class="pc-muted">{t(keep ? 'cascade.meaning.keep' : 'cascade.meaning.level', span)}</p>
      )}
      {goal && plan?.meaning === 'level' && !keep && (
        <FormField
          id="cascade-start-level"
          label={t('cascade.startLevel')}
          error={
            startRateText !== null && readLevel(startRateText, loc) === null && startRateText.trim()
              ? t('cascade.startLevel.bad')
              : null
          }
          hint={
            startRateText !== null
              ? null
              : goal.baseline !== undefined
                ? t('cascade.startRate.baseline')
                : levelAtStart !== null
                  ? t('cascade.startLevel.data', { start: day(goal.startAt) })
                  : t('cascade.startLevel.none')
          }
        >
          {(a) => (
            <input
              {...a}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={startRateText ?? (levelAtStart !== null ? formatNumber(levelAtStart, loc) : '')}
              onInput={(e) => setStartRateText(e.currentTarget.value)}
            />
          )}
        </FormField>
      )}
      {goal && plan?.meaning === 'annual' && (
        <div class="pc-form-grid">
          <fieldset class="pc-fieldset">
            <legend>{t('cascade.path')}</legend>
            {radio('cascade-path', 'ramp', annualPath, setAnnualPath, t('cascade.path.ramp'))}
            {radio('cascade-path', 'flat', annualPath, setAnnualPath, t('cascade.path.flat', { target }))}
          </fieldset>
          {annualPath === 'ramp' && (
            <FormField
              id="cascade-start-rate"
              label={t(opened ? 'cascade.startRate.today' : 'cascade.startRate')}
              error={startRateText !== null ? (readAmount(startRateText, loc).error ?? null) : null}
              hint={startRateHint()}
            >
              {(a) => (
                <input
                  {...a}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={
                    startRateText ??
                    (measuredRate !== null ? formatNumber(Math.round(measuredRate), loc) : '')
                  }
                  onInput={(e) => setStartRateText(e.currentTarget.value)}
                />
              )}
            </FormField>
          )}
        </div>
      )}
      <div class="pc-form-grid">
        <fieldset class="pc-fieldset">
          <legend>{t('cascade.method')}</legend>
          {(['linear', 'phased'] as const).map((m) =>
            radio('cascade-method', m, method, setMethod, t(`editor.trajectory.${m}`)),
          )}
        </fieldset>
        <FormField id="cascade-depth" label={t('cascade.depth')}>
          {(a) => (
            <select
              {...a}
              value={chosenDepth}
              onChange={(e) => setDepth(e.currentTarget.value as CascadeDepth)}
            >
              {DEPTHS.filter((d) => levels.includes(d)).map((d) => (
                <option key={d} value={d}>
                  {t(`cascade.depth.${d}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="cascade-owner" label={t('cascade.ownerAll')} hint={t('cascade.ownerHint')}>
          {(a) => (
            <input
              {...a}
              type="text"
              autoComplete="off"
              value={defaultOwner}
              onInput={(e) => setOwner(e.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField
          id="cascade-budget"
          label={t('cascade.budgetAll', { currency })}
          hint={t('cascade.budgetHint')}
          error={budget !== null && typeof budget === 'object' ? (budget.error ?? null) : null}
        >
          {(a) => (
            <input
              {...a}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={budgetText ?? (goal?.budget ? formatNumber(goal.budget.amount, loc) : '')}
              onInput={(e) => {
                setBudgetText(e.currentTarget.value);
                setRowBudget({});
              }}
            />
          )}
        </FormField>
      </div>
      {endedCount > 0 && (
        <label class="pc-check">
          <input
            type="checkbox"
            data-testid="cascade-include-ended"
            checked={includeEnded}
            onChange={(e) => setIncludeEnded(e.currentTarget.checked)}
          />
          {t.plural('cascade.includeEnded', endedCount)}
        </label>
      )}
      {method === 'phased' && seasonal && (
        <p class="pc-muted" aria-live="polite">
          {seasonal.hasData
            ? seasonal.from && seasonal.to
              ? t('cascade.phasedFromLatest', {
                  year: String(seasonal.year),
                  from: cascadePeriodLabel(seasonal.from, 'month', loc, s),
                  to: cascadePeriodLabel(seasonal.to, 'month', loc, s),
                })
              : t('cascade.phasedFrom', { year: String(seasonal.year) })
            : t('cascade.noHistory', { year: String(seasonal.year) })}
        </p>
      )}
      {goal && runningYear?.reach && restRate !== undefined && restRate !== null && (
        <p class="pc-muted" data-testid="cascade-under-way">
          {t(
            runningYear.reach.aboveRun || fmt(runningYear.reach.run) === fmt(runningYear.target)
              ? 'cascade.underWay'
              : 'cascade.underWayRounded',
            {
              year: label(runningYear),
              soFar: fmt(runningYear.reach.soFar),
              rate: fmt(restRate),
              run: fmt(runningYear.reach.run),
              total: fmt(runningYear.target),
            },
          )}
          {annualPath === 'ramp' && laterYears.length > 0 && (
            <>
              {' '}
              {t(laterYears.length === 1 ? 'cascade.stepUp' : 'cascade.stepUpRange', {
                target,
                years:
                  laterYears.length === 1
                    ? inSentence(laterYears[0] as PlanRow)
                    : `${inSentence(laterYears[0] as PlanRow)}–${label(laterYears[laterYears.length - 1] as PlanRow).replace(/^\D+/, '')}`,
              })}
            </>
          )}
        </p>
      )}
      {firstAbove?.reach && actuals?.rate != null && (
        <p class="pc-muted" data-testid="cascade-above-run">
          {t('cascade.aboveRun', {
            rate: fmt(actuals.rate),
            period: inSentence(firstAbove),
            run: fmt(firstAbove.reach.run),
            target: fmt(firstAbove.target),
          })}
        </p>
      )}
      {red[0] && (
        <p class="pc-error" role="status" data-testid="cascade-off-track">
          {red.length === 1
            ? t('cascade.offTrackOnCreation', { period: label(red[0]), reason: redReason })
            : t.plural('cascade.offTrackOnCreationMore', red.length - 1, {
                period: label(red[0]),
                reason: redReason,
              })}
        </p>
      )}
      {red.length > 0 && (
        <label class="pc-check">
          <input
            type="checkbox"
            data-testid="cascade-include-off-track"
            checked={includeOffTrack}
            onChange={(e) => setIncludeOffTrack(e.currentTarget.checked)}
          />
          {t.plural('cascade.includeOffTrack', red.length)}
        </label>
      )}
      {plan?.meaning === 'annual' && goal && (
        <p class="pc-muted" data-testid="cascade-sum">
          {t('cascade.sumAnnual', { sum: fmt(plan.sum), target })}
        </p>
      )}
      {shown.length > 0 && (
        <table class="pc-table pc-cascade-table" data-testid="cascade-preview">
          <caption>{t('cascade.preview')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cascade.period')}</th>
              <th scope="col" class="pc-num">
                {plan?.meaning === 'level' ? t('cascade.level') : t('field.target')}
              </th>
              <th scope="col">{t('cascade.col.budget')}</th>
              <th scope="col">{t('cascade.col.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const short = red.some((x) => x.key === r.key);
              const off = (r.ended && !includeEnded) || (short && !includeOffTrack);
              const b = budgetOf(r);
              return (
                <tr
                  key={r.key}
                  class={`pc-cascade-${r.granularity}${off ? ' pc-cascade-ended' : ''}`}
                  data-key={r.key}
                  data-target={String(r.target)}
                  data-ended={r.ended ? 'true' : undefined}
                  data-off-track={short ? 'true' : undefined}
                >
                  <th scope="row">{label(r)}</th>
                  <td class="pc-num">{fmt(r.target)}</td>
                  {off ? (
                    <td colSpan={2} class="pc-muted">
                      {t(r.ended ? 'cascade.ended' : 'cascade.offTrack.row')}
                    </td>
                  ) : (
                    <>
                      <td>
                        <input
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          class="pc-cascade-budget"
                          aria-label={t('cascade.rowBudget', { period: label(r) })}
                          aria-invalid={b.error ? true : undefined}
                          title={b.error ?? (b.value !== null ? formatValue(b.value, money, loc) : '')}
                          value={
                            rowBudget[r.key] ??
                            (r.budget !== null ? formatNumber(Math.round(r.budget), loc) : '')
                          }
                          onInput={(e) => {
                            const v = e.currentTarget.value;
                            setRowBudget((x) => ({ ...x, [r.key]: v }));
                          }}
                        />
                      </td>
                      <td>
                        <input
                          type="text"
                          autoComplete="off"
                          class="pc-cascade-owner"
                          aria-label={t('cascade.rowOwner', { period: label(r) })}
                          value={ownerOf(r)}
                          onInput={(e) => {
                            const v = e.currentTarget.value;
                            setRowOwner((x) => ({ ...x, [r.key]: v }));
                          }}
                        />
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <footer class="pc-row pc-editor-actions">
        <button
          type="button"
          class="primary"
          disabled={toCreate.length === 0 || checking}
          onClick={() => void create()}
          data-testid="cascade-create"
        >
          {checking ? t('cascade.checking') : t.plural('cascade.createN', toCreate.length)}
        </button>
        <button type="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </footer>
    </div>
  );
}
