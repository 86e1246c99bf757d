/**
 * `npm run bench`: compiles the benchmarks with the sources they measure (tsconfig.bench.json →
 * dist-bench/), then runs every benchmark in its own plain-node process — as the product runs,
 * compiled, so memory figures carry no TypeScript-loader overhead and one's figures do not
 * include another's — one after the other, and prints their figures. No assertions: each
 * benchmark prints its targets next to what it measured. Exit code 1 only when a benchmark
 * crashes.
 */
import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BENCHES: { file: string; args: string[] }[] = [
  { file: "check-bench.ts", args: [] },
  { file: "generate-bench.ts", args: [] },
  { file: "webhook-bench.ts", args: [] },
];

const root = fileURLToPath(new URL("..", import.meta.url));
const build = spawnSync("npx", ["tsc", "-p", "tsconfig.bench.json"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) {
  console.error("Compiling the benchmarks failed (npx tsc -p tsconfig.bench.json).");
  process.exit(1);
}
// The compiled code finds the built-in prompts and the test fixtures relative to itself.
for (const data of ["prompts", "test/fixtures"]) {
  cpSync(new URL(`../${data}`, import.meta.url), new URL(`../dist-bench/${data}`, import.meta.url), {
    recursive: true,
  });
}

let failed = 0;
for (const bench of BENCHES) {
  const path = fileURLToPath(
    new URL(`../dist-bench/bench/${bench.file.replace(/\.ts$/, ".js")}`, import.meta.url),
  );
  const run = spawnSync(process.execPath, ["--expose-gc", path, ...bench.args], { stdio: "inherit" });
  if (run.status !== 0) {
    failed += 1;
    console.error(`bench/${bench.file} failed (exit ${run.status ?? run.signal})`);
  }
  console.log("");
}
process.exitCode = failed > 0 ? 1 : 0;
