import { useEffect, useRef } from 'preact/hooks';
import { tr } from '../app/session';
import { outcome, startOver } from './import-model';

/** How the import ended: counts when it landed, or a sentence saying nothing changed. */
export function ImportSummary() {
  const t = tr.value;
  const o = outcome.value;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [o]);
  if (!o) return null;
  return (
    <div class="pi-step" role="status" data-testid="import-summary" data-status={o.status}>
      <h3 tabIndex={-1} ref={heading}>
        {o.status === 'imported'
          ? t('csv.done')
          : o.status === 'cancelled'
            ? t('csv.cancelled')
            : t('csv.report')}
      </h3>
      {o.status === 'imported' && (
        <ul>
          <li data-testid="import-added">{t('csv.added', { count: o.added })}</li>
          <li data-testid="import-replaced">
            {t('csv.replaced', { count: o.replaced - (o.unchanged ?? 0) })}
          </li>
          {(o.unchanged ?? 0) > 0 && (
            <li data-testid="import-unchanged">{t('csv.unchanged', { count: o.unchanged ?? 0 })}</li>
          )}
          {(o.removed ?? 0) > 0 && (
            <li data-testid="import-removed">{t('csv.removed', { count: o.removed ?? 0 })}</li>
          )}
          {(o.held ?? 0) > 0 && <li data-testid="import-held">{t('csv.held', { count: o.held ?? 0 })}</li>}
          <li data-testid="import-skipped">{t('csv.skipped', { count: o.skipped })}</li>
          {o.duplicates > 0 && <li>{t('csv.duplicates', { count: o.duplicates })}</li>}
        </ul>
      )}
      {o.status === 'too-large' && <p class="pc-error">{t('csv.tooLarge', { limit: o.limit })}</p>}
      <button type="button" class="primary" data-testid="import-another" onClick={startOver}>
        {t('csv.another')}
      </button>
    </div>
  );
}
