import type { Translator } from '../../../lib/i18n/translate';

/**
 * Shown when a save found the record changed elsewhere since the form was filled (issue 15, finding 6):
 * the user chooses between taking the other version and writing theirs over it — never a silent loss.
 */
export function ConflictBar({
  t,
  onReload,
  onOverwrite,
}: {
  t: Translator;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  return (
    <div role="alert" class="pc-error pc-conflict" data-testid="edit-conflict">
      <p>{t('safety.conflict.title')}</p>
      <div class="pc-row">
        <button type="button" onClick={onReload} data-testid="conflict-reload">
          {t('safety.conflict.reload')}
        </button>
        <button type="button" onClick={onOverwrite} data-testid="conflict-overwrite">
          {t('safety.conflict.overwrite')}
        </button>
      </div>
    </div>
  );
}
