import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { DbFailure } from '../app/db-failure';
import { dbError, settings, settingsLoaded, startSession, tr } from '../app/session';
import { Dashboard } from './dashboard';
import { FirstRun } from './first-run';
import { data, followGoalHash, goals } from './model';
import { startDashboardSync } from './sync';

function App() {
  useEffect(() => {
    void startSession().then(startDashboardSync);
  }, []);
  useEffect(() => followGoalHash(), []);
  const t = tr.value;
  const d = data.value;
  if (!settingsLoaded.value || !d) {
    return (
      <main class="pc-newtab" aria-busy="true">
        <header class="pc-topbar">
          <h1 class="pc-brand">{t('app.name')}</h1>
        </header>
        {dbError.value ? <DbFailure /> : <p class="pc-muted">{t('dashboard.loading')}</p>}
      </main>
    );
  }
  if (goals.value.length === 0 && d.metrics.length === 0 && !settings.value.onboarded) return <FirstRun />;
  return <Dashboard />;
}

export function mountApp(root: HTMLElement) {
  render(<App />, root);
}
