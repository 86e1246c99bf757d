import { describe, expect, it } from "vitest";
import { createRecentMap } from "../../../src/adapters/queue/create-recent-map.js";

describe("createRecentMap", () => {
  it("keeps the most recently written entries up to its capacity", () => {
    const map = createRecentMap<number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 3); // refreshes a: b is now the oldest
    map.set("c", 4);
    expect([map.get("a"), map.get("b"), map.get("c"), map.size]).toEqual([3, undefined, 4, 2]);
  });

  it.each([0, -3, 2.5])("refuses capacity %s", (capacity) => {
    expect(() => createRecentMap(capacity)).toThrow(/positive integer/);
  });
});
