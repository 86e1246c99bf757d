import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

const readCgroupCpuMax = () => readFileSync("/sys/fs/cgroup/cpu.max", "utf8");

/**
 * The cores this process can use: `os.availableParallelism()`, capped by a cgroup v2 CPU quota
 * (`cpu.max`, e.g. `docker run --cpus 1`), which Node 20's count does not see. A quota of 1.5
 * CPUs counts as 1.
 */
export function countAvailableCores(
  cores = availableParallelism(),
  readCpuMax: () => string = readCgroupCpuMax,
): number {
  let text: string;
  try {
    text = readCpuMax();
  } catch {
    return cores; // no cgroup v2 (or not Linux): no quota to respect
  }
  const [quota, period] = text.trim().split(/\s+/);
  if (quota === undefined || quota === "max" || period === undefined) return cores;
  const limit = Number(quota) / Number(period);
  if (!Number.isFinite(limit) || limit <= 0) return cores;
  return Math.max(1, Math.min(cores, Math.floor(limit)));
}
