import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/schema';
import { loadExampleData } from '../../lib/storage/example-data';
import { getDb, settings, tr, updateSettings } from '../app/session';
import { editing } from './model';

/** Each language named in itself, so a reader of either finds theirs (as the options page lists them). */
const LANGUAGES: readonly (readonly [Locale, string])[] = [
  ['en', 'English'],
  ['vi', 'Tiếng Việt'],
];

/**
 * The empty install's screen: the language first (the same setting as the options page's, applied at
 * once), then every way in: example data, a goal, a template, a spreadsheet; and Settings.
 */
export function FirstRun() {
  const t = tr.value;
  const current = settings.value.locale;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: Parameters<typeof updateSettings>[0]): Promise<boolean> => {
    setError(null);
    try {
      await updateSettings(patch);
      return true;
    } catch (e) {
      setError(String(e));
      return false;
    }
  };
  /** Leaves first run for the dashboard with one of its editors open. */
  const openEditor = async (kind: 'goal' | 'templates') => {
    if (await save({ onboarded: true })) editing.value = { kind };
  };
  return (
    <main class="pc-newtab pc-first-run">
      <div class="pc-first-run-head">
        <h1 class="pc-brand">{t('app.name')}</h1>
        <fieldset class="pc-row pc-first-run-lang">
          <legend class="pc-visually-hidden">{t('firstRun.language')}</legend>
          {LANGUAGES.map(([code, name]) => (
            <button
              key={code}
              type="button"
              lang={code}
              aria-pressed={current === code}
              data-testid={`first-run-lang-${code}`}
              onClick={() => current !== code && void save({ locale: code })}
            >
              {name}
            </button>
          ))}
        </fieldset>
      </div>
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
          onClick={() => void openEditor('goal')}
        >
          {t('firstRun.createFirstGoal')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="first-run-templates"
          onClick={() => void openEditor('templates')}
        >
          {t('firstRun.templates')}
        </button>
        <a class="pc-button" href="/import.html" data-testid="first-run-import">
          {t('firstRun.import')}
        </a>
      </div>
      <p class="pc-first-run-settings">
        <a href="/options.html" target="_blank" rel="noopener" data-testid="first-run-settings">
          {t('firstRun.settings')}
        </a>
      </p>
      {error && (
        <p role="alert" class="pc-error">
          {error}
        </p>
      )}
    </main>
  );
}
