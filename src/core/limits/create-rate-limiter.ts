/** Options of `createRateLimiter`. */
export interface RateLimiterOptions {
  /** Most events allowed per key within `windowMs` (a positive integer). */
  max: number;
  /** Length of the sliding window in milliseconds. */
  windowMs: number;
  /** Clock in epoch milliseconds (inject a fake one in tests). */
  now: () => number;
  /** Most keys remembered; the least recently used are forgotten beyond it (default 10,000). */
  maxKeys?: number;
}

/** What the limiter decided for one event. */
export type RateDecision =
  | { allowed: true; remaining: number }
  | {
      allowed: false;
      /** When the oldest counted event leaves the window. */
      retryAfterMs: number;
      /** True for the first refusal of this key in the current window (reply once, then stay quiet). */
      firstRefusal: boolean;
    };

/** A sliding-window rate limiter keyed by e.g. `owner/repo#12`. */
export interface RateLimiter {
  /** Counts one event for `key` if the key is under its limit. */
  take(key: string): RateDecision;
}

interface KeyState {
  /** Times of the counted events still in the window, oldest first. */
  times: number[];
  /** Time of the first refusal since the key was last allowed. */
  refusedSince: number | undefined;
}

/**
 * A sliding-window log limiter: a key may have at most `max` events in any `windowMs`.
 * Refused events are not counted. Pure apart from its own memory; time comes from `now`.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { max, windowMs, now } = options;
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`Rate limit must be a positive integer, got ${max}`);
  if (!(windowMs > 0)) throw new RangeError(`Rate-limit window must be positive, got ${windowMs}`);
  const maxKeys = options.maxKeys ?? 10_000;
  const keys = new Map<string, KeyState>();

  return {
    take(key) {
      const at = now();
      const state = keys.get(key) ?? { times: [], refusedSince: undefined };
      state.times = state.times.filter((t) => t > at - windowMs);
      keys.delete(key);
      keys.set(key, state);
      if (keys.size > maxKeys) {
        const oldest = keys.keys().next().value;
        if (oldest !== undefined) keys.delete(oldest);
      }
      if (state.times.length < max) {
        state.times.push(at);
        state.refusedSince = undefined;
        return { allowed: true, remaining: max - state.times.length };
      }
      const oldestTime = state.times[0] ?? at;
      // The key stays refused until an event leaves the window, which resets `refusedSince`.
      const firstRefusal = state.refusedSince === undefined;
      if (firstRefusal) state.refusedSince = at;
      return { allowed: false, retryAfterMs: Math.max(0, oldestTime + windowMs - at), firstRefusal };
    },
  };
}
