import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type FieldErrors, problemsToErrors } from '../../../lib/app/goal-form';
import { pinGoalWays } from '../../../lib/app/metric-direction';
import { checkFormula } from '../../../lib/engine/formula';
import { localizedName } from '../../../lib/i18n/translate';
import { dealFedShape, inferredDealFed } from '../../../lib/overlay/revenue-goal';
import { Aggregation, DIMENSIONS, Direction, Metric, metricNamed, type Unit } from '../../../lib/schema';
import { describeIssues, ValidationError } from '../../../lib/storage/records';
import { ConflictError, repository, toggleArchived } from '../../../lib/storage/repository';
import { getDb, settings, tr } from '../../app/session';
import { showToast } from '../model';
import { ConflictBar } from './conflict-bar';
import {
  EditorHeader,
  FieldGroup,
  FormField,
  focusFirstField,
  focusFirstInvalid,
  newId,
  say,
} from './form-field';
import { FormulaField } from './formula-field';
import { DeleteKpiButton } from './kpi-delete';
import {
  draftDealFields,
  draftToCandidate,
  emptyMetricDraft,
  METRIC_PATHS,
  type MetricDraft,
  type MetricField,
  metricToDraft,
} from './metric-draft';
import { useRecords } from './use-records';

const UNIT_KINDS: Unit['kind'][] = ['count', 'currency', 'percent', 'ratio', 'duration'];
const PERS: MetricDraft['per'][] = ['minutes', 'hours', 'days'];
const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

export interface MetricFormProps {
  metricId?: string;
  onClose: () => void;
  /** Embedded in the goal form: called with the new metric instead of closing the dialog. */
  onSaved?: (metric: Metric) => void;
}

/** Create or edit a KPI: name, unit, direction, aggregation, dimensions and an optional formula. */
export function MetricForm({ metricId, onClose, onSaved }: MetricFormProps) {
  const t = tr.value;
  const s = settings.value;
  const { metrics, loaded } = useRecords();
  const existing = metricId ? metrics.find((m) => m.id === metricId) : undefined;
  const id = useMemo(() => metricId ?? newId('metric'), [metricId]);
  const [d, setDraft] = useState<MetricDraft>(() => emptyMetricDraft(s.currency));
  const set = (patch: Partial<MetricDraft>) => setDraft((x) => ({ ...x, ...patch }));
  const [errors, setErrors] = useState<FieldErrors<MetricField>>({});
  const formRef = useRef<HTMLFormElement>(null);
  // The version the draft was filled from: a save checks it is still the stored one.
  const base = useRef<number | undefined>(undefined);
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    if (!existing) return;
    base.current = existing.updatedAt;
    setDraft(metricToDraft(existing, s.locale, s.currency));
  }, [existing?.id]);
  useEffect(() => (onSaved && formRef.current ? focusFirstField(formRef.current) : undefined), []);

  // Checked while typing: syntax, unknown {ids}, and cycles through other formulas.
  const formulaError = useMemo(() => {
    const f = d.formula.trim();
    if (!f) return null;
    const problems = checkFormula(id, f, metrics);
    return problems.length ? problems.map((p) => p[t.locale]).join(' ') : null;
  }, [d.formula, metrics, t.locale]);

  if (loaded && metricId && !existing) return <p role="alert">{t('editor.notFound')}</p>;

  const save = async (e: Event) => {
    e.preventDefault();
    const now = Date.now();
    const candidate = draftToCandidate(d, { existing, id, now, locale: s.locale });
    const parsed = Metric.safeParse(candidate, { reportInput: true });
    const found: FieldErrors<MetricField> = parsed.success
      ? {}
      : problemsToErrors(describeIssues(parsed.error), METRIC_PATHS);
    if (formulaError) found.formula = { text: { en: formulaError, vi: formulaError } };
    // Two KPIs of one name cannot be told apart in the quick log: values go to the wrong one.
    const namesake = metricNamed([d.name], metrics, id);
    if (namesake && !found.name)
      found.name = { key: 'editor.metric.nameTaken', params: { name: localizedName(namesake, s.locale) } };
    if (!parsed.success || Object.keys(found).length) {
      setErrors(found);
      return focusFirstInvalid(formRef.current);
    }
    try {
      const db = await getDb();
      // Made neutral: its goals first get the way they had, or they would all read upwards.
      if (existing && existing.direction !== parsed.data.direction)
        await repository(db, 'goals').update((all) => pinGoalWays(all, existing, parsed.data.direction, now));
      await repository(db, 'metrics').put(parsed.data, { expectedUpdatedAt: base.current });
    } catch (err) {
      if (err instanceof ConflictError) return setConflict(true);
      setErrors(
        err instanceof ValidationError
          ? problemsToErrors(err.problems, METRIC_PATHS)
          : { form: { text: { en: String(err), vi: String(err) } } },
      );
      return focusFirstInvalid(formRef.current);
    }
    if (onSaved) return onSaved(parsed.data);
    onClose();
    showToast(t('editor.metric.saved', { name: parsed.data.name }));
  };

  const archive = async () => {
    if (!existing) return;
    await toggleArchived(await getDb(), 'metrics', existing);
    onClose();
    showToast(t(existing.archived ? 'toast.restored' : 'editor.metric.archived'));
  };

  const err = (f: MetricField) => say(t, errors[f]);
  const dealFields = draftDealFields(d, { existing, id, locale: s.locale });
  const wonDeals = d.wonDeals ?? inferredDealFed(dealFields);
  const options = (items: readonly string[], label: (x: string) => string) =>
    items.map((x) => (
      <option key={x} value={x}>
        {label(x)}
      </option>
    ));

  return (
    <form ref={formRef} class="pc-editor-form" onSubmit={save} noValidate data-testid="metric-form">
      <EditorHeader
        title={existing ? t('editor.metric.edit') : t('dashboard.newMetric')}
        t={t}
        onClose={onClose}
      />
      {conflict && existing && (
        <ConflictBar
          t={t}
          onReload={() => {
            base.current = existing.updatedAt;
            setDraft(metricToDraft(existing, s.locale, s.currency));
            setConflict(false);
          }}
          onOverwrite={() => {
            base.current = existing.updatedAt;
            setConflict(false);
            formRef.current?.requestSubmit();
          }}
        />
      )}
      {errors.form && (
        <p role="alert" class="pc-error">
          {say(t, errors.form)}
        </p>
      )}
      <div class="pc-form-grid">
        <FormField id="metric-name" label={t('editor.metric.name')} error={err('name')}>
          {(a) => (
            <input
              {...a}
              type="text"
              autoComplete="off"
              value={d.name}
              onInput={(e) => set({ name: value(e) })}
            />
          )}
        </FormField>
        <FormField id="metric-unit" label={t('field.unit')} error={err('unitKind')}>
          {(a) => (
            <select {...a} value={d.unitKind} onChange={(e) => set({ unitKind: value(e) as Unit['kind'] })}>
              {options(UNIT_KINDS, (k) => t(`unit.${k}` as 'unit.count'))}
            </select>
          )}
        </FormField>
        {d.unitKind === 'currency' && (
          <FormField
            id="metric-currency"
            label={t('field.currency')}
            error={err('currency')}
            hint={t('editor.currencyHint')}
          >
            {(a) => (
              <input
                {...a}
                type="text"
                maxLength={3}
                value={d.currency}
                onInput={(e) => set({ currency: value(e) })}
              />
            )}
          </FormField>
        )}
        {d.unitKind === 'duration' && (
          <FormField id="metric-per" label={t('editor.metric.durationUnit')} error={err('per')}>
            {(a) => (
              <select {...a} value={d.per} onChange={(e) => set({ per: value(e) as MetricDraft['per'] })}>
                {options(PERS, (p) => t(`unit.${p}` as 'unit.hours'))}
              </select>
            )}
          </FormField>
        )}
        <FormField id="metric-direction" label={t('field.direction')} error={err('direction')}>
          {(a) => (
            <select
              {...a}
              value={d.direction}
              onChange={(e) => set({ direction: value(e) as Metric['direction'] })}
            >
              {options(Direction.options, (x) => t(`direction.${x}` as 'direction.up'))}
            </select>
          )}
        </FormField>
        <FormField id="metric-aggregation" label={t('field.aggregation')} error={err('aggregation')}>
          {(a) => (
            <select
              {...a}
              value={d.aggregation}
              onChange={(e) => set({ aggregation: value(e) as Metric['aggregation'] })}
            >
              {options(Aggregation.options, (x) => t(`aggregation.${x}` as 'aggregation.sum'))}
            </select>
          )}
        </FormField>
        <FieldGroup legend={t('editor.metric.dimensions')} error={err('dimensions')}>
          {DIMENSIONS.map((dim) => (
            <label key={dim} class="pc-check">
              <input
                type="checkbox"
                checked={d.dimensions.includes(dim)}
                onChange={(e) =>
                  set({
                    dimensions: e.currentTarget.checked
                      ? [...d.dimensions, dim]
                      : d.dimensions.filter((x) => x !== dim),
                  })
                }
              />
              {t(`popup.dimension.${dim}`)}
            </label>
          ))}
        </FieldGroup>
        {d.unitKind === 'currency' && (
          <div class="pc-field" data-testid="metric-won-deals-field">
            <label class="pc-check">
              <input
                type="checkbox"
                name="wonDeals"
                checked={wonDeals}
                aria-describedby="metric-won-deals-hint"
                onChange={(e) => set({ wonDeals: e.currentTarget.checked })}
                data-testid="metric-won-deals"
              />
              {t('editor.metric.wonDeals')}
            </label>
            <p id="metric-won-deals-hint" class="pc-hint">
              {wonDeals && !dealFedShape(dealFields)
                ? t('editor.metric.wonDealsShape')
                : t('editor.metric.wonDealsHint')}
            </p>
            {err('wonDeals') && (
              <p class="pc-field-error" data-testid="error-metric-won-deals">
                {err('wonDeals')}
              </p>
            )}
          </div>
        )}
        <FormulaField
          formula={d.formula}
          onChange={(formula) => set({ formula })}
          error={formulaError ?? err('formula')}
          others={metrics.filter((m) => m.id !== id)}
          t={t}
        />
      </div>
      <footer class="pc-row pc-editor-actions">
        <button type="submit" class="primary" data-testid="metric-save">
          {t('action.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
        {existing && (
          <>
            <button type="button" onClick={archive}>
              {existing.archived ? t('action.unarchive') : t('action.archive')}
            </button>
            <DeleteKpiButton metric={existing} onDeleted={onClose} />
          </>
        )}
      </footer>
    </form>
  );
}
