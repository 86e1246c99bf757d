import { describe, expect, it } from "vitest";
import { estimateCost } from "../../../src/core/pricing/estimate-cost.js";
import { findPrice } from "../../../src/core/pricing/price-table.js";
import { addUsage, EMPTY_USAGE, totalInputTokens, type Usage } from "../../../src/core/pricing/usage.js";

const usage: Usage = {
  inputTokens: 1_000_000,
  outputTokens: 100_000,
  cacheReadInputTokens: 2_000_000,
  cacheCreationInputTokens: 400_000,
};

describe("findPrice", () => {
  it.each([
    ["claude-sonnet-5-5", "claude-sonnet-5-5"],
    ["claude-sonnet-5", "claude-sonnet-5"],
    ["claude-sonnet-5-20260630", "claude-sonnet-5"],
    ["claude-opus-4-5-20251101", "claude-opus-4-5"],
    ["claude-opus-4-1-20250805", "claude-opus-4-1"],
    ["claude-opus-4-20250514", "claude-opus-4"],
    ["claude-haiku-4-5-20251001", "claude-haiku-4-5"],
    ["claude-sonnet-5-5[1m]", "claude-sonnet-5-5"],
  ])("prices %s as %s", (model, key) => {
    expect(findPrice(model)).toMatchObject({ key, source: "built-in" });
  });

  it.each(["gpt-6", "claude-sonnet", "claude-sonnet-5x"])("knows no price for %s", (model) => {
    expect(findPrice(model)).toBeUndefined();
  });

  it("prefers the config's prices, by exact id or prefix", () => {
    const overrides = {
      "claude-sonnet-5-5": { input: 1, output: 2 },
      "my-gateway-model": { input: 7, output: 9 },
    };
    expect(findPrice("claude-sonnet-5-5-20261001", overrides)).toEqual({
      key: "claude-sonnet-5-5",
      source: "config",
      price: { input: 1, output: 2 },
    });
    expect(findPrice("my-gateway-model", overrides)?.price).toEqual({ input: 7, output: 9 });
  });
});

describe("estimateCost", () => {
  it("applies the default cache multipliers (write 1.25×, read 0.1×)", () => {
    // Sonnet 5: $2 in, $10 out, cache write 2.5, cache read 0.2 per million.
    const cost = estimateCost("claude-sonnet-5", usage);
    expect(cost.source).toBe("built-in");
    expect(cost.price).toEqual({ input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 });
    expect(cost.usd).toBeCloseTo(2 + 1 + 1 + 0.4, 10);
  });

  it("uses explicit cache prices where the table or config gives them", () => {
    expect(estimateCost("claude-sonnet-5-5", usage).price).toEqual({
      input: 2,
      output: 10,
      cacheWrite: 2.5,
      cacheRead: 0.1,
    });
    const cost = estimateCost("claude-x", usage, {
      "claude-x": { input: 10, output: 20, cacheWrite: 0, cacheRead: 1 },
    });
    expect(cost).toEqual({
      usd: 10 + 2 + 0 + 2,
      source: "config",
      price: { input: 10, output: 20, cacheWrite: 0, cacheRead: 1 },
    });
  });

  it("returns no amount for an unknown model", () => {
    expect(estimateCost("mystery-model", usage)).toEqual({
      usd: undefined,
      source: "unknown",
      price: undefined,
    });
  });

  it("costs nothing for no usage", () => {
    expect(estimateCost("claude-opus-5", EMPTY_USAGE).usd).toBe(0);
  });
});

describe("usage", () => {
  it("adds field by field and totals every input token", () => {
    const sum = addUsage(usage, {
      inputTokens: 1,
      outputTokens: 2,
      cacheReadInputTokens: 3,
      cacheCreationInputTokens: 4,
    });
    expect(sum).toEqual({
      inputTokens: 1_000_001,
      outputTokens: 100_002,
      cacheReadInputTokens: 2_000_003,
      cacheCreationInputTokens: 400_004,
    });
    expect(totalInputTokens(usage)).toBe(3_400_000);
  });
});
