/**
 * The options page's CRM calls into the browser, in one place: permission requests, the storage the
 * content scripts read, and the content-script registrations (lib/background/crm-registration.ts).
 */
import { browser } from '#imports';
import { syncCrmContentScripts } from '../../lib/background/crm-registration';
import type { CrmMapping } from '../../lib/crm/mapping';
import {
  ENABLED_KEY,
  HEALTH_KEY,
  type HealthRecord,
  MAPPINGS_KEY,
  parseHealth,
  parseMappings,
} from '../../lib/overlay/stored';

/**
 * Must be the first await of a click handler: browsers only show the prompt during a user gesture.
 * Resolves false when the user says no; rejects when the browser cannot ask at all (a host pattern
 * the manifest does not declare, no user gesture): the options page shows that error.
 */
export function requestHosts(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

export async function releaseHosts(origins: string[]): Promise<void> {
  await browser.permissions.remove({ origins }).catch(() => false);
}

/** Mirrors the enabled list for content scripts and makes the registrations match it. */
export async function applyEnabled(enabled: string[]): Promise<void> {
  await browser.storage.local.set({ [ENABLED_KEY]: enabled });
  await syncCrmContentScripts(
    {
      scripting: browser.scripting as never,
      permissions: { contains: (p) => browser.permissions.contains(p) },
    },
    enabled,
  );
}

export async function readCrmStore(): Promise<{ mappings: CrmMapping[]; health: HealthRecord[] }> {
  const raw = await browser.storage.local.get([MAPPINGS_KEY, HEALTH_KEY]);
  return { mappings: parseMappings(raw[MAPPINGS_KEY]), health: parseHealth(raw[HEALTH_KEY]) };
}

export const writeMappings = (mappings: CrmMapping[]) =>
  browser.storage.local.set({ [MAPPINGS_KEY]: mappings });
export const clearHealth = () => browser.storage.local.set({ [HEALTH_KEY]: [] });

/** Calls `fn` whenever mappings or health records change (in any tab). Returns the unsubscribe. */
export function onCrmStoreChange(fn: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (MAPPINGS_KEY in changes || HEALTH_KEY in changes)) fn();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
