import { browser } from '#imports';
import { mountPopup, popupView } from '../../components/popup/mount';
import type { PopupEnv } from '../../components/popup/popup-app';
import { readSummary } from '../../lib/app/summary-cache';
import { pageLocale } from '../../lib/i18n/detect-locale';
import { parseRecent, RECENT_KEY, type RecentStore } from '../../lib/popup/recent-metrics';

// Wiring: the quick log, storage and the engine, which replace the shell's cached goals. In the build
// this module is started by the shell (/popup-shell.js, entrypoints/popup-shell.tsx) once its first
// frame is out; see scripts/vite-first-paint-page.ts.
// `?metric=…&value=…` prefills the quick log (omnibox, context menu); `#check-in` opens the weekly
// check-in (a reminder opened in a tab).
const root = document.getElementById('app')!;
const locale = pageLocale(document);
const summary = readSummary(localStorage);
const cached = summary && summary.locale === locale ? summary.goals : null;

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

mountPopup(root, env, { cached, view: location.hash === '#check-in' ? 'check-in' : 'home', recentStore });
// A reminder clicked while the popup could be opened leaves the view to show in session storage.
void browser.storage.session.get('pacer:popupView').then(async (r) => {
  if (r['pacer:popupView'] === 'check-in') popupView.value = 'check-in';
  if (r['pacer:popupView'] !== undefined) await browser.storage.session.remove('pacer:popupView');
});
