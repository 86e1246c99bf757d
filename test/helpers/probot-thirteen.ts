import type { ScriptedAgent } from "./scripted-engine.js";

/**
 * A repository with 13 system-spec agents in four dependency phases (4 + 4 + 3 + 2), the shape
 * of the workflow Specwright automates, for request-budget tests and the webhook benchmark.
 */
export const THIRTEEN_AGENTS: readonly ScriptedAgent[] = [
  ["sessions-gateway", 1],
  ["storage", 1],
  ["auth", 1],
  ["config", 1],
  ["orders", 2],
  ["billing", 2],
  ["catalog", 2],
  ["search", 2],
  ["notifications", 3],
  ["shipping", 3],
  ["reporting", 3],
  ["admin-ui", 4],
  ["public-api", 4],
].map(([name, phase]) => ({
  name: String(name),
  phase: Number(phase),
  specFile: `docs/specs/${String(name)}.md`,
}));

/** `.github/specwright.yml` declaring the 13 agents with their phases. */
export const THIRTEEN_CONFIG = [
  "systemSpecs:",
  "  specsDir: docs/specs",
  "  agents:",
  ...THIRTEEN_AGENTS.flatMap((a) => [
    `    - name: ${a.name}`,
    `      phase: ${a.phase}`,
    `      keyFiles: [src/${a.name}/]`,
  ]),
  "",
].join("\n");

/** The repository's files: the config, a README and one source file per agent. */
export function thirteenFiles(): Record<string, string> {
  return {
    ".github/specwright.yml": THIRTEEN_CONFIG,
    "README.md": "# Thirteen\n",
    ...Object.fromEntries(
      THIRTEEN_AGENTS.map((a) => [`src/${a.name}/index.ts`, `export const name = "${a.name}";\n`]),
    ),
  };
}
