import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { computeGoalDetail, type GoalDetailData, GoalNotFoundError } from '../../lib/app/goal-detail-data';
import { appGoalChartLabels } from '../../lib/charts/goal-chart-labels';
import { type GoalChartPlan, goalChartPlan } from '../../lib/charts/goal-chart-series';
import { presetRange } from '../../lib/charts/series-data';
import { formatDate } from '../../lib/i18n/format';
import type { Translator } from '../../lib/i18n/translate';
import { onChange } from '../../lib/storage/changes';
import { repository, toggleArchived } from '../../lib/storage/repository';
import { getDb, settings, tr } from '../app/session';
import { formerTeams, watchTeam } from '../app/team-state';
import { KpiChart } from '../shared/kpi-chart';
import { GoalCard } from '../widgets/goal-card';
import { FormerTeamNote } from './former-team-note';
import { DeleteGoalButton } from './goal-delete';
import { GoalKeyResults } from './goal-key-results';
import { editing, openGoal, showToast } from './model';
import { cardLabels } from './shell';

type Preset = 'month' | 'quarter' | 'year' | 'all';

export function GoalDetail({ goalId, onClose }: { goalId: string; onClose: () => void }) {
  const t = tr.value;
  const dialog = useRef<HTMLDialogElement>(null);
  const [detail, setDetail] = useState<GoalDetailData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preset, setPreset] = useState<Preset>('all');

  useEffect(() => {
    const load = async () => {
      try {
        setDetail(await computeGoalDetail(await getDb(), goalId, settings.value, Date.now()));
      } catch (e) {
        // A link to a goal deleted since (or never there): said in the UI's words, not as an error.
        setError(e instanceof GoalNotFoundError ? tr.value('detail.notFound') : String(e));
      }
    };
    void load();
    const off = onChange(() => void load());
    // Opened from another goal's detail (a key result from its objective): read from the top.
    dialog.current?.scrollTo?.(0, 0);
    if (!dialog.current?.open) dialog.current?.showModal?.();
    return off;
  }, [goalId]);

  // Whose values the goal counts changes with the record of teams left ("Count only my values", its
  // Undo, leaving, joining again): read again then (the first read is the effect above's).
  watchTeam();
  const former = formerTeams.value;
  const seenFormer = useRef(former);
  useEffect(() => {
    if (seenFormer.current === former) return;
    seenFormer.current = former;
    void getDb()
      .then((db) => computeGoalDetail(db, goalId, settings.value, Date.now()))
      .then(setDetail, () => undefined);
  }, [former, goalId]);

  const chart = useMemo(() => {
    if (!detail?.chart) return null;
    const c = detail.chart;
    const xs = c.xs;
    if (xs.length === 0) return null;
    const [from, to] = presetRange(preset, Date.now(), [xs[0]! * 1000, xs[xs.length - 1]! * 1000]);
    const keep = xs.map((x) => x * 1000 >= from && x * 1000 <= to);
    const pick = <T,>(arr: T[]) => arr.filter((_, i) => keep[i]);
    return detailChart(c, pick, t);
  }, [detail, preset, t]);

  const archive = async () => {
    if (!detail) return;
    await toggleArchived(await getDb(), 'goals', detail.goal);
    showToast(t('toast.goalArchived'));
  };
  // Done by hand (a milestone without a metric has no other way to be done), with Undo.
  const toggleDone = async () => {
    if (!detail) return;
    const before = detail.goal;
    const done = !before.doneAt;
    await repository(await getDb(), 'goals').put({
      ...before,
      doneAt: done ? Date.now() : null,
      updatedAt: Date.now(),
    });
    showToast(t(done ? 'toast.goalDone' : 'toast.goalReopened'), async () => {
      await repository(await getDb(), 'goals').put({ ...before, updatedAt: Date.now() });
    });
  };
  const togglePin = async () => {
    if (!detail) return;
    await repository(await getDb(), 'goals').put({
      ...detail.goal,
      pinned: !detail.goal.pinned,
      updatedAt: Date.now(),
    });
  };

  return (
    <dialog
      ref={dialog}
      class="pc-dialog pc-detail"
      aria-labelledby="detail-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="goal-detail"
    >
      <header class="pc-dialog-head">
        <h2 id="detail-title">{detail?.view.title ?? t('detail.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('action.close')}>
          ✕
        </button>
      </header>
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
      {detail && (
        <>
          {/* What the goal is for, in the owner's words, before its numbers. */}
          {detail.description && (
            <p class="pc-detail-description" data-testid="goal-description">
              <span class="pc-visually-hidden">{t('detail.description')}: </span>
              {/* What the goal is for, in the owner's words, before its numbers. */}
              {detail.description}
            </p>
          )}
          <GoalCard goal={detail.view} labels={cardLabels(t)} />
          <FormerTeamNote goalId={goalId} />
          <div class="pc-row">
            <button
              type="button"
              data-testid="edit-goal"
              onClick={() => (editing.value = { kind: 'goal', id: goalId })}
            >
              {t('action.edit')}
            </button>
            {detail.goal.metricId && (
              <button
                type="button"
                data-testid="log-values"
                onClick={() => (editing.value = { kind: 'entry', id: detail.goal.metricId })}
              >
                {t('popup.quickLog')}
              </button>
            )}
            {detail.goal.metricId && (
              <button
                type="button"
                data-testid="goal-values"
                onClick={() => (editing.value = { kind: 'values', id: detail.goal.metricId })}
              >
                {t('kpiValues.open')}
              </button>
            )}
            {!detail.goal.archived && (
              <button
                type="button"
                aria-haspopup="dialog"
                data-testid="check-in-goal"
                onClick={() => (editing.value = { kind: 'review', id: goalId })}
              >
                {t('review.checkInGoal')}
              </button>
            )}
            <button type="button" onClick={() => (editing.value = { kind: 'cascade', id: goalId })}>
              {t('cascade.open')}
            </button>
            {/* A cap is not "done" while its window runs (lib/app/mark-done.ts). */}
            {!detail.goal.archived && detail.offersMarkDone && (
              <button type="button" data-testid="toggle-done" onClick={toggleDone}>
                {detail.goal.doneAt ? t('action.reopen') : t('action.markDone')}
              </button>
            )}
            <button type="button" onClick={togglePin}>
              {detail.goal.pinned ? t('action.unpin') : t('action.pin')}
            </button>
            <button type="button" onClick={archive}>
              {detail.goal.archived ? t('action.unarchive') : t('action.archive')}
            </button>
            <DeleteGoalButton goalId={goalId} testId="delete-goal" onDeleted={onClose} />
          </div>
          <GoalKeyResults
            rows={detail.keyResults}
            score={
              detail.view.kind === 'objective' && detail.view.okrScore != null ? detail.view.value : undefined
            }
            t={t}
            onOpen={openGoal}
          />
          {detail.smart.length > 0 ? (
            <section aria-label={t('detail.smart')} class="pc-smart">
              <h3>{t('detail.smart')}</h3>
              <ul>
                {detail.smart.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </section>
          ) : (
            <p class="pc-muted" data-testid="smart-ok">
              {detail.smartOk}
            </p>
          )}
          {chart && (
            <section>
              <fieldset class="pc-row pc-range">
                <legend class="pc-visually-hidden">{t('detail.title')}</legend>
                {(['month', 'quarter', 'year', 'all'] as const).map((p) => (
                  <button key={p} type="button" aria-pressed={preset === p} onClick={() => setPreset(p)}>
                    {t(`detail.range.${p}`)}
                  </button>
                ))}
              </fieldset>
              <KpiChart
                label={t('detail.chartLabel', { title: detail.view.title })}
                data={chart.data}
                band={chart.band}
                formatValue={detail.formatAxis}
                formatPoint={detail.formatPoint}
                locale={settings.value.locale}
                timeLabel={t('chart.time')}
                series={chart.series}
              />
            </section>
          )}
          <section>
            <h3>{t('detail.checkIns')}</h3>
            {detail.checkIns.length === 0 ? (
              <p class="pc-muted">{t('detail.noCheckIns')}</p>
            ) : (
              <ol class="pc-checkins">
                {detail.checkIns.map((c) => (
                  <li key={c.id} class={`pc-status-${c.confidence}`}>
                    <strong>
                      {formatDate(c.time, settings.value.locale, settings.value.timeZone, 'medium')}
                    </strong>{' '}
                    · {t(`status.${c.confidence}`)}
                    {c.value !== undefined && (
                      <span data-testid="check-in-value">
                        {' '}
                        · {t('checkIn.valueShown', { value: detail.formatExact(c.value) })}
                      </span>
                    )}
                    {c.progress && (
                      <p>
                        <em>{t('checkIn.progress')}:</em> {c.progress}
                      </p>
                    )}
                    {c.plans && (
                      <p>
                        <em>{t('checkIn.plans')}:</em> {c.plans}
                      </p>
                    )}
                    {c.problems && (
                      <p>
                        <em>{t('checkIn.problems')}:</em> {c.problems}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </dialog>
  );
}

/** The detail chart: the columns in the chosen range, drawn as lib/charts/goal-chart-series.ts says. */
function detailChart(
  c: NonNullable<GoalDetailData['chart']>,
  pick: <T>(arr: T[]) => T[],
  t: Translator,
): GoalChartPlan {
  return goalChartPlan(
    {
      ...(c.type ? { type: c.type } : {}),
      ...(c.rollingMonths ? { rollingMonths: c.rollingMonths } : {}),
      ...(c.planned ? { planned: true } : {}),
      ...(c.cap !== undefined ? { cap: c.cap } : {}),
      ...(c.unit ? { unit: c.unit } : {}),
      xs: pick(c.xs),
      actual: pick(c.actual),
      target: pick(c.target),
      low: pick(c.low),
      mid: pick(c.mid),
      high: pick(c.high),
      hit: pick(c.hit),
      perPeriod: pick(c.perPeriod),
    },
    appGoalChartLabels(t),
  );
}
