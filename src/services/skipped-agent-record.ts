import type { PlannedAgent } from "../core/plan/plan-types.js";
import { EMPTY_USAGE } from "../core/pricing/usage.js";
import type { AgentRunRecord } from "../core/run/run-result.js";

/** The record of a planned agent that did not run (cancelled, or a dependency failed). */
export function skippedAgentRecord(agent: PlannedAgent, reason: string, hint?: string): AgentRunRecord {
  return {
    name: agent.name,
    title: agent.title,
    phase: agent.phase,
    specFile: agent.specFile,
    status: "skipped",
    reason,
    ...(hint ? { hint } : {}),
    turns: 0,
    usage: { ...EMPTY_USAGE },
    costUsd: 0,
    durationMs: 0,
    filesRead: [],
    findings: [],
    repairs: 0,
  };
}
