import {
  NOTIFIED_KEY,
  type NotificationTarget,
  notificationId,
  parseNotificationId,
  parseNotifiedLog,
  rememberNotified,
  targetPath,
  wasNotified,
} from '../popup/reminder-schedule';

/** The part of `browser.notifications` Pacer uses. */
export interface NotificationsApi {
  create(
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number },
  ): Promise<string>;
  clear(id: string): Promise<boolean>;
}

/** A tiny async key-value store (`browser.storage.local` in the extension, a Map in tests). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface PacerNotification {
  /** Dedupe key: a notification with a key already shown is never shown again. */
  key: string;
  target: NotificationTarget;
  title: string;
  message: string;
}

/**
 * Chrome refuses a basic notification whose icon cannot be loaded, and the build ships no icon files
 * yet: a 64×64 PNG (a blue progress ring) inlined as a data URL keeps notifications independent of that.
 */
export const ICON_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAABMElEQVR42u2b6w3DIBCDs0qX6sodq12gUgjYdzbYUv5G8pcjwD2uK4rK9Hp/viPPcYa3AoIybQeDbVwWRLVxKRAIA/8kDwH5BUckBQIdwk/UDoGxhmfUAoH1E5tVKQTmX3xVdAjsbQwhKoTqfR0NwfqQ0wqh2zx6q7QGgDg02ZsvhaAMYAXCFuZHIUxHgQuAWQgBsIt5CoQAMARwByEARgG4moctA2cAkCgIgAAIgOWXBkAABMA5AJQgwO4DrlFAvQsEgPgyoF+HjwLgBqEsJ3g8AEUI1OIIu5dHujCyEgUVENrrg50QJKrD6K4u2fI4CsIKCOkuEVZ3l1SLzF2qTEWtnWLbmx9NmioZb+sW3dr8k/R5l3G5jvFK4xZzA6xzQ0ZmMjSVsbkMTmZ0Noqm9APuv5+DTFli4gAAAABJRU5ErkJggg==';

/**
 * Shows each notification whose key was never shown, then records the keys. Callers run it once per
 * batch (never in parallel), so two alarm firings cannot both read "not shown yet".
 */
export async function showOnce(
  api: NotificationsApi,
  store: KeyValueStore,
  list: readonly PacerNotification[],
  now: number,
  iconUrl = ICON_URL,
): Promise<string[]> {
  let log = parseNotifiedLog(await store.get(NOTIFIED_KEY));
  const shown: string[] = [];
  for (const n of list) {
    if (wasNotified(log, n.key) || shown.includes(n.key)) continue;
    await api.create(notificationId(n.key, n.target), {
      type: 'basic',
      iconUrl,
      title: n.title.slice(0, 200),
      message: n.message.slice(0, 500),
      priority: 0,
    });
    shown.push(n.key);
    log = rememberNotified(log, [n.key], now);
  }
  if (shown.length) await store.set(NOTIFIED_KEY, log);
  return shown;
}

export interface ClickDeps {
  clear(id: string): Promise<unknown>;
  /** `browser.action.openPopup` showing `view`, where the browser allows it (it throws without a focused window). */
  openPopup?: (view: 'check-in' | 'home') => Promise<void>;
  openTab(path: string): Promise<unknown>;
}

/**
 * A click opens the popup (check-in) or the goal in the new tab. `action.openPopup()` works only in
 * some contexts, so it falls back to the same page in a tab. Returns the path opened, or null for an
 * id that is not Pacer's.
 */
export async function handleNotificationClick(id: string, deps: ClickDeps): Promise<string | null> {
  const parsed = parseNotificationId(id);
  if (!parsed) return null;
  await deps.clear(id).catch(() => undefined);
  if (parsed.target.kind === 'popup' && deps.openPopup) {
    try {
      await deps.openPopup(parsed.target.view);
      return 'popup';
    } catch {
      // no focused window or an older browser: a tab works everywhere
    }
  }
  const path = targetPath(parsed.target);
  await deps.openTab(path);
  return path;
}
