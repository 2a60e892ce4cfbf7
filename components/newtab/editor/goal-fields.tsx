import { formIsBudgetCap } from '../../../lib/app/budget-form';
import { dimensionValueLabel } from '../../../lib/app/dimension-labels';
import {
  type FieldErrors,
  type GoalField,
  type GoalFormState,
  totalOrRateQuestion,
} from '../../../lib/app/goal-form';
import type { Translator } from '../../../lib/i18n/translate';
import { localizedName } from '../../../lib/i18n/translate';
import {
  type Dimension,
  type Framework,
  GOAL_TYPES,
  type Goal,
  GoalKind,
  type Metric,
  PERSPECTIVES,
} from '../../../lib/schema';
import { DayInput } from '../../shared/day-input';
import { isSummed } from './cascade-plan';
import { FieldGroup, FormField, say } from './form-field';

export interface GoalFieldsProps {
  form: GoalFormState;
  set: <K extends GoalField>(field: K, value: GoalFormState[K]) => void;
  errors: FieldErrors<GoalField>;
  t: Translator;
  /** Goals that may be the parent (the goal itself and its descendants already left out). */
  parents: readonly Goal[];
  metrics: readonly Metric[];
  /** The chosen metric's channels and segments, with the values its data holds. */
  dimensions?: readonly { dimension: Dimension; values: readonly string[] }[];
  onNewMetric: () => void;
}

const FRAMEWORKS: Framework[] = ['smart', 'okr', 'bsc', 'mbo'];
const text = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** Every field of a goal, grouped as What / How much / When / Who. */
export function GoalFields({
  form,
  set,
  errors,
  t,
  parents,
  metrics,
  dimensions = [],
  onNewMetric,
}: GoalFieldsProps) {
  const err = (f: GoalField) => say(t, errors[f]);
  const input = (
    field: GoalField,
    label: string,
    opts: { hint?: string; number?: boolean; type?: 'text' | 'date' } = {},
  ) => (
    <FormField id={`goal-${field}`} label={label} error={err(field)} hint={opts.hint}>
      {(a) =>
        opts.type === 'date' ? (
          <DayInput
            {...a}
            value={form[field] as string}
            locale={t.locale}
            label={label}
            onDay={(day) => set(field, day)}
          />
        ) : (
          <input
            {...a}
            type="text"
            inputMode={opts.number ? 'decimal' : undefined}
            autoComplete="off"
            value={form[field] as string}
            onInput={(e) => set(field, text(e))}
          />
        )
      }
    </FormField>
  );
  const select = (field: GoalField, label: string, options: [string, string][], hint?: string) => (
    <FormField id={`goal-${field}`} label={label} error={err(field)} hint={hint}>
      {(a) => (
        <select {...a} value={form[field] as string} onChange={(e) => set(field, text(e) as never)}>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  const none: [string, string] = ['', '—'];
  // An objective is scored by its key results: no metric, measure, baseline, target or trajectory of
  // its own to fill in (unless one was set before, which stays editable rather than hidden).
  const measured = !(form.kind === 'objective' && !form.metricId);
  const metric = metrics.find((m) => m.id === form.metricId);
  const ask = measured ? totalOrRateQuestion(form, metric) : null;
  const summed = metric !== undefined && isSummed(metric);
  // A total whose way is down is a budget: its target is "at most" (lib/app/budget-form.ts).
  const cap = measured && formIsBudgetCap(form, metric);
  const summedTotal = measured && formIsBudgetCap({ ...form, direction: 'down' }, metric);
  const capTotal = metric?.unit.kind === 'currency' ? 'goalType.cap.money' : 'goalType.cap.limit';

  return (
    <div class="pc-form-grid">
      {select(
        'kind',
        t('field.kind'),
        GoalKind.options.map((k) => [k, t(`goalKind.${k}`)]),
      )}
      {input('title', t('field.title'))}
      <FormField
        id="goal-description"
        label={t('field.description')}
        error={err('description')}
        hint={t('editor.goal.descriptionHint')}
      >
        {(a) => (
          <textarea {...a} rows={2} value={form.description} onInput={(e) => set('description', text(e))} />
        )}
      </FormField>
      <FieldGroup legend={t('editor.goal.frameworks')} error={err('frameworks')}>
        {FRAMEWORKS.map((f) => (
          <label key={f} class="pc-check">
            <input
              type="checkbox"
              checked={form.frameworks.includes(f)}
              onChange={(e) =>
                set(
                  'frameworks',
                  e.currentTarget.checked ? [...form.frameworks, f] : form.frameworks.filter((x) => x !== f),
                )
              }
            />
            {t(`framework.${f}`)}
          </label>
        ))}
      </FieldGroup>
      {form.frameworks.includes('bsc') &&
        select('perspective', t('field.perspective'), [
          none,
          ...PERSPECTIVES.map((p): [string, string] => [p, t(`perspective.${p}`)]),
        ])}
      {(form.kind === 'key_result' || form.frameworks.includes('okr')) &&
        select('okrType', t('field.okrType'), [
          none,
          ['committed', t('okrType.committed')],
          ['stretch', t('okrType.stretch')],
        ])}
      {select('parentId', t('field.parent'), [
        none,
        ...parents.map((g): [string, string] => [g.id, localizedName(g, t.locale)]),
      ])}
      {!measured && <p class="pc-hint pc-span-all">{t('editor.goal.objectiveHint')}</p>}
      {measured && (
        <div class="pc-field-with-action">
          {select('metricId', t('field.metric'), [
            none,
            ...metrics.map((m): [string, string] => [m.id, localizedName(m, t.locale)]),
          ])}
          <button type="button" data-testid="goal-new-metric" onClick={onNewMetric}>
            {t('dashboard.newMetric')}
          </button>
        </div>
      )}
      {measured &&
        dimensions.map(({ dimension, values }) => (
          <FormField
            key={dimension}
            id={`goal-dim-${dimension}`}
            label={t('editor.goal.dimension', { dimension: t(`popup.dimension.${dimension}`) })}
            error={say(t, errors.dims)}
          >
            {(a) => (
              <select
                {...a}
                value={form.dims[dimension] ?? ''}
                onChange={(e) => set('dims', { ...form.dims, [dimension]: text(e) })}
              >
                <option value="">{t('editor.goal.dimensionAll')}</option>
                {values.map((v) => (
                  <option key={v} value={v}>
                    {dimensionValueLabel(v, t)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ))}
      {measured &&
        select(
          'goalType',
          t('goalType.question'),
          [
            ['', t('goalType.auto')],
            // A cap is no total to reach: "Stay within a total (budget)" beside "Target: at most".
            ...GOAL_TYPES.map((k): [string, string] => [
              k,
              k === 'total' && cap ? t(capTotal) : t(`goalType.${k}`),
            ]),
          ],
          // Short names in the list (a long one was cut off in the closed select), what each means below.
          t(
            form.goalType === 'total' && cap
              ? 'goalType.cap.hint'
              : form.goalType
                ? `goalType.${form.goalType}.hint`
                : 'goalType.auto.hint',
          ),
        )}
      {ask && (
        <div class="pc-span-all" data-testid="goal-total-or-rate">
          <FieldGroup legend={t('goalType.ask', ask)}>
            <label class="pc-check">
              <input type="radio" name="goal-total-or-rate" onChange={() => set('goalType', 'total')} />
              {t('goalType.ask.total', ask)}
            </label>
            <label class="pc-check">
              <input
                type="radio"
                name="goal-total-or-rate"
                onChange={() => {
                  set('goalType', 'level');
                  set('rollingMonths', '12');
                }}
              />
              {t('goalType.ask.rate')}
            </label>
          </FieldGroup>
        </div>
      )}
      {form.goalType === 'keep' &&
        select('keepSide', t('goalType.keepSide'), [
          ['', '—'],
          ['at_least', t('goalType.keepSide.at_least')],
          ['at_most', t('goalType.keepSide.at_most')],
        ])}
      {/* A neutral KPI (ad spend) has no better side: a goal on it says which way it moves it. */}
      {measured &&
        metric?.direction === 'neutral' &&
        form.goalType !== 'keep' &&
        form.goalType !== 'objective' &&
        !(form.kind === 'objective' && form.goalType === '') &&
        select(
          'direction',
          t('editor.goal.direction'),
          [
            ['', t('editor.goal.direction.auto')],
            ['up', t('editor.goal.direction.up')],
            // A total taken down is a budget cap, at most the target (lib/app/budget-form.ts).
            ['down', t(summedTotal ? 'editor.goal.direction.capDown' : 'editor.goal.direction.down')],
          ],
          t('editor.goal.direction.hint', { metric: localizedName(metric, t.locale) }),
        )}
      {/* A rolling window sums a metric's months: nothing to sum on a latest-value or derived KPI. */}
      {form.goalType === 'level' &&
        (summed || form.rollingMonths.trim() !== '') &&
        input('rollingMonths', t('goalType.rollingMonths'), { number: true })}
      {measured && input('baseline', t('field.baseline'), { number: true })}
      {measured &&
        input('target', cap ? t('editor.goal.cap') : t('field.target'), {
          number: true,
          hint: cap ? t('editor.goal.cap.hint') : t('popup.valuePlaceholder'),
        })}
      {input('start', t('field.start'), { type: 'date' })}
      {input('deadline', t('field.deadline'), { type: 'date' })}
      {measured &&
        form.goalType !== 'keep' &&
        select('trajectory', t('editor.goal.trajectory'), [
          // Unset is linear (a goal saved before the question, the example's): not a blank select.
          [form.trajectory === '' ? '' : 'linear', t('editor.trajectory.linear')],
          ['phased', t('editor.trajectory.phased')],
        ])}
      {/* A goal's own resources, named apart from a cap's target just above: two "budgets" read as one. */}
      {input('budgetAmount', cap ? t('editor.goal.capResources') : t('field.budget'), {
        number: true,
        ...(cap ? { hint: t('editor.goal.capResources.hint') } : {}),
      })}
      {input('budgetCurrency', t('field.currency'), { hint: t('editor.currencyHint') })}
      {input('spent', cap ? t('editor.goal.capResourcesSpent') : t('field.spent'), { number: true })}
      {input('owner', t('field.owner'))}
      {input('weight', t('field.weight'), { number: true, hint: t('editor.goal.weightHint') })}
      {select('confidence', t('confidence.label'), [
        none,
        ['on_track', t('status.on_track')],
        ['at_risk', t('status.at_risk')],
        ['off_track', t('status.off_track')],
      ])}
      <label class="pc-check">
        <input
          type="checkbox"
          id="goal-pinned"
          checked={form.pinned}
          onChange={(e) => set('pinned', e.currentTarget.checked)}
        />
        {t('action.pin')}
      </label>
    </div>
  );
}
