/**
 * A small least-recently-used map. The engine memoises pure, deterministic work (fitted forecast
 * models) across calls; a bound keeps a long-lived surface (the new tab stays open for days) from
 * growing without limit as the data changes.
 */
export interface Lru<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  clear(): void;
  readonly size: number;
  readonly capacity: number;
}

export function createLru<K, V>(capacity: number): Lru<K, V> {
  const cap = Math.max(1, Math.floor(capacity));
  // A Map iterates in insertion order: re-inserting on every read keeps the oldest entry first.
  const map = new Map<K, V>();
  return {
    get(key) {
      const v = map.get(key);
      if (v === undefined) return undefined;
      map.delete(key);
      map.set(key, v);
      return v;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      while (map.size > cap) {
        const oldest = map.keys().next();
        if (oldest.done) break;
        map.delete(oldest.value);
      }
    },
    clear() {
      map.clear();
    },
    get size() {
      return map.size;
    },
    capacity: cap,
  };
}
