import './goal-delete.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { tr } from '../app/session';

/**
 * The question before a delete (docs/data-safety.md): what goes, in words and numbers, the ways to
 * delete as `children`, and Cancel last, focused — the one safe answer, written once for every delete
 * that asks (a goal, a goal with sub-goals, a KPI with values or goals). Opened as a modal when it
 * mounts; Escape is Cancel.
 */
export function DeleteDialog({
  question,
  hint,
  testId,
  cancelTestId,
  row = false,
  onCancel,
  children,
}: {
  question: ComponentChildren;
  hint: ComponentChildren;
  /** The dialog's test id. */
  testId: string;
  cancelTestId: string;
  /** One way to delete: it and Cancel side by side. */
  row?: boolean;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const t = tr.value;
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
    return () => d?.close?.();
  }, []);
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      class="pc-dialog pc-goal-delete"
      aria-labelledby={`${id}-q`}
      aria-describedby={`${id}-hint`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-q`}>{question}</h2>
      <p id={`${id}-hint`} class="pc-muted">
        {hint}
      </p>
      <div class={row ? 'pc-goal-delete-choices pc-goal-delete-one' : 'pc-goal-delete-choices'}>
        {children}
        {/* biome-ignore lint/a11y/noAutofocus: the safe answer takes the focus in a question about deleting */}
        <button type="button" autoFocus data-testid={cancelTestId} onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </dialog>
  );
}
