import { describe, expect, it } from "vitest";
import {
  formatDuration,
  formatTokens,
  formatUsage,
  formatUsd,
  plural,
  shortSha,
} from "../../../src/core/render/format-units.js";
import { usage } from "./run-fixtures.js";

describe("format units", () => {
  it.each([
    [0.42, "$0.42"],
    [0.1342, "$0.13"],
    [0, "$0.00"],
    [0.004, "<$0.01"],
    [0.005, "$0.01"],
    [1234.5, "$1,234.50"],
    [undefined, "—"],
    [Number.NaN, "—"],
  ])("formatUsd(%s) = %s", (usd, expected) => {
    expect(formatUsd(usd)).toBe(expected);
  });

  it.each([
    [0, "0"],
    [999, "999"],
    [12_345, "12,345"],
    [1_234_567, "1,234,567"],
    [1234.6, "1,235"],
  ])("formatTokens(%s) = %s", (n, expected) => {
    expect(formatTokens(n)).toBe(expected);
  });

  it.each([
    [0, "0s"],
    [400, "<1s"],
    [45_900, "45s"],
    [83_000, "1m 23s"],
    [3_600_000 + 5 * 60_000 + 7_000, "1h 5m"],
    [-1, "—"],
  ])("formatDuration(%s) = %s", (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it("shortens SHAs but leaves other labels alone", () => {
    expect(shortSha("3f9c2e71b8d04a6e5c1f2a9b7d3e8c0a4b6f1d2e")).toBe("3f9c2e7");
    expect(shortSha("WORKTREE")).toBe("WORKTREE");
  });

  it("formats usage with input including cache reads and writes", () => {
    expect(formatUsage(usage(1_000, 10_000, 2_345, 500))).toBe("11,500 in (10,000 cached) · 2,345 out");
    expect(formatUsage(usage(800, 0, 20))).toBe("800 in · 20 out");
  });

  it("pluralises", () => {
    expect([plural(1, "spec"), plural(2, "spec"), plural(0, "query", "queries")]).toEqual([
      "1 spec",
      "2 specs",
      "0 queries",
    ]);
  });
});
