import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { popupCandidates } from '../../lib/popup/top-goals';
import { DbFailure } from '../app/db-failure';
import { dbError, settings, tr } from '../app/session';
import { CheckInView } from './check-in-view';
import { GoalList, markPainted } from './goal-list';
import { goals, loadError, shownGoals } from './popup-model';
import { type Prefill, QuickLogForm } from './quick-log-form';

/** Which screen the popup shows; the entrypoint sets it from the URL or a notification click. */
export const popupView = signal<'home' | 'check-in'>('home');

export interface PopupEnv {
  /** Opens an extension page in a tab (the entrypoint passes browser.tabs; widgets never touch browser.*). */
  openPage: (path: string) => void;
  prefill: Prefill;
}

export function PopupApp({ env }: { env: PopupEnv }) {
  const view = popupView.value;
  const setView = (v: 'home' | 'check-in') => {
    popupView.value = v;
  };
  const t = tr.value;
  const list = shownGoals.value;
  useEffect(() => {
    if (list !== null) markPainted();
  }, [list]);

  // Without a database neither the list nor the quick log can work: the popup says why and offers the
  // old data as it is, like the new tab and options pages (issue 15, finding 9).
  if (dbError.value) {
    return (
      <main class="pp-popup">
        <header class="pp-head">
          <h1>{t('app.name')}</h1>
        </header>
        <DbFailure />
      </main>
    );
  }
  if (view === 'check-in' && goals.value) {
    return (
      <main class="pp-popup">
        <CheckInView goals={goals.value} t={t} onClose={() => setView('home')} />
      </main>
    );
  }
  return (
    <main class="pp-popup" aria-busy={list === null}>
      {/* The toolbar icon already says which extension this is: the name is for screen readers, and
          its line goes to the goals (three rows fit above the quick log in a 600 px popup). */}
      <h1 class="pc-visually-hidden">{t('app.name')}</h1>
      <GoalList
        goals={list}
        total={goals.value ? popupCandidates(goals.value) : 0}
        t={t}
        onOpen={(id) => env.openPage(`newtab.html#goal=${encodeURIComponent(id)}`)}
        action={
          <button type="button" class="pc-link" onClick={() => env.openPage('newtab.html')}>
            {t('popup.openDashboard')}
          </button>
        }
      />
      {loadError.value && (
        <p class="pc-error" role="alert">
          {loadError.value}
        </p>
      )}
      <QuickLogForm t={t} timeZone={settings.value.timeZone} prefill={env.prefill} />
      <button
        type="button"
        onClick={() => setView('check-in')}
        disabled={!goals.value}
        data-testid="start-check-in"
      >
        {t('popup.startCheckIn')}
      </button>
    </main>
  );
}
