import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

const readText = (path: string) => readFileSync(path, "utf8");

/** cgroup v2: `<quota|max> <period>` in one file. */
const V2_CPU_MAX = "/sys/fs/cgroup/cpu.max";
/** cgroup v1: the quota (`-1`: none) and the period, in the cpu controller's folder. */
const V1_FOLDERS = ["/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct"];

/** Whole CPUs a quota of `quota` µs per `period` µs allows, or undefined when it sets no limit. */
function coresOfQuota(quota: string | undefined, period: string | undefined): number | undefined {
  const limit = Number(quota) / Number(period);
  return Number.isFinite(limit) && limit > 0 ? Math.max(1, Math.floor(limit)) : undefined;
}

/** The CPU quota of this process's cgroup in whole CPUs, v2 first, then v1; undefined: none. */
function cgroupCpuLimit(read: (path: string) => string): number | undefined {
  try {
    const [quota, period] = read(V2_CPU_MAX).trim().split(/\s+/);
    return quota === "max" ? undefined : coresOfQuota(quota, period);
  } catch {
    // No cgroup v2 here: try v1.
  }
  for (const folder of V1_FOLDERS) {
    try {
      const quota = read(`${folder}/cpu.cfs_quota_us`).trim();
      return quota === "-1" ? undefined : coresOfQuota(quota, read(`${folder}/cpu.cfs_period_us`).trim());
    } catch {
      // Not this folder (or not Linux).
    }
  }
  return undefined;
}

/**
 * The cores this process can use: `os.availableParallelism()`, capped by the CPU quota of its
 * cgroup (e.g. `docker run --cpus 1`), which Node 20's count does not see: cgroup v2's `cpu.max`,
 * else cgroup v1's `cpu.cfs_quota_us` / `cpu.cfs_period_us`. A quota of 1.5 CPUs counts as 1; one
 * that cannot be read or makes no sense is no limit.
 */
export function countAvailableCores(
  cores = availableParallelism(),
  readFile: (path: string) => string = readText,
): number {
  const limit = cgroupCpuLimit(readFile);
  return limit === undefined ? cores : Math.min(cores, limit);
}
