import { useState } from 'preact/hooks';
import { loadExampleData } from '../../lib/storage/example-data';
import { getDb, tr, updateSettings } from '../app/session';
import { editing } from './model';

export function FirstRun() {
  const t = tr.value;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <main class="pc-newtab pc-first-run">
      <h1 class="pc-brand">{t('app.name')}</h1>
      <p>{t('firstRun.line1')}</p>
      <p>{t('firstRun.line2')}</p>
      <div class="pc-row">
        <button
          type="button"
          class="primary"
          disabled={busy}
          data-testid="first-run-example"
          onClick={async () => {
            setBusy(true);
            try {
              await loadExampleData(await getDb());
            } catch (e) {
              setError(String(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('firstRun.loadExample')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="first-run-create"
          onClick={async () => {
            await updateSettings({ onboarded: true });
            editing.value = { kind: 'goal' };
          }}
        >
          {t('firstRun.createFirstGoal')}
        </button>
      </div>
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
    </main>
  );
}
