import { createPortal } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { tr } from '../app/session';
import { toast } from './model';

/**
 * The element the toast belongs in: the topmost open modal dialog, else the page. A modal dialog sits
 * in the browser's top layer and makes everything outside it inert, so a toast left in the page was
 * drawn behind the goal detail and its Undo could not be clicked (after a cascade, for one).
 */
function toastParent(): HTMLElement {
  const modals = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')].filter((d) => {
    try {
      return d.matches(':modal');
    } catch {
      return true; // a browser without :modal: any open dialog is treated as modal
    }
  });
  return modals.at(-1) ?? document.body;
}

/** Follows dialogs opening and closing anywhere in the page. */
function useToastParent(active: boolean): HTMLElement | null {
  const [parent, setParent] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!active) return;
    const update = () =>
      setParent((old) => {
        const next = toastParent();
        return old === next ? old : next;
      });
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['open'],
    });
    return () => observer.disconnect();
  }, [active]);
  // Until the effect has run, the parent is read now: otherwise a toast's first frame is drawn in the
  // page, behind an open dialog, where neither the user nor a click can reach it.
  return active ? (parent ?? toastParent()) : null;
}

/** One toast at a time, announced politely, with Undo for ten seconds where the action allows it. */
export function ToastHost() {
  const t = tr.value;
  const current = toast.value;
  const parent = useToastParent(current !== null);
  const body = current && (
    <div class="pc-toast" data-testid="toast">
      <span>{current.message}</span>
      {current.undo && (
        <button
          type="button"
          data-testid="undo"
          onClick={async () => {
            const undo = current.undo!;
            toast.value = null;
            await undo();
          }}
        >
          {t('action.undo')}
        </button>
      )}
    </div>
  );
  return (
    <div class="pc-toast-host" role="status" aria-live="polite">
      {parent && parent !== document.body ? null : body}
      {parent && parent !== document.body && body
        ? createPortal(
            <div class="pc-toast-host" role="status" aria-live="polite">
              {body}
            </div>,
            parent,
          )
        : null}
    </div>
  );
}
