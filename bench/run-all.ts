/**
 * `npm run bench`: runs every benchmark in its own process (so one's memory figures do not
 * include another's), one after the other, and prints their figures. No assertions: each
 * benchmark prints its targets next to what it measured. Exit code 1 only when a benchmark
 * crashes.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BENCHES: { file: string; args: string[] }[] = [
  { file: "check-bench.ts", args: [] },
  { file: "generate-bench.ts", args: [] },
  { file: "webhook-bench.ts", args: [] },
];

let failed = 0;
for (const bench of BENCHES) {
  const path = fileURLToPath(new URL(bench.file, import.meta.url));
  const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path, ...bench.args], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    failed += 1;
    console.error(`bench/${bench.file} failed (exit ${run.status ?? run.signal})`);
  }
  console.log("");
}
process.exitCode = failed > 0 ? 1 : 0;
