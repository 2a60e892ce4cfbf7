import { render } from 'preact';
import { browser } from '#imports';
import '../../components/shared/theme.css';
import '../../components/widgets/widgets.css';
import '../../components/popup/popup.css';
import { markPainted, OWNER_CACHE_KEY } from '../../components/popup/goal-list';
import type { PopupEnv } from '../../components/popup/popup-app';
import { PopupShell } from '../../components/popup/popup-shell';
import { readSummary } from '../../lib/app/summary-cache';
import { createTranslator } from '../../lib/i18n/translate';
import { parseRecent, RECENT_KEY, type RecentStore } from '../../lib/popup/recent-metrics';
import { topGoals } from '../../lib/popup/top-goals';

// Wiring only. The popup paints the new tab's cached goal summary synchronously, then loads the quick
// log, storage and the engine. `?metric=…&value=…` prefills the quick log (omnibox, context menu);
// `#check-in` opens the weekly check-in (a reminder opened in a tab).
const root = document.getElementById('app')!;
const locale = document.documentElement.lang === 'vi' ? 'vi' : 'en';
const summary = readSummary(localStorage);
const cached = summary && summary.locale === locale ? summary.goals : null;
const owner = localStorage.getItem(OWNER_CACHE_KEY) ?? '';
render(<PopupShell goals={cached ? topGoals(cached, owner) : null} t={createTranslator(locale)} />, root);
if (cached) markPainted();

const params = new URLSearchParams(location.search);
const env: PopupEnv = {
  openPage: (path) => void browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/popup.html') }),
  prefill: {
    ...(params.get('metric') ? { metricId: params.get('metric') ?? '' } : {}),
    ...(params.get('value') ? { value: (params.get('value') ?? '').slice(0, 100) } : {}),
    fromSelection: params.get('from') === 'selection',
  },
};
const recentStore: RecentStore = {
  load: async () => parseRecent((await browser.storage.local.get(RECENT_KEY))[RECENT_KEY]),
  save: async (list) => {
    await browser.storage.local.set({ [RECENT_KEY]: list });
  },
};

void import('../../components/popup/mount').then(({ mountPopup, popupView }) => {
  mountPopup(root, env, { cached, view: location.hash === '#check-in' ? 'check-in' : 'home', recentStore });
  // A reminder clicked while the popup could be opened leaves the view to show in session storage.
  void browser.storage.session.get('pacer:popupView').then(async (r) => {
    if (r['pacer:popupView'] === 'check-in') popupView.value = 'check-in';
    if (r['pacer:popupView'] !== undefined) await browser.storage.session.remove('pacer:popupView');
  });
});
