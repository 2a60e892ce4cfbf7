/**
 * The CRM content script runs only where the user enabled a CRM and granted its host: it has no
 * static `matches` (those would be granted at install), so it is registered here, one registration
 * per enabled CRM, with `chrome.scripting.registerContentScripts`. Idempotent: call it after any
 * change (enable, disable, permission granted or removed) and it makes the registrations match.
 */
import { hostPatternsFor } from '../overlay/site';

export const CONTENT_SCRIPT_FILE = 'content-scripts/crm.js';
const ID_PREFIX = 'pacer-crm-';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The parts of `browser.scripting` and `browser.permissions` this needs (fakes in tests). */
export interface RegistrationApi {
  scripting: {
    getRegisteredContentScripts(): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
}

export function scriptIdFor(crm: string): string {
  return `${ID_PREFIX}${crm.replace(/[^a-zA-Z0-9]+/g, '-')}`.slice(0, 200);
}

export interface SyncResult {
  registered: string[];
  unregistered: string[];
  /** Enabled CRMs whose host permission is missing (the user removed it in the browser's settings). */
  notGranted: string[];
}

export async function syncCrmContentScripts(
  api: RegistrationApi,
  enabled: readonly string[],
): Promise<SyncResult> {
  const wanted = new Map<string, string[]>();
  const notGranted: string[] = [];
  for (const crm of new Set(enabled)) {
    const matches = hostPatternsFor(crm);
    if (matches.length === 0) continue;
    if (await api.permissions.contains({ origins: matches }).catch(() => false))
      wanted.set(scriptIdFor(crm), matches);
    else notGranted.push(crm);
  }
  const current = (await api.scripting.getRegisteredContentScripts()).filter((s) =>
    s.id.startsWith(ID_PREFIX),
  );
  const same = (s: RegisteredScript) =>
    JSON.stringify([...(s.matches ?? [])].sort()) === JSON.stringify([...(wanted.get(s.id) ?? [])].sort());
  const stale = current.filter((s) => !wanted.has(s.id) || !same(s)).map((s) => s.id);
  if (stale.length > 0) await api.scripting.unregisterContentScripts({ ids: stale });
  const kept = new Set(current.map((s) => s.id).filter((id) => !stale.includes(id)));
  const registered: string[] = [];
  for (const [id, matches] of wanted) {
    if (kept.has(id)) continue;
    try {
      await api.scripting.registerContentScripts([
        { id, matches, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
      registered.push(id);
    } catch {
      // Another context (the options page, the background) registered it a moment ago.
    }
  }
  return { registered, unregistered: stale, notGranted };
}
