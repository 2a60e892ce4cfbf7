import { tr } from '../app/session';
import { toast } from './model';

/** One toast at a time, announced politely, with Undo for ten seconds where the action allows it. */
export function ToastHost() {
  const t = tr.value;
  const current = toast.value;
  return (
    <div class="pc-toast-host" role="status" aria-live="polite">
      {current && (
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
      )}
    </div>
  );
}
