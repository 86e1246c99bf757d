import { describe, expect, it } from "vitest";
import { countAvailableCores } from "../../src/server/count-available-cores.js";

describe("countAvailableCores", () => {
  it.each([
    ["no quota", "max 100000\n", 8, 8],
    ["2 CPUs", "200000 100000\n", 8, 2],
    ["1.5 CPUs", "150000 100000", 8, 1],
    ["half a CPU", "50000 100000", 8, 1],
    ["a quota above the machine", "1600000 100000", 4, 4],
    ["a file it cannot read", "garbage", 4, 4],
  ])("%s → %i of %i cores", (_, cpuMax, cores, expected) => {
    expect(countAvailableCores(cores, () => cpuMax)).toBe(expected);
  });

  it("counts the machine's cores when there is no cgroup v2 file", () => {
    expect(
      countAvailableCores(6, () => {
        throw new Error("ENOENT");
      }),
    ).toBe(6);
  });
});
