import type { Finding } from "../core/checks/types.js";
import { addUsage, EMPTY_USAGE } from "../core/pricing/usage.js";
import type { AgentRunRecord, RunResult, WrittenFile } from "../core/run/run-result.js";

/** The parts of a run that `buildRunResult` adds totals to. */
export interface RunParts {
  kind: RunResult["kind"];
  commit: string;
  repository: string;
  model: string;
  startedMs: number;
  endedMs: number;
  files: readonly WrittenFile[];
  findings: readonly Finding[];
  agents: readonly AgentRunRecord[];
  openQuestions?: readonly string[];
  failures: RunResult["failures"];
}

/** Assembles a `RunResult`: usage and cost are the sums over the agents (review included). */
export function buildRunResult(parts: RunParts): RunResult {
  const agents = [...parts.agents];
  return {
    kind: parts.kind,
    commit: parts.commit,
    repository: parts.repository,
    model: parts.model,
    startedAt: new Date(parts.startedMs).toISOString(),
    durationMs: Math.max(0, parts.endedMs - parts.startedMs),
    files: [...parts.files],
    findings: [...parts.findings],
    agents,
    usage: agents.reduce((sum, a) => addUsage(sum, a.usage), { ...EMPTY_USAGE }),
    costUsd: agents.reduce((sum, a) => sum + a.costUsd, 0),
    openQuestions: [...(parts.openQuestions ?? [])],
    failures: [...parts.failures],
  };
}
