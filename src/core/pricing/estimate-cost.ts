import type { Price } from "../config/config-schema.js";
import { findPrice, type PriceSource } from "./price-table.js";
import type { Usage } from "./usage.js";

/** Default cache-write price as a multiple of the input price (5-minute cache). */
export const CACHE_WRITE_MULTIPLIER = 1.25;
/** Default cache-read price as a multiple of the input price. */
export const CACHE_READ_MULTIPLIER = 0.1;

/** An estimated cost. `usd` is `undefined` when no price is known for the model. */
export interface CostEstimate {
  usd: number | undefined;
  /** Where the price came from; `unknown` when none was found. */
  source: PriceSource | "unknown";
  /** The price used (USD per million tokens), with the cache prices filled in. */
  price: Required<Price> | undefined;
}

/**
 * Estimates the cost in US dollars of `usage` on `model`, from `overrides` (the config's
 * `model.prices`) or the built-in price table. Cache writes default to 1.25 × and cache reads
 * to 0.1 × the input price when a price leaves them out. An ESTIMATE: list prices change, and
 * discounts, batch pricing and regional surcharges are not modelled.
 */
export function estimateCost(
  model: string,
  usage: Readonly<Usage>,
  overrides: Readonly<Record<string, Price>> = {},
): CostEstimate {
  const found = findPrice(model, overrides);
  if (!found) return { usd: undefined, source: "unknown", price: undefined };
  const { input, output } = found.price;
  const price: Required<Price> = {
    input,
    output,
    cacheWrite: found.price.cacheWrite ?? input * CACHE_WRITE_MULTIPLIER,
    cacheRead: found.price.cacheRead ?? input * CACHE_READ_MULTIPLIER,
  };
  const perToken =
    usage.inputTokens * price.input +
    usage.outputTokens * price.output +
    usage.cacheCreationInputTokens * price.cacheWrite +
    usage.cacheReadInputTokens * price.cacheRead;
  return { usd: perToken / 1_000_000, source: found.source, price };
}
