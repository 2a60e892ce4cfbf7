/**
 * Everything the background does for CRM overlays, wired in one call from entrypoints/background.ts:
 *   const crm = installCrmBackground({ db, browser });
 *   handleMessage(message, { db, onHealth: crm.onHealth, overlayContext: crm.overlayContext })
 * It keeps the content-script registrations in step with Settings.enabledCrms and the granted hosts,
 * mirrors the enabled list into extension storage for content scripts, records health reports, and
 * recomputes the lead-derived KPIs once a CRM tab has stopped sending leads for a few seconds.
 */

import { ENABLED_KEY, MAPPINGS_KEY, parseEnabled } from '../overlay/stored';
import { onChange } from '../storage/changes';
import type { PacerDb } from '../storage/db';
import { loadSettings } from '../storage/settings';
import { createOverlayContextProvider } from './crm-context';
import { type HealthReport, recordHealth, type StorageLike } from './crm-health';
import { refreshLeadKpis } from './crm-kpis';
import { type RegistrationApi, syncCrmContentScripts } from './crm-registration';
import { createCrmStore } from './crm-store';
import type { CrmStoreAccess } from './handle-message';

type Listener<A extends unknown[]> = { addListener(fn: (...args: A) => void): void };

export interface CrmBrowser extends RegistrationApi {
  storage: {
    local: StorageLike;
    onChanged?: Listener<[Record<string, unknown>, string]>;
  };
  /** To tell open CRM tabs that their mappings or the enabled list changed (they cannot watch storage). */
  tabs?: {
    query(filter: Record<string, never>): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  permissions: RegistrationApi['permissions'] & {
    onAdded: Listener<[unknown]>;
    onRemoved: Listener<[unknown]>;
  };
}

export interface CrmBackground {
  onHealth(report: HealthReport): Promise<void>;
  overlayContext(leadIds: string[], goalId?: string): Promise<unknown>;
  /** The overlay's storage, read and written for CRM tabs (lib/background/crm-store.ts). */
  crmStore: CrmStoreAccess;
  /**
   * Settings.enabledCrms, cached until settings change. `fresh` reads them again (at most once a
   * second): a tab of a CRM enabled a moment ago may ask before the change event arrives.
   */
  enabledCrms(fresh?: boolean): Promise<readonly string[]>;
  /** Mirror Settings.enabledCrms and re-register content scripts (also runs on its own). */
  sync(): Promise<void>;
  /** Recompute the lead KPIs now (tests and the debug handle call it). */
  refreshKpis(): Promise<void>;
}

/**
 * Lead KPIs are recounted from every stored lead, so not on every sighting: once the CRM tab has been
 * quiet for a few seconds (a user scrolling a list sends a batch per screen), and at the latest half a
 * minute after the first unsaved change while it never is.
 */
const KPI_QUIET_MS = 4000;
const KPI_MAX_WAIT_MS = 30_000;

export function installCrmBackground(deps: {
  db: () => Promise<PacerDb>;
  browser: CrmBrowser;
  now?: () => number;
}): CrmBackground {
  const { db, browser } = deps;
  const now = deps.now ?? Date.now;
  const provider = createOverlayContextProvider(db, now);
  const log = (error: unknown) => console.error('[pacer] crm', error);

  let syncing: Promise<void> = Promise.resolve();
  const sync = () => {
    syncing = syncing
      .then(async () => {
        const { settings } = await loadSettings(await db());
        const stored = parseEnabled((await browser.storage.local.get(ENABLED_KEY))[ENABLED_KEY]);
        if (JSON.stringify(stored) !== JSON.stringify(settings.enabledCrms)) {
          await browser.storage.local.set({ [ENABLED_KEY]: settings.enabledCrms });
        }
        await syncCrmContentScripts(browser, settings.enabledCrms);
      })
      .catch(log);
    return syncing;
  };

  let kpiTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change not yet counted arrived (null: none pending). */
  let kpiPendingSince: number | null = null;
  let kpis: Promise<void> = Promise.resolve();
  const refreshKpis = () => {
    kpis = kpis
      .then(async () => {
        const d = await db();
        const { settings } = await loadSettings(d);
        await refreshLeadKpis(d, settings, now());
      })
      .catch(log);
    return kpis;
  };

  let enabled: Promise<readonly string[]> | null = null;
  let enabledReadAt = 0;
  const enabledCrms = (fresh = false) => {
    if (fresh && now() - enabledReadAt >= 1000) enabled = null;
    if (!enabled) {
      enabledReadAt = now();
      enabled = db()
        .then(async (d) => (await loadSettings(d)).settings.enabledCrms)
        .catch((error: unknown) => {
          enabled = null;
          throw error;
        });
    }
    return enabled;
  };

  onChange((event) => {
    provider.invalidate(event);
    if (event.stores.includes('settings')) {
      enabled = null;
      void sync();
    }
    // Settings too: money KPIs count in the settings' currency with the user's exchange rates.
    if (event.stores.includes('leads') || event.stores.includes('settings')) {
      if (kpiTimer) clearTimeout(kpiTimer);
      const at = Date.now();
      kpiPendingSince ??= at;
      const delay = Math.max(0, Math.min(KPI_QUIET_MS, kpiPendingSince + KPI_MAX_WAIT_MS - at));
      kpiTimer = setTimeout(() => {
        kpiTimer = null;
        kpiPendingSince = null;
        void refreshKpis();
      }, delay);
    }
  });
  // A content script restarts its overlay when told: storage is closed to it, so it cannot watch it.
  browser.storage.onChanged?.addListener((changes, area) => {
    if (area !== 'local' || !(ENABLED_KEY in changes || MAPPINGS_KEY in changes) || !browser.tabs) return;
    const tabs = browser.tabs;
    void tabs.query({}).then((all) => {
      for (const tab of all) {
        if (tab.id !== undefined)
          tabs.sendMessage(tab.id, { type: 'overlay/changed' }).catch(() => undefined);
      }
    }, log);
  });
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  void sync();

  return {
    onHealth: (report) => recordHealth(browser.storage.local, report, now()),
    overlayContext: (leadIds, goalId) => provider.overlayContext(leadIds, goalId),
    crmStore: createCrmStore(browser.storage.local),
    enabledCrms,
    sync,
    refreshKpis,
  };
}
