import { describe, expect, it } from "vitest";
import { countAvailableCores } from "../../src/server/count-available-cores.js";

/** Reads from `files`; any other path is missing, as on a machine without that cgroup file. */
const fromFiles =
  (files: Record<string, string>) =>
  (path: string): string => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: ${path}`);
    return text;
  };

describe("countAvailableCores", () => {
  it.each([
    ["no quota", "max 100000\n", 8, 8],
    ["2 CPUs", "200000 100000\n", 8, 2],
    ["1.5 CPUs", "150000 100000", 8, 1],
    ["half a CPU", "50000 100000", 8, 1],
    ["a quota above the machine", "1600000 100000", 4, 4],
    ["a file it cannot read", "garbage", 4, 4],
  ])("cgroup v2, %s → %i of %i cores", (_, cpuMax, cores, expected) => {
    expect(countAvailableCores(cores, fromFiles({ "/sys/fs/cgroup/cpu.max": cpuMax }))).toBe(expected);
  });

  it.each([
    ["no quota", "/sys/fs/cgroup/cpu", "-1\n", "100000\n", 8, 8],
    ["2 CPUs", "/sys/fs/cgroup/cpu", "200000\n", "100000\n", 8, 2],
    ["1.5 CPUs", "/sys/fs/cgroup/cpu,cpuacct", "150000", "100000", 8, 1],
    ["a quota above the machine", "/sys/fs/cgroup/cpu", "800000", "100000", 2, 2],
    ["a period that is not a number", "/sys/fs/cgroup/cpu", "200000", "soon", 4, 4],
  ])("cgroup v1, %s (in %s) → %i of %i cores", (_, folder, quota, period, cores, expected) => {
    const read = fromFiles({
      [`${folder}/cpu.cfs_quota_us`]: quota,
      [`${folder}/cpu.cfs_period_us`]: period,
    });
    expect(countAvailableCores(cores, read)).toBe(expected);
  });

  it("prefers cgroup v2 when both are there", () => {
    const read = fromFiles({
      "/sys/fs/cgroup/cpu.max": "max 100000",
      "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "100000",
      "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000",
    });
    expect(countAvailableCores(4, read)).toBe(4);
  });

  it("counts the machine's cores when there is no cgroup file at all", () => {
    expect(countAvailableCores(6, fromFiles({}))).toBe(6);
  });

  it("counts the machine's cores when cgroup v1 has a quota but no period", () => {
    expect(countAvailableCores(6, fromFiles({ "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "100000" }))).toBe(6);
  });
});
