import { describe, expect, it } from "vitest";
import { restartDelay } from "../../../src/server/front/restart-delay.js";

describe("restartDelay", () => {
  it.each([
    [0, 0],
    [1, 1000],
    [2, 2000],
    [5, 16_000],
    [6, 30_000],
    [40, 30_000],
  ])("after %i quick deaths in a row waits %i ms", (quickDeaths, delay) => {
    expect(restartDelay(quickDeaths, 1000)).toBe(delay);
  });
});
