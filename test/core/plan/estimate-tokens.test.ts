import { describe, expect, it } from "vitest";
import { CHARS_PER_TOKEN, estimateTokens } from "../../../src/core/plan/estimate-tokens.js";

describe("estimateTokens", () => {
  it.each([
    [0, 0],
    [1, 1],
    [4, 1],
    [5, 2],
    [4000, 1000],
    [4001, 1001],
    [10.5, 3],
    [-20, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])("%d characters → %d tokens", (chars, tokens) => {
    expect(estimateTokens(chars)).toBe(tokens);
  });

  it("uses four characters per token", () => {
    expect(CHARS_PER_TOKEN).toBe(4);
  });
});
