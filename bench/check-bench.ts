/**
 * Benchmark of the deterministic checker (`specwright check`), not a test: generates a corpus of
 * 13 system specs × 600 lines citing 400 paths (with anchors) against a 10,000-file tree, plus a
 * brief with a glossary, a feature registry and a template, all in memory, and reports the wall
 * time of `checkRepository` (median after a warm-up) and the process's peak memory.
 *
 * Some specs carry realistic problems (missing paths, a forbidden glossary term, broken
 * cross-references, a status outside the vocabulary) and exempt "not in git" paths, so the reporting
 * paths run as well; the expected number of findings is printed next to the actual one.
 *
 * Run: `npx tsc -p tsconfig.bench.json && node --expose-gc dist-bench/bench/check-bench.js` (with
 * `--expose-gc` garbage is collected between runs, so the peak reflects one check rather than the
 * pile-up of six). Targets: < 0.5 s and < 150 MB. The peak RSS includes node itself (reported as the
 * baseline). CPU time is reported too: on a loaded machine it is a steadier figure than wall time.
 */
import { pathToFileURL } from "node:url";
import { configSchema, type Config } from "../src/core/config/config-schema.js";
import { checkRepository } from "../src/services/check-repository.js";
import { createMemorySnapshot } from "../test/helpers/memory-snapshot.js";

const SPECS = 13;
const LINES_PER_SPEC = 600;
const CITED_PATHS = 400;
const TREE_FILES = 10_000;
const TARGET_MS = 500;
const TARGET_MB = 150;

export interface CheckBenchResult {
  /** Median wall time of one `checkRepository` run, in milliseconds. */
  wallMs: number;
  /** Every measured run, in milliseconds. */
  runsMs: number[];
  /** Median CPU time (user + system) of one run, in milliseconds. */
  cpuMs: number;
  /** Peak resident set size of the process (`process.resourceUsage().maxRSS`), in MB. */
  peakRssMb: number;
  /** Resident set size before the corpus was generated, in MB (node + tsx baseline). */
  baselineRssMb: number;
  findings: number;
  specs: number;
  files: number;
  citedPaths: number;
}

const sourcePath = (i: number) =>
  `packages/pkg${Math.floor(i / 200)}/src/module${Math.floor(i / 20) % 10}/file${i % 20}.ts`;
const fnName = (i: number) => `handleStep${i}`;
const specName = (k: number) => `area-${k}`;
const FILLER =
  "The order service validates each order and records an audit entry for the workspace before it replies.";

/**
 * Realistic problems planted in some specs, so the code paths that report findings run too: a few
 * missing paths, a forbidden glossary term, broken cross-references, a status outside the vocabulary,
 * plus paths the spec marks as planned / not in git (exempt, no finding).
 */
function plantedLines(k: number): string[] {
  const lines: string[] = [];
  if (k % 4 === 0)
    lines.push(`Retries go through \`packages/pkg${k}/src/retry/backoff.ts\`, which was renamed.`, "");
  if (k % 5 === 1) lines.push(`Each purchase ticket is validated before the reply is sent.`, "");
  if (k % 6 === 2)
    lines.push(`Refunds are described in ${specName((k + 3) % SPECS)}.md §9 and in refunds.md §2.`, "");
  lines.push(
    `The export cache \`packages/pkg${k}/cache/export.db\` is created at runtime and not in git.`,
    "",
    `Contributors follow AGENTS.md and record changes in CHANGELOG.md.`,
    "",
  );
  return lines;
}

const specsWhere = (pick: (k: number) => boolean) =>
  Array.from({ length: SPECS }, (_, k) => k).filter(pick).length;
/** Findings the planted problems must produce: missing paths, glossary terms, two broken xrefs each, one status. */
const EXPECTED_FINDINGS =
  specsWhere((k) => k % 4 === 0) + specsWhere((k) => k % 5 === 1) + 2 * specsWhere((k) => k % 6 === 2) + 1;

function generateSpec(k: number, owned: number[]): string {
  const out: string[] = [`# Area ${k} — System Spec`, "", "## 1. Overview", ""];
  out.push(
    `Area ${k} owns ${owned.length} modules. Out of scope: see ${specName((k + 1) % SPECS)}.md §5.`,
    "",
    ...plantedLines(k),
  );
  out.push(
    "## 2. Core Concepts",
    "",
    "- **Order** — a customer order.",
    "- **Workspace** — a tenant boundary.",
    "",
  );
  out.push("## 3. File Tree", "", "```");
  const byDir = new Map<string, string[]>();
  for (const i of owned) {
    const path = sourcePath(i);
    const dir = path.slice(0, path.lastIndexOf("/") + 1);
    byDir.set(dir, [...(byDir.get(dir) ?? []), path.slice(dir.length)]);
  }
  for (const [dir, names] of byDir) {
    out.push(dir, ...names.map((n, j) => `${j === names.length - 1 ? "└──" : "├──"} ${n}   # step handler`));
  }
  out.push("```", "", "## 4. Data Models", "", "| Table | Columns |", "|-------|---------|");
  out.push(`| area_${k}_items | id, order_id, created_at |`, "", "## 5. Behaviour", "");
  for (const i of owned) {
    out.push(
      `### 5.${owned.indexOf(i) + 1} Step ${i}`,
      "",
      `\`${sourcePath(i)}:${fnName(i)}\` handles step ${i} of the order.`,
    );
    out.push(`It hands over to ${specName((k + 2) % SPECS)}.md §5 when the step completes.`, "");
  }
  out.push("## 6. Cross-References", "", `- Upstream: ${specName((k + SPECS - 1) % SPECS)}.md §1.`, "");
  const status: string[] = ["## 7. Feature Status", "", "| Feature | Status | Evidence |", "|---|---|---|"];
  owned.slice(0, 10).forEach((i, j) => {
    const state = k === 7 && j === 0 ? "Done" : "Implemented";
    status.push(`| Step ${i} | ${state} | \`${sourcePath(i)}:${fnName(i)}\` |`);
  });
  const fill = LINES_PER_SPEC - out.length - status.length;
  for (let j = 0; j < fill; j++) out.push(j % 2 === 0 ? FILLER : "");
  return [...out, ...status].join("\n") + "\n";
}

function generateCorpus(): { files: Map<string, string>; config: Config } {
  const files = new Map<string, string>();
  for (let i = 0; i < TREE_FILES; i++) {
    files.set(
      sourcePath(i),
      `export function ${fnName(i)}(input: number): number {\n  return input + ${i};\n}\n`,
    );
  }
  const cited = Array.from({ length: CITED_PATHS }, (_, j) => (j * 25) % TREE_FILES);
  const owned = Array.from({ length: SPECS }, (_, k) => cited.filter((_, j) => j % SPECS === k));
  const template = ["# [System] — System Spec", ""];
  [
    "Overview",
    "Core Concepts",
    "File Tree",
    "Data Models",
    "Behaviour",
    "Cross-References",
    "Feature Status",
  ].forEach((name, i) => template.push(`## ${i + 1}. ${name}`, "", `What goes in ${name}.`, ""));
  files.set("docs/specs/template.md", template.join("\n"));
  const glossary = ["| Term | Definition | Do NOT call it |", "|---|---|---|"];
  const terms: [string, string][] = [
    ["Order", "purchase ticket"],
    ["Workspace", "tenant space"],
    ["Step", "stage handler"],
  ];
  for (const [term, avoid] of terms) {
    glossary.push(`| ${term} | The ${term.toLowerCase()} concept | ${avoid} |`);
  }
  files.set(
    "docs/specs/boundary-brief.md",
    `# Brief\n\n## 1. Rules\n\nOwnership is exclusive.\n\n## 2. Glossary\n\n${glossary.join("\n")}\n`,
  );
  const registry = ["# Feature Registry", ""];
  owned.forEach((ids, k) => {
    registry.push(`## ${k + 1}. Area ${k}`, "", "| Feature | Status | Evidence |", "|---|---|---|");
    for (const i of ids.slice(0, 10))
      registry.push(`| Step ${i} | Implemented | \`${sourcePath(i)}:${fnName(i)}\` |`);
    registry.push("");
  });
  files.set("docs/specs/feature-registry.md", registry.join("\n"));
  owned.forEach((ids, k) => files.set(`docs/specs/${specName(k)}.md`, generateSpec(k, ids)));
  const config = configSchema.parse({
    systemSpecs: {
      lines: { min: 300, max: LINES_PER_SPEC },
      agents: owned.map((_, k) => ({ name: specName(k), registrySection: k + 1 })),
    },
  });
  return { files, config };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Generates the corpus, runs the checker once to warm up and `runs` times measured. */
export async function runCheckBench(runs = 5): Promise<CheckBenchResult> {
  const baselineRssMb = mb(process.memoryUsage().rss);
  const { files, config } = generateCorpus();
  const snapshot = createMemorySnapshot(files);
  const gc = (globalThis as { gc?: () => void }).gc;
  let findings = 0;
  const runsMs: number[] = [];
  const cpuRuns: number[] = [];
  for (let r = 0; r <= runs; r++) {
    gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const report = await checkRepository({ snapshot, config });
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpu);
    findings = report.findings.length;
    if (r > 0) {
      runsMs.push(Math.round(elapsed * 10) / 10);
      cpuRuns.push(Math.round((used.user + used.system) / 100) / 10);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    wallMs: median(runsMs),
    runsMs,
    cpuMs: median(cpuRuns),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    baselineRssMb,
    findings,
    specs: SPECS,
    files: files.size,
    citedPaths: CITED_PATHS,
  };
}

async function main(): Promise<void> {
  const r = await runCheckBench();
  console.log(
    `check bench: ${r.specs} specs × ${LINES_PER_SPEC} lines, ${r.citedPaths} cited paths, ${r.files} files`,
  );
  console.log(
    `  wall time  ${r.wallMs} ms median (runs: ${r.runsMs.join(", ")} ms)  target < ${TARGET_MS} ms  ratio ${(r.wallMs / TARGET_MS).toFixed(2)}`,
  );
  console.log(`  CPU time   ${r.cpuMs} ms median`);
  console.log(
    `  peak RSS   ${r.peakRssMb} MB (baseline ${r.baselineRssMb} MB)  target < ${TARGET_MB} MB  ratio ${(r.peakRssMb / TARGET_MB).toFixed(2)}`,
  );
  console.log(`  findings   ${r.findings} (planted: ${EXPECTED_FINDINGS})`);
  if (!(globalThis as { gc?: () => void }).gc)
    console.log("  (run with `npx tsx --expose-gc` to collect garbage between runs)");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
