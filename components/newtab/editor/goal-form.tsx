import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  emptyGoalForm,
  type FieldErrors,
  formToGoal,
  GOAL_FIELD_PATHS,
  type GoalField,
  type GoalFormState,
  goalToForm,
  parentChoices,
  problemsToErrors,
} from '../../../lib/app/goal-form';
import type { Metric } from '../../../lib/schema';
import { ValidationError } from '../../../lib/storage/records';
import { ConflictError, repository, toggleArchived } from '../../../lib/storage/repository';
import { getDb, settings, tr } from '../../app/session';
import { DeleteGoalButton } from '../goal-delete';
import { openGoal, openGoalId, showToast } from '../model';
import { applyTeamShare, isTeamGoal, TeamShareToggle } from '../team-share-toggle';
import { ConflictBar } from './conflict-bar';
import { goalPrefill } from './draft';
import { EditorHeader, focusFirstInvalid, newId, say } from './form-field';
import { GoalFields } from './goal-fields';
import { MetricForm } from './metric-form';
import { SmartHints } from './smart-hints';
import { useDimensionChoices } from './use-dimension-choices';
import { useRecords } from './use-records';

/** Create or edit a goal; for an existing one also archive and delete (with undo). */
export function GoalForm({ goalId, onClose }: { goalId?: string; onClose: () => void }) {
  const t = tr.value;
  const s = settings.value;
  const { goals, metrics, loaded } = useRecords();
  const existing = goalId ? goals.find((g) => g.id === goalId) : undefined;
  const [form, setForm] = useState<GoalFormState | null>(null);
  const [errors, setErrors] = useState<FieldErrors<GoalField>>({});
  const [creatingMetric, setCreatingMetric] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const now = useMemo(() => Date.now(), []);
  // The version the form was filled from: a save checks it is still the stored one.
  const base = useRef<number | undefined>(undefined);
  const [conflict, setConflict] = useState(false);
  const [teamShare, setTeamShare] = useState<boolean | null>(null);

  // The form is filled once, when the goal (or the prefill for a new one) is known.
  useEffect(() => {
    if (form || !loaded) return;
    if (existing) {
      base.current = existing.updatedAt;
      setForm(goalToForm(existing, s.locale, s.timeZone, s.currency));
    } else {
      setForm({ ...emptyGoalForm({ currency: s.currency, owner: s.ownerName }), ...goalPrefill.value });
      goalPrefill.value = null;
    }
  }, [loaded, existing]);

  const metric: Metric | undefined = metrics.find((m) => m.id === form?.metricId);
  const dimensions = useDimensionChoices(metric, metrics, form?.dims);
  const ctx = { locale: s.locale, timeZone: s.timeZone, now, existing, newId: () => newId('goal') };

  if (loaded && goalId && !existing) {
    return (
      <>
        <EditorHeader title={t('editor.goal.edit')} t={t} onClose={onClose} />
        <p role="alert">{t('editor.notFound')}</p>
      </>
    );
  }
  if (!form) return <p class="pc-muted">{t('dashboard.loading')}</p>;

  const set = <K extends GoalField>(field: K, value: GoalFormState[K]) => {
    // Another metric: its channels and segments are not the last one's.
    setForm((f) =>
      f ? { ...f, [field]: value, ...(field === 'metricId' && value !== f.metricId ? { dims: {} } : {}) } : f,
    );
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const result = formToGoal(form, { ...ctx, now: Date.now(), metric });
    if (!result.ok) {
      setErrors(result.errors);
      return focusFirstInvalid(formRef.current);
    }
    setBusy(true);
    try {
      await repository(await getDb(), 'goals').put(result.goal, { expectedUpdatedAt: base.current });
    } catch (err) {
      if (err instanceof ConflictError) return setConflict(true);
      setErrors(
        err instanceof ValidationError
          ? problemsToErrors(err.problems, GOAL_FIELD_PATHS)
          : { form: { key: 'toast.saveFailed', params: { reason: String(err) } } },
      );
      return focusFirstInvalid(formRef.current);
    } finally {
      setBusy(false);
    }
    onClose();
    showToast(t('toast.goalSaved'));
    if (teamShare !== null) {
      applyTeamShare(result.goal.id, teamShare).catch((err: unknown) =>
        showToast(t('toast.saveFailed', { reason: err instanceof Error ? err.message : String(err) })),
      );
    }
  };

  const removed = (ids: string[]) => {
    onClose();
    if (openGoalId.value && ids.includes(openGoalId.value)) openGoal(null);
  };

  const archive = async () => {
    if (!existing) return;
    await toggleArchived(await getDb(), 'goals', existing);
    onClose();
    showToast(t(existing.archived ? 'toast.restored' : 'toast.goalArchived'));
  };

  if (creatingMetric) {
    return (
      <MetricForm
        onClose={() => setCreatingMetric(false)}
        onSaved={(m) => {
          set('metricId', m.id);
          setCreatingMetric(false);
          // Back in the goal form: focus returns to the metric picker that now shows the new KPI.
          requestAnimationFrame(() => document.getElementById('goal-metricId')?.focus());
        }}
      />
    );
  }

  return (
    <form ref={formRef} class="pc-editor-form" onSubmit={save} noValidate data-testid="goal-form">
      <EditorHeader title={existing ? t('editor.goal.edit') : t('editor.goal.new')} t={t} onClose={onClose} />
      {conflict && existing && (
        <ConflictBar
          t={t}
          onReload={() => {
            base.current = existing.updatedAt;
            setForm(goalToForm(existing, s.locale, s.timeZone, s.currency));
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
      <GoalFields
        form={form}
        set={set}
        errors={errors}
        t={t}
        parents={parentChoices(goals, existing?.id)}
        metrics={metrics}
        dimensions={dimensions}
        onNewMetric={() => setCreatingMetric(true)}
      />
      <TeamShareToggle
        goalId={existing?.id}
        checked={teamShare ?? isTeamGoal(existing?.id)}
        onChange={setTeamShare}
        t={t}
      />
      <SmartHints
        form={form}
        ctx={ctx}
        metric={metric}
        settings={s}
        t={t}
        everyone={teamShare ?? isTeamGoal(existing?.id)}
      />
      <footer class="pc-row pc-editor-actions">
        <button type="submit" class="primary" disabled={busy} data-testid="goal-save">
          {t('action.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('action.cancel')}
        </button>
        {existing && (
          <>
            <button type="button" onClick={archive} data-testid="goal-archive">
              {existing.archived ? t('action.unarchive') : t('action.archive')}
            </button>
            <DeleteGoalButton goalId={existing.id} testId="goal-delete" onDeleted={removed} />
          </>
        )}
      </footer>
    </form>
  );
}
