import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { CascadeWizard } from './editor/cascade-wizard';
import { DataEntry } from './editor/data-entry';
import './editor/editor.css';
import { focusFirstField } from './editor/form-field';
import { GoalForm } from './editor/goal-form';
import { KpiValues } from './editor/kpi-values';
import { MetricForm } from './editor/metric-form';
import { TemplatePicker } from './editor/template-picker';
import { editing } from './model';
import { WeeklyReview } from './weekly-review';

export function closeEditor() {
  editing.value = null;
}

/**
 * The new tab's one editor dialog: which editor shows follows `editing`. A modal <dialog> traps focus
 * and makes the page inert; Esc closes it; on close focus returns to whatever opened it.
 */
export function EditorHost() {
  const current = editing.value;
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = current !== null;

  // Layout effect: the opener is read before the dialog takes focus, and focus goes back in the same
  // commit that removes the dialog, not a frame later.
  useLayoutEffect(() => {
    if (!open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      // The opener may be gone (the first-run screen is replaced by the dashboard): fall back to "New goal".
      const back = opener.current?.isConnected
        ? opener.current
        : document.querySelector<HTMLElement>('[data-testid="new-goal"]');
      back?.focus();
    };
  }, [open]);

  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return;
    if (!d.open) d.showModal?.();
    return focusFirstField(d);
  }, [current?.kind, current?.id]);

  if (!current) return null;
  return (
    <dialog
      ref={dialog}
      class="pc-dialog pc-editor"
      aria-labelledby="editor-title"
      data-testid={`editor-${current.kind}`}
      onCancel={(e) => {
        e.preventDefault();
        closeEditor();
      }}
    >
      {current.kind === 'goal' && (
        <GoalForm key={current.id ?? 'new'} goalId={current.id} onClose={closeEditor} />
      )}
      {current.kind === 'metric' && (
        <MetricForm key={current.id ?? 'new'} metricId={current.id} onClose={closeEditor} />
      )}
      {current.kind === 'templates' && <TemplatePicker onClose={closeEditor} />}
      {current.kind === 'cascade' && <CascadeWizard goalId={current.id} onClose={closeEditor} />}
      {current.kind === 'entry' && (
        <DataEntry key={current.id ?? ''} metricId={current.id} onClose={closeEditor} />
      )}
      {current.kind === 'values' && (
        <KpiValues key={current.id ?? ''} metricId={current.id} onClose={closeEditor} />
      )}
      {current.kind === 'review' && (
        <WeeklyReview key={current.id ?? ''} goalId={current.id} onClose={closeEditor} />
      )}
    </dialog>
  );
}
