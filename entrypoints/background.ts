import { browser, defineBackground } from '#imports';
import { computeDashboard } from '../lib/app/dashboard-data';
import { applyBadge } from '../lib/background/badge';
import { createLogSelectionMenu, pathForSelection } from '../lib/background/context-menu';
import { installCrmBackground } from '../lib/background/crm-install';
import { handleMessage, handleRuntimeMessage } from '../lib/background/handle-message';
import {
  handleNotificationClick,
  ICON_URL,
  type KeyValueStore,
  type NotificationsApi,
} from '../lib/background/notifications';
import { enter, type OmniboxDeps, suggest } from '../lib/background/omnibox';
import { notifyNewAlerts, runCheckInReminder, scheduleAlertsAlarm } from '../lib/background/reminders';
import { restrictToTrustedContexts } from '../lib/background/storage-access';
import { createTabLimiter } from '../lib/background/tab-limits';
import { installTeamBackground } from '../lib/background/team-install';
import { createTranslator } from '../lib/i18n/translate';
import { parseRecent, RECENT_KEY, touchRecent } from '../lib/popup/recent-metrics';
import { ALERTS_ALARM, CHECK_IN_ALARM } from '../lib/popup/reminder-schedule';
import { sameOwner } from '../lib/popup/top-goals';
import { onChange } from '../lib/storage/changes';
import { createConnection } from '../lib/storage/connection';
import type { PacerDb } from '../lib/storage/db';
import { requestPersistence } from '../lib/storage/persist';
import { repository } from '../lib/storage/repository';
import { loadSettings } from '../lib/storage/settings';

// Wiring only: the background opens the database lazily (a service worker can be stopped at any time)
// and hands every runtime message to lib/background, which parses it before anything is written.
// It also keeps the toolbar badge, the reminders, the omnibox and the context menu; their logic is
// in lib/background and lib/popup.
export default defineBackground(() => {
  // Recovery on open rolls back only ingests whose Web Lock is free (their context died).
  const db = createConnection();

  browser.runtime.onInstalled.addListener(() => {
    void requestPersistence();
    void withContext(({ t }) => createLogSelectionMenu(browser.contextMenus, t));
  });

  // CRM overlays: content scripts registered for the enabled CRMs only, health reports, badge context.
  const crm = installCrmBackground({ db, browser: browser as never });

  // Team sync (issue 21): PouchDB and the alarm live here; the options page drives it by message.
  const team = installTeamBackground({ db, browser: browser as never });

  // Content scripts ask the background for their storage (lib/background/crm-store.ts).
  void restrictToTrustedContexts(browser.storage.local as never).then((access) => {
    if (access === 'unsupported') console.info('[pacer] storage.local stays open to content scripts here');
  });

  // Every message is checked against its sender first (lib/background/sender-policy.ts).
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  const limiter = createTabLimiter();
  browser.tabs.onRemoved.addListener((tabId) => limiter.forget(tabId));
  const runtimeContext = {
    db,
    self,
    limiter,
    enabledCrms: crm.enabledCrms,
    onHealth: crm.onHealth,
    overlayContext: crm.overlayContext,
    crmStore: crm.crmStore,
    team,
  };
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleRuntimeMessage(message, sender, runtimeContext).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: String(error) }),
    );
    return true; // keeps the channel open for the async reply
  });

  const store: KeyValueStore = {
    get: async (key) => (await browser.storage.local.get(key))[key],
    set: (key, value) => browser.storage.local.set({ [key]: value }),
  };
  const notifications: NotificationsApi = {
    create: (id, options) => browser.notifications.create(id, options),
    clear: (id) => browser.notifications.clear(id),
  };
  const withContext = async <T>(
    fn: (c: {
      d: PacerDb;
      settings: Awaited<ReturnType<typeof loadSettings>>['settings'];
      t: ReturnType<typeof createTranslator>;
    }) => Promise<T>,
  ) => {
    const d = await db();
    const { settings } = await loadSettings(d);
    return fn({ d, settings, t: createTranslator(settings.locale) });
  };

  // Badge, alerts and reminders all read and write the "already notified" log: one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch((error: unknown) => console.error('[pacer]', error));
    return run;
  };

  const refresh = () =>
    serial(() =>
      withContext(async ({ d, settings, t }) => {
        const now = Date.now();
        const data = await computeDashboard(d, settings, now);
        const badge = await applyBadge(browser.action, data.goals, t);
        const notified = await notifyNewAlerts({ notifications, store, t }, data.alerts, settings, now);
        return { badge, notified };
      }),
    );

  const checkIn = () =>
    serial(() =>
      withContext(async ({ d, settings, t }) => {
        const mine = (await repository(d, 'goals').list()).filter(
          (g) =>
            !g.archived &&
            !g.doneAt &&
            g.kind !== 'milestone' &&
            (settings.ownerName === '' || sameOwner(g.owner, settings.ownerName)),
        );
        const ids = new Set(mine.map((g) => g.id));
        const times = (await repository(d, 'checkIns').list())
          .filter((c) => ids.has(c.goalId))
          .map((c) => c.time);
        const last = times.length ? Math.max(...times) : null;
        return runCheckInReminder(
          { alarms: browser.alarms, notifications, store, t },
          settings,
          Date.now(),
          last,
          mine.length,
        );
      }),
    );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_IN_ALARM) void checkIn();
    if (alarm.name === ALERTS_ALARM) void refresh();
  });

  const clickDeps = {
    clear: (id: string) => browser.notifications.clear(id),
    // The popup cannot be told where to start, so the view waits in session storage for it.
    openPopup: async (view: 'check-in' | 'home') => {
      await browser.storage.session.set({ 'pacer:popupView': view });
      try {
        await browser.action.openPopup();
      } catch (error) {
        await browser.storage.session.remove('pacer:popupView');
        throw error;
      }
    },
    openTab: (path: string) =>
      browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/popup.html') }),
  };
  browser.notifications.onClicked.addListener((id) => void handleNotificationClick(id, clickDeps));

  const omniboxDeps: OmniboxDeps = {
    metrics: async () => repository(await db(), 'metrics').list(),
    recent: async () => parseRecent(await store.get(RECENT_KEY)),
    t: () => withContext(async ({ t }) => t),
    save: async (metric, value, now) => {
      const reply = await handleMessage(
        { type: 'metric/log', metricId: metric.id, value, time: now },
        { db, now: () => now },
      );
      if (!reply.ok) throw new Error(reply.error);
      await store.set(RECENT_KEY, touchRecent(parseRecent(await store.get(RECENT_KEY)), metric.id, now));
    },
    openPath: async (path, disposition) => {
      const url = browser.runtime.getURL(`/${path}` as '/popup.html');
      if (disposition === 'currentTab') await browser.tabs.update({ url });
      else await browser.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
    },
    confirm: async (message) => {
      await browser.notifications.create(`pacer-saved-${Date.now()}`, {
        type: 'basic',
        iconUrl: ICON_URL,
        title: 'Pacer',
        message,
      });
    },
  };
  browser.omnibox.onInputChanged.addListener((text, suggestFn) => {
    void suggest(text, omniboxDeps).then((r) => {
      browser.omnibox.setDefaultSuggestion({ description: r.defaultDescription });
      suggestFn(r.suggestions);
    });
  });
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    void enter(text, disposition, omniboxDeps, Date.now()).catch((error: unknown) =>
      console.error('[pacer]', error),
    );
  });

  const onMenuClick = (info: { menuItemId: string | number; selectionText?: string }) =>
    withContext(async ({ t }) => {
      const path = pathForSelection(info.menuItemId, info.selectionText, t);
      if (path === null) {
        await notifications.create(`pacer-no-number-${Date.now()}`, {
          type: 'basic',
          iconUrl: ICON_URL,
          title: 'Pacer',
          message: t('contextMenu.noNumber'),
        });
        return null;
      }
      await browser.windows.create({
        url: browser.runtime.getURL(`/${path}` as '/popup.html'),
        type: 'popup',
        width: 400,
        height: 640,
      });
      return path;
    });
  browser.contextMenus.onClicked.addListener((info) => void onMenuClick(info));

  // Data written in any extension page arrives as a change event (BroadcastChannel): one recompute per burst.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let locale: string | null = null;
  onChange((e) => {
    if (e.stores.includes('settings')) {
      void checkIn();
      void withContext(async ({ t }) => {
        if (locale !== null && locale !== t.locale) await createLogSelectionMenu(browser.contextMenus, t);
        locale = t.locale;
      });
    }
    if (
      !e.stores.some((s) => ['goals', 'metrics', 'obsBlocks', 'rollups', 'checkIns', 'settings'].includes(s))
    )
      return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  });

  void scheduleAlertsAlarm(browser.alarms);
  void checkIn();
  void refresh();

  // For e2e tests and debugging from the worker's console (a page cannot reach this scope).
  Object.assign(globalThis, {
    pacerDebug: {
      refresh,
      checkIn,
      clickNotification: (id: string) => handleNotificationClick(id, clickDeps),
      omniboxSuggest: (text: string) => suggest(text, omniboxDeps),
      omniboxEnter: (text: string) => enter(text, 'newForegroundTab', omniboxDeps, Date.now()),
      menuClick: onMenuClick,
      team,
    },
  });
});
