/** A map that remembers only its `capacity` most recently written entries. */
export interface RecentMap<V> {
  get(key: string): V | undefined;
  /** Stores or refreshes `key`; the oldest entry is forgotten when the map is full. */
  set(key: string, value: V): void;
  readonly size: number;
}

/**
 * Creates a bounded map with least-recently-written eviction, used to remember recent webhook
 * deliveries without growing forever. Relies on `Map` keeping insertion order.
 */
export function createRecentMap<V>(capacity: number): RecentMap<V> {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }
  const entries = new Map<string, V>();
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
