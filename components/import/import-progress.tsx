import { formatNumber } from '../../lib/i18n/format';
import { tr } from '../app/session';
import { cancel, phase, progress } from './import-model';

/** Progress of the check or the import, with a Cancel that rolls everything back. */
export function ImportProgress() {
  const t = tr.value;
  const p = phase.value;
  const { fraction, rows } = progress.value;
  const title =
    p === 'validating' ? t('csv.validating') : p === 'saving' ? t('csv.saving') : t('csv.importing');
  const percent = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div class="pi-step" data-testid="import-progress">
      <label class="pi-progress">
        <span>{title}</span>
        <progress max={100} value={p === 'saving' ? undefined : percent} />
      </label>
      <p aria-live="polite">
        {t('csv.progress', { percent: formatNumber(percent, t.locale), rows: formatNumber(rows, t.locale) })}
      </p>
      <button type="button" disabled={p === 'saving'} data-testid="import-cancel" onClick={cancel}>
        {t('action.cancel')}
      </button>
    </div>
  );
}
