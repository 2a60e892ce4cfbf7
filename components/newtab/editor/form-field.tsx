import type { ComponentChildren, VNode } from 'preact';
import type { Translator } from '../../../lib/i18n/translate';
import type { UiText } from '../../../lib/popup/quick-log';

/** What a control needs to be tied to its label, hint and error for assistive technology. */
export interface FieldA11y {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

export interface FormFieldProps {
  id: string;
  label: string;
  error?: string | null;
  hint?: string | null;
  /** Renders the control with the props that wire it to the label, hint and error. */
  children: (a11y: FieldA11y) => VNode;
}

/** Label + control + hint + error message. The error is linked by aria-describedby and marks the control invalid. */
export function FormField({ id, label, error, hint, children }: FormFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`pc-field${error ? ' pc-field-invalid' : ''}`} data-field={id}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p id={hintId} class="pc-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="pc-field-error" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of checkboxes or radios under one legend. */
export function FieldGroup({
  legend,
  children,
  error,
}: {
  legend: string;
  children: ComponentChildren;
  error?: string | null;
}) {
  return (
    <fieldset class="pc-fieldset">
      <legend>{legend}</legend>
      <div class="pc-row">{children}</div>
      {error && <p class="pc-field-error">{error}</p>}
    </fieldset>
  );
}

/** A UI message (a string-table key, or parser/engine text in both languages) in the UI language. */
export function say(t: Translator, m: UiText | null | undefined): string | null {
  if (!m) return null;
  return 'key' in m ? t(m.key, m.params) : m.text[t.locale];
}

/** After a failed save: focus the first invalid control so its error is read out. */
export function focusFirstInvalid(root: HTMLElement | null) {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** A header with the dialog's title (the dialog is labelled by `editor-title`) and a close button. */
export function EditorHeader({ title, t, onClose }: { title: string; t: Translator; onClose: () => void }) {
  return (
    <header class="pc-dialog-head">
      <h2 id="editor-title">{title}</h2>
      <button type="button" onClick={onClose} aria-label={t('action.close')}>
        ✕
      </button>
    </header>
  );
}

/** A random id for new records: time-ordered prefix so ids sort roughly by creation. */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** `data-no-first-focus`: a filter above a list (the values list's month) is not where the user starts. */
const FIELD =
  'input:not([type="hidden"]):not([disabled]):not([data-no-first-focus]), select:not([disabled]), textarea:not([disabled])';

/**
 * Focuses the dialog's first field. Editors that load a record first render their fields a moment
 * later, so until a field exists a MutationObserver waits for it (no polling).
 */
export function focusFirstField(root: HTMLElement): () => void {
  const tryFocus = () => {
    const field = root.querySelector<HTMLElement>(FIELD);
    field?.focus();
    return Boolean(field);
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => {
    if (tryFocus()) observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
