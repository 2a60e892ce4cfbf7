import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  emptyGoalForm,
  type FieldErrors,
  formToGoal,
  type GoalField,
  type GoalFormState,
  okrQuarters,
} from '../../../lib/app/goal-form';
import { periodLabel } from '../../../lib/engine/time-buckets';
import { localizedName } from '../../../lib/i18n/translate';
import type { Goal } from '../../../lib/schema';
import { createRecords, undoCreation } from '../../../lib/storage/creation';
import { getDb, settings, tr } from '../../app/session';
import { showToast } from '../model';
import { EditorHeader, FormField, focusFirstField, focusFirstInvalid, newId, say } from './form-field';
import { useRecords } from './use-records';

type Kr = Pick<GoalFormState, 'title' | 'metricId' | 'target' | 'okrType'>;
const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** The OKR-set template: an objective and three key results for the current quarter, pre-filled to edit. */
export function OkrSetForm({ onClose, onBack }: { onClose: () => void; onBack: () => void }) {
  const t = tr.value;
  const s = settings.value;
  const { metrics } = useRecords();
  const choices = useMemo(() => okrQuarters(Date.now(), s), []);
  const [which, setWhich] = useState(choices.preferred);
  const quarter = choices.quarters[which] ?? choices.quarters[0]!;
  const label = periodLabel(quarter.start, 'quarter', s);
  const defaultTitle = (l: string) => t('okrSet.objectiveDefault', { quarter: l });
  const [objective, setObjective] = useState(() => defaultTitle(label));
  const chooseQuarter = (i: number) => {
    const next = choices.quarters[i];
    if (!next) return;
    // The default title follows the quarter; a title the user wrote stays.
    if (objective === defaultTitle(label)) setObjective(defaultTitle(periodLabel(next.start, 'quarter', s)));
    setWhich(i);
  };
  const [owner, setOwner] = useState(s.ownerName);
  const [krs, setKrs] = useState<Kr[]>(() =>
    [1, 2, 3].map((n) => ({
      title: t('okrSet.krDefault', { n: String(n) }),
      metricId: '',
      target: '',
      okrType: 'committed',
    })),
  );
  const [errors, setErrors] = useState<FieldErrors<GoalField>[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => (formRef.current ? focusFirstField(formRef.current) : undefined), []);
  const setKr = (i: number, patch: Partial<Kr>) =>
    setKrs(krs.map((k, j) => (j === i ? { ...k, ...patch } : k)));

  const save = async (e: Event) => {
    e.preventDefault();
    const now = Date.now();
    const base = {
      ...emptyGoalForm({ currency: s.currency }),
      owner,
      start: quarter.start,
      deadline: quarter.deadline,
      frameworks: ['okr' as const],
    };
    const objectiveId = newId('goal');
    const ctx = { locale: s.locale, timeZone: s.timeZone, now, newId: () => objectiveId };
    const results = [
      formToGoal({ ...base, kind: 'objective', title: objective, trajectory: '' }, ctx),
      ...krs.map((kr) =>
        formToGoal(
          { ...base, ...kr, kind: 'key_result', parentId: objectiveId },
          { ...ctx, newId: () => newId('goal'), metric: metrics.find((m) => m.id === kr.metricId) },
        ),
      ),
    ];
    const goals: Goal[] = results.flatMap((r) => (r.ok ? [r.goal] : []));
    if (goals.length < results.length) {
      setErrors(results.map((r) => (r.ok ? {} : r.errors)));
      return focusFirstInvalid(formRef.current);
    }
    const db = await getDb();
    const creation = await createRecords(db, 'goals', goals);
    onClose();
    // Undo removes the set for good: it was never the user's, so it does not go to "Recently deleted".
    showToast(t('okrSet.created', { title: objective }), async () => {
      await undoCreation(db, creation);
    });
  };
  const err = (row: number, f: GoalField) => say(t, errors[row]?.[f]);
  // A key result on a neutral KPI that no sum or baseline gives a way: the set has no field to choose
  // one, so the KPI's field says where to (goal-form.ts, neutralWay).
  const neutralError = (i: number, metricId: string) => {
    const m = metrics.find((x) => x.id === metricId);
    return errors[i + 1]?.direction && m
      ? t('okrSet.neutralDirection', { metric: localizedName(m, t.locale) })
      : undefined;
  };

  return (
    <form ref={formRef} class="pc-editor-form" onSubmit={save} noValidate data-testid="okr-set-form">
      <EditorHeader title={t('okrSet.title')} t={t} onClose={onClose} />
      <div class="pc-form-grid">
        <FormField id="okr-quarter" label={t('okrSet.quarter')} hint={t('okrSet.window', { quarter: label })}>
          {(a) => (
            <select
              {...a}
              value={String(which)}
              data-testid="okr-set-quarter"
              onChange={(e) => chooseQuarter(Number(value(e)))}
            >
              {choices.quarters.map((q, i) => (
                <option key={q.start} value={String(i)}>
                  {t(i === 0 ? 'okrSet.thisQuarter' : 'okrSet.nextQuarter', {
                    quarter: periodLabel(q.start, 'quarter', s),
                  })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="okr-objective" label={t('goalKind.objective')} error={err(0, 'title')}>
          {(a) => <input {...a} type="text" value={objective} onInput={(e) => setObjective(value(e))} />}
        </FormField>
        <FormField id="okr-owner" label={t('field.owner')} error={err(0, 'owner')}>
          {(a) => <input {...a} type="text" value={owner} onInput={(e) => setOwner(value(e))} />}
        </FormField>
      </div>
      {krs.map((kr, i) => (
        <fieldset key={i} class="pc-fieldset pc-form-grid">
          <legend>{t('okrSet.krLegend', { n: String(i + 1) })}</legend>
          <FormField id={`okr-kr${i}-title`} label={t('field.title')} error={err(i + 1, 'title')}>
            {(a) => (
              <input {...a} type="text" value={kr.title} onInput={(e) => setKr(i, { title: value(e) })} />
            )}
          </FormField>
          <FormField
            id={`okr-kr${i}-metric`}
            label={t('field.metric')}
            error={err(i + 1, 'metricId') ?? neutralError(i, kr.metricId)}
          >
            {(a) => (
              <select {...a} value={kr.metricId} onChange={(e) => setKr(i, { metricId: value(e) })}>
                <option value="">—</option>
                {metrics.map((m) => (
                  <option key={m.id} value={m.id}>
                    {localizedName(m, t.locale)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={`okr-kr${i}-target`} label={t('field.target')} error={err(i + 1, 'target')}>
            {(a) => (
              <input
                {...a}
                type="text"
                inputMode="decimal"
                value={kr.target}
                onInput={(e) => setKr(i, { target: value(e) })}
              />
            )}
          </FormField>
          <FormField id={`okr-kr${i}-type`} label={t('field.okrType')}>
            {(a) => (
              <select
                {...a}
                value={kr.okrType}
                onChange={(e) => setKr(i, { okrType: value(e) as Kr['okrType'] })}
              >
                <option value="committed">{t('okrType.committed')}</option>
                <option value="stretch">{t('okrType.stretch')}</option>
              </select>
            )}
          </FormField>
        </fieldset>
      ))}
      <footer class="pc-row pc-editor-actions">
        <button type="submit" class="primary" data-testid="okr-set-save">
          {t('okrSet.create')}
        </button>
        <button type="button" onClick={onBack}>
          {t('action.back')}
        </button>
      </footer>
    </form>
  );
}
