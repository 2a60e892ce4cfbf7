/**
 * Who is still alive: each journaled ingest holds a Web Lock named by its id for as long as it runs.
 * The browser releases a lock when the context holding it ends (tab closed, service worker stopped,
 * renderer crashed), so "the lock is free" means "the ingest that wrote this journal is dead" — across
 * every page and the service worker of the extension's origin. Recovery rolls back only those
 * (issue 15, finding 1: a new tab opened mid-import used to roll back the live import).
 */

/** The part of `navigator.locks` Pacer uses. */
export interface LockApi {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean; mode?: 'exclusive' },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T>;
}

export const ingestLockName = (ingestId: string) => `pacer-ingest:${ingestId}`;
/** Held while a recovery pass runs, so two surfaces opening at once do not roll back the same journal. */
export const RECOVERY_LOCK = 'pacer-ingest-recovery';

let override: LockApi | null = null;
/** Tests and environments without Web Locks (Node, old Firefox) use an in-context lock manager. */
export function setLockApi(api: LockApi | null) {
  override = api;
}

export function locks(): LockApi {
  if (override) return override;
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockApi }).locks;
  if (nav) return nav;
  fallback ??= memoryLocks();
  return fallback;
}
let fallback: LockApi | null = null;

/**
 * Same semantics as the Web Locks API within one JS context (exclusive, queued, `ifAvailable`):
 * where there is no `navigator.locks`, one context's own ingests are still protected.
 */
export function memoryLocks(): LockApi {
  const queues = new Map<string, Promise<unknown>>();
  const held = new Set<string>();
  return {
    async request(name, options, callback) {
      if (options.ifAvailable && held.has(name)) return callback(null);
      const prev = queues.get(name) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => {
        release = r;
      });
      const tail = prev.then(() => mine);
      queues.set(name, tail);
      await prev;
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
        release();
        if (queues.get(name) === tail) queues.delete(name);
      }
    },
  };
}

/**
 * Takes the ingest's lock and keeps it until `release()` is called. Resolves once the lock is held,
 * so the caller can write its first journal entry knowing any recovery will see the lock.
 */
export function holdIngestLock(ingestId: string): Promise<() => void> {
  return new Promise((resolveHeld, rejectHeld) => {
    let release!: () => void;
    const done = new Promise<void>((r) => {
      release = r;
    });
    locks()
      .request(ingestLockName(ingestId), {}, () => {
        resolveHeld(release);
        return done;
      })
      .catch(rejectHeld);
  });
}

/** Runs `fn` only if nobody holds `name`; returns `skipped` otherwise. */
export function ifFree<T>(name: string, fn: () => Promise<T>, skipped: T): Promise<T> {
  return locks().request(name, { ifAvailable: true }, (lock) => (lock ? fn() : skipped));
}
