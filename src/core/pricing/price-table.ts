import type { Price } from "../config/config-schema.js";

/**
 * Built-in list prices of Claude models in USD per million tokens, used only for cost
 * ESTIMATES in run summaries. Prices change: a repository can override or add any model with
 * `model.prices` in `.github/specwright.yml`. Keys match a model id exactly or as a prefix
 * followed by `-` or `[` (dated ids such as `claude-haiku-4-5-20251001`, `[1m]` variants);
 * the longest matching key wins.
 *
 * `cacheWrite` / `cacheRead` are given where they differ from the default multipliers
 * (5-minute cache write = 1.25 × input, cache read = 0.1 × input). Haiku 5.5 is listed at its
 * rate for prompts up to 100k tokens; longer prompts cost more, so estimates for them run low.
 */
export const BUILT_IN_PRICES: Readonly<Record<string, Price>> = {
  "claude-fable-5-1": { input: 10, output: 50, cacheRead: 0.25 },
  "claude-mythos-5-1": { input: 10, output: 50, cacheRead: 0.25 },
  "claude-fable-5": { input: 10, output: 50 },
  "claude-mythos-5": { input: 10, output: 50 },
  "claude-opus-5-5": { input: 4, output: 20, cacheRead: 0.2 },
  "claude-opus-5": { input: 5, output: 25 },
  "claude-opus-4-8": { input: 5, output: 25 },
  "claude-opus-4-7": { input: 5, output: 25 },
  "claude-opus-4-6": { input: 5, output: 25 },
  "claude-opus-4-5": { input: 5, output: 25 },
  "claude-opus-4-1": { input: 15, output: 75 },
  "claude-opus-4": { input: 15, output: 75 },
  "claude-sonnet-5-5": { input: 2, output: 10, cacheRead: 0.1 },
  "claude-sonnet-5": { input: 2, output: 10 },
  "claude-sonnet-4": { input: 3, output: 15 },
  "claude-haiku-5-5": { input: 0.1, output: 0.5 },
  "claude-haiku-4-5": { input: 1, output: 5 },
  "claude-3-5-haiku": { input: 0.8, output: 4 },
  "claude-3-haiku": { input: 0.25, output: 1.25 },
};

/** Where a price came from. */
export type PriceSource = "config" | "built-in";

/** A price found for a model id, and the key it was found under. */
export interface FoundPrice {
  price: Price;
  source: PriceSource;
  /** The table key that matched, e.g. `claude-sonnet-5-5`. */
  key: string;
}

function matches(model: string, key: string): boolean {
  return model === key || model.startsWith(`${key}-`) || model.startsWith(`${key}[`);
}

function longestMatch(model: string, table: Readonly<Record<string, Price>>): string | undefined {
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (matches(model, key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best;
}

/**
 * Finds the price of `model`: a `model.prices` entry from the config first, then the built-in
 * table. Returns `undefined` for a model neither knows.
 */
export function findPrice(
  model: string,
  overrides: Readonly<Record<string, Price>> = {},
): FoundPrice | undefined {
  const configKey = longestMatch(model, overrides);
  if (configKey !== undefined) {
    const price = overrides[configKey];
    if (price) return { price, source: "config", key: configKey };
  }
  const builtInKey = longestMatch(model, BUILT_IN_PRICES);
  if (builtInKey !== undefined) {
    const price = BUILT_IN_PRICES[builtInKey];
    if (price) return { price, source: "built-in", key: builtInKey };
  }
  return undefined;
}
