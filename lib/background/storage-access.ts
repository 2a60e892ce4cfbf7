/**
 * Closes `chrome.storage.local` to content scripts (issue 15, finding 5). By default every context of
 * the extension can read and write it, content scripts included, and a content script runs inside a
 * web page: a page that found its way into it could rewrite the CRM mappings, the enabled list or the
 * health log. With TRUSTED_CONTEXTS only Pacer's own pages and its service worker reach it; the overlay
 * asks the background instead (lib/background/crm-store.ts).
 *
 * Chrome supports this for `local` (the setting persists; it is set again on every start). Firefox
 * implements `setAccessLevel` for `storage.session` only: there the method is missing or refuses, the
 * overlay still never touches storage itself, and the answer says so for the caller to log.
 */
export interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

export type StorageAccess = 'trusted-only' | 'unsupported';

export async function restrictToTrustedContexts(area: AccessLevelArea): Promise<StorageAccess> {
  if (typeof area.setAccessLevel !== 'function') return 'unsupported';
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return 'trusted-only';
  } catch {
    return 'unsupported';
  }
}
