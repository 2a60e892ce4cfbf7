import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CascadeMethod, CascadeNode } from '../../../lib/engine/cascade';
import { periodLabel, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { formatDate, formatValue } from '../../../lib/i18n/format';
import { localizedName } from '../../../lib/i18n/translate';
import type { Unit } from '../../../lib/schema';
import { repository } from '../../../lib/storage/repository';
import { readRollups } from '../../../lib/storage/rollup-store';
import { getDb, settings, tr } from '../../app/session';
import { showToast } from '../model';
import { isCascadable, milestoneGoals, planCascade, weightsFromLastYear } from './cascade-plan';
import { EditorHeader, FormField, newId } from './form-field';
import { useRecords } from './use-records';

const COUNT: Unit = { kind: 'count' };

/** Breaks a goal's target into quarterly and monthly milestone goals, linear or phased by last year. */
export function CascadeWizard({ goalId, onClose }: { goalId?: string; onClose: () => void }) {
  const t = tr.value;
  const s = settings.value;
  const { goals, metrics, loaded } = useRecords();
  const candidates = goals.filter(isCascadable);
  const [chosen, setChosen] = useState(goalId ?? '');
  const [method, setMethod] = useState<CascadeMethod>('linear');
  const [includeMonths, setIncludeMonths] = useState(true);
  const [owner, setOwner] = useState<string | null>(null);
  const [seasonal, setSeasonal] = useState<{ weights: number[]; year: number; hasData: boolean } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const goal = candidates.find((g) => g.id === chosen);
  const metric = metrics.find((m) => m.id === goal?.metricId);
  const unit = metric?.unit ?? COUNT;

  // Start from the goal's own trajectory; the user may switch.
  useEffect(() => {
    if (goal) setMethod(goal.trajectory === 'phased' ? 'phased' : 'linear');
  }, [goal?.id]);

  useEffect(() => {
    setSeasonal(null);
    if (method !== 'phased' || !goal || !metric) return;
    let alive = true;
    void getDb()
      .then(readRollups)
      .then((r) => alive && setSeasonal(weightsFromLastYear(r, goal, metric, s)));
    return () => {
      alive = false;
    };
  }, [method, goal?.id, metric?.id]);

  const weights = method === 'phased' ? seasonal?.weights : undefined;
  const plan = useMemo(
    () => (goal ? planCascade(goal, metric, s, method, weights) : null),
    [goal, metric, method, weights],
  );
  const label = (n: CascadeNode) =>
    n.granularity === 'quarter'
      ? periodLabel(n.start, 'quarter', s)
      : formatDate(startOfLocalDay(n.start, s.timeZone), s.locale, s.timeZone, 'monthYear');
  const fmt = (v: number) => formatValue(v, unit, s.locale);

  const create = async () => {
    if (!goal || !plan) return;
    const now = Date.now();
    const made = milestoneGoals(goal, plan.rows, plan.cumulative, {
      owner: owner ?? goal.owner ?? '',
      includeMonths,
      method,
      weights,
      now,
      timeZone: s.timeZone,
      newId: () => newId('goal'),
      label,
    });
    const repo = repository(await getDb(), 'goals');
    try {
      // The goal's own trajectory follows the phasing its milestones were cut with.
      const parent =
        method === 'phased' && weights
          ? [{ ...goal, trajectory: 'phased', seasonalWeights: weights, updatedAt: now }]
          : [];
      await repo.putMany([...made, ...parent]);
    } catch (e) {
      return setError(t('toast.saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
    onClose();
    const ids = made.map((g) => g.id);
    showToast(t.plural('cascade.created', made.length), async () => {
      await repo.softDelete(ids);
      if (method === 'phased') await repo.put(goal);
    });
  };

  return (
    <div class="pc-cascade" data-testid="cascade-wizard">
      <EditorHeader title={t('cascade.title')} t={t} onClose={onClose} />
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
      {loaded && candidates.length === 0 && <p>{t('cascade.noGoals')}</p>}
      <div class="pc-form-grid">
        <FormField id="cascade-goal" label={t('cascade.goal')} hint={t('cascade.goalHint')}>
          {(a) => (
            <select {...a} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
              <option value="">—</option>
              {candidates.map((g) => (
                <option key={g.id} value={g.id}>
                  {localizedName(g, s.locale)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset class="pc-fieldset">
          <legend>{t('cascade.method')}</legend>
          {(['linear', 'phased'] as const).map((m) => (
            <label key={m} class="pc-check">
              <input
                type="radio"
                name="cascade-method"
                checked={method === m}
                onChange={() => setMethod(m)}
              />
              {t(`editor.trajectory.${m}`)}
            </label>
          ))}
        </fieldset>
        <FormField id="cascade-owner" label={t('field.owner')}>
          {(a) => (
            <input
              {...a}
              type="text"
              value={owner ?? goal?.owner ?? ''}
              onInput={(e) => setOwner(e.currentTarget.value)}
            />
          )}
        </FormField>
        <label class="pc-check">
          <input
            type="checkbox"
            checked={includeMonths}
            onChange={(e) => setIncludeMonths(e.currentTarget.checked)}
          />
          {t('cascade.includeMonths')}
        </label>
      </div>
      {method === 'phased' && seasonal && (
        <p class="pc-muted" aria-live="polite">
          {seasonal.hasData
            ? t('cascade.phasedFrom', { year: String(seasonal.year) })
            : t('cascade.noHistory', { year: String(seasonal.year) })}
        </p>
      )}
      {plan && plan.rows.length > 0 && (
        <table class="pc-table" data-testid="cascade-preview">
          <caption>{t('cascade.preview')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cascade.period')}</th>
              <th scope="col" class="pc-num">
                {plan.cumulative ? t('field.target') : t('cascade.level')}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row) => [
              <tr key={`q-${row.node.start}`} class="pc-cascade-quarter">
                <th scope="row">{label(row.node)}</th>
                <td class="pc-num">{fmt(row.target)}</td>
              </tr>,
              ...(includeMonths
                ? row.months.map((m) => (
                    <tr key={`m-${m.node.start}`} class="pc-cascade-month">
                      <th scope="row">{label(m.node)}</th>
                      <td class="pc-num">{fmt(m.target)}</td>
                    </tr>
                  ))
                : []),
            ])}
          </tbody>
        </table>
      )}
      <footer class="pc-row pc-editor-actions">
        <button
          type="button"
          class="primary"
          disabled={!plan || plan.rows.length === 0}
          onClick={() => void create()}
          data-testid="cascade-create"
        >
          {t('cascade.create')}
        </button>
        <button type="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </footer>
    </div>
  );
}
