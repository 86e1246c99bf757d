import type { Finding } from "../../../src/core/checks/types.js";
import type { Usage } from "../../../src/core/pricing/usage.js";
import type { AgentRunRecord, RunResult } from "../../../src/core/run/run-result.js";

/** Test data builders for the renderers: realistic values, overridable per test. */

export const SHA = "3f9c2e71b8d04a6e5c1f2a9b7d3e8c0a4b6f1d2e";

export function usage(input: number, cacheRead: number, output: number, cacheWrite = 0): Usage {
  return {
    inputTokens: input,
    cacheReadInputTokens: cacheRead,
    cacheCreationInputTokens: cacheWrite,
    outputTokens: output,
  };
}

export function agent(overrides: Partial<AgentRunRecord> & { name: string }): AgentRunRecord {
  return {
    title: overrides.name,
    phase: 1,
    specFile: `docs/specs/${overrides.name}.md`,
    status: "succeeded",
    turns: 7,
    usage: usage(4_210, 38_500, 6_120, 1_200),
    costUsd: 0.1342,
    durationMs: 83_000,
    filesRead: ["apps/gateway/src/server.ts", "apps/gateway/src/routes/sessions.ts"],
    findings: [],
    repairs: 0,
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> & { id: string }): Finding {
  return {
    rule: "xref-broken",
    severity: "error",
    file: "docs/specs/sessions-gateway.md",
    line: 12,
    message: "Link to billing.md §4.2 points to a section that does not exist.",
    subjects: ["billing.md#4-2"],
    specs: ["docs/specs/sessions-gateway.md"],
    fix: "Link to §4.1 (Metering) instead.",
    ...overrides,
  };
}

export function runResult(overrides: Partial<RunResult> = {}): RunResult {
  const agents = overrides.agents ?? [
    agent({ name: "boundary-brief", title: "Boundary Brief", phase: 1 }),
    agent({ name: "sessions-gateway", title: "Sessions & Gateway", phase: 2, turns: 11, costUsd: 0.2871 }),
  ];
  return {
    kind: "system",
    commit: SHA,
    repository: "acme/platform",
    model: "claude-sonnet-5-5",
    startedAt: "2025-03-04T10:15:00.000Z",
    durationMs: 201_000,
    files: agents
      .filter((a) => a.status === "succeeded")
      .map((a) => ({ path: a.specFile, content: `# ${a.title}\n`, author: a.name })),
    findings: [],
    agents,
    usage: agents.reduce(
      (sum, a) => ({
        inputTokens: sum.inputTokens + a.usage.inputTokens,
        outputTokens: sum.outputTokens + a.usage.outputTokens,
        cacheReadInputTokens: sum.cacheReadInputTokens + a.usage.cacheReadInputTokens,
        cacheCreationInputTokens: sum.cacheCreationInputTokens + a.usage.cacheCreationInputTokens,
      }),
      usage(0, 0, 0),
    ),
    costUsd: agents.reduce((sum, a) => sum + a.costUsd, 0),
    openQuestions: [],
    failures: [],
    ...overrides,
  };
}

/** A planted credential that must never reach posted text. */
export const PLANTED_KEY = "sk-ant-api03-Zx8Qw2Lm5Np7Rt9Vb1Cd3Fg6Hj";
