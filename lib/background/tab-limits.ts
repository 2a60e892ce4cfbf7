/**
 * Per-tab message budgets (issue 15, finding 4). Pacer asks for `unlimitedStorage`, so without a limit
 * a compromised CRM page could have its content script send sightings until the disk is full. Each tab
 * has two token buckets, one of messages and one of bytes: a burst as large as a user scrolling a long
 * list quickly is accepted, a sustained flood is refused with the time to wait. Counted before a
 * message is parsed, so malformed floods are limited too. Kept in the service worker's memory: a
 * restart forgets it, which costs an attacker a new burst at most.
 */

export interface TabLimits {
  /** Messages a tab may send at once, and how many more per second after that. */
  messages: { burst: number; perSecond: number };
  /** Bytes (JSON length) a tab may send at once, and per second after that. */
  bytes: { burst: number; perSecond: number };
}

/**
 * The overlay sends one batch per re-render of the rows on screen (≤ 50 sightings, ~25 KB) and a few
 * small messages per page: 2,000 rows scrolled through in ten seconds stay within the burst. Sustained,
 * 32 KB/s is about 60 new leads a second — hours of reading, never a full disk in a day's browsing.
 */
export const DEFAULT_TAB_LIMITS: TabLimits = {
  messages: { burst: 120, perSecond: 10 },
  bytes: { burst: 2 * 1024 * 1024, perSecond: 32 * 1024 },
};

/** Tabs remembered at most; the least recently heard from is dropped beyond it. */
const MAX_TABS = 500;

interface Bucket {
  messages: number;
  bytes: number;
  at: number;
}

export interface TabLimiter {
  /** Takes one message of `bytes` from the tab's budget; the reason when it is spent (nothing taken). */
  take(tabId: number, bytes: number): string | null;
  /** The tab was closed. */
  forget(tabId: number): void;
  /** Tabs heard from (the background tells them when the overlay's settings change). */
  tabs(): number[];
}

export function createTabLimiter(
  limits: TabLimits = DEFAULT_TAB_LIMITS,
  now: () => number = Date.now,
): TabLimiter {
  const buckets = new Map<number, Bucket>();
  return {
    take(tabId, bytes) {
      const t = now();
      const old = buckets.get(tabId);
      const elapsed = old ? Math.max(0, t - old.at) / 1000 : 0;
      const b: Bucket = {
        messages: Math.min(
          limits.messages.burst,
          (old?.messages ?? limits.messages.burst) + elapsed * limits.messages.perSecond,
        ),
        bytes: Math.min(
          limits.bytes.burst,
          (old?.bytes ?? limits.bytes.burst) + elapsed * limits.bytes.perSecond,
        ),
        at: t,
      };
      buckets.delete(tabId);
      buckets.set(tabId, b);
      if (buckets.size > MAX_TABS) buckets.delete(buckets.keys().next().value as number);
      if (bytes > limits.bytes.burst) {
        return `Message refused: ${bytes} bytes is over this tab's ${limits.bytes.burst}-byte limit.`;
      }
      if (b.messages < 1) {
        const wait = Math.ceil((1 - b.messages) / limits.messages.perSecond);
        return `Message refused: too many messages from this tab; try again in ${wait} s.`;
      }
      if (b.bytes < bytes) {
        const wait = Math.ceil((bytes - b.bytes) / limits.bytes.perSecond);
        return `Message refused: too much data from this tab; try again in ${wait} s.`;
      }
      b.messages -= 1;
      b.bytes -= bytes;
      return null;
    },
    forget(tabId) {
      buckets.delete(tabId);
    },
    tabs: () => [...buckets.keys()],
  };
}
