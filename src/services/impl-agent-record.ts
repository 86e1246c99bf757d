import type { AgentResult, AgentStatus } from "../agents/agent-types.js";
import type { Price } from "../core/config/config-schema.js";
import { findingId } from "../core/checks/finding-id.js";
import type { Finding } from "../core/checks/types.js";
import { estimateCost } from "../core/pricing/estimate-cost.js";
import type { AgentRunRecord, AgentRunStatus } from "../core/run/run-result.js";

/** Who the record is about. */
export interface AgentRecordInput {
  name: string;
  title: string;
  phase: number;
  /** The file the agent writes (the spec, or the review document). */
  specFile: string;
  /** The model id the agent ran on, and the config's price overrides (`model.prices`). */
  model: string;
  prices: Readonly<Record<string, Price>>;
  result: AgentResult<unknown>;
}

/** `aborted` has no run status of its own: a cancelled agent did not finish, like a skipped one. */
function runStatus(status: AgentStatus): AgentRunStatus {
  return status === "aborted" ? "skipped" : status;
}

/**
 * The `AgentRunRecord` of one finished agent run (used by the implementation-spec builder and
 * the consistency review): status, reason and hint in plain words, turns, usage, estimated cost
 * (0 when no price is known for the model), time, files read, the findings of the last submission
 * with stable ids, and the repair rounds used.
 */
export function toAgentRunRecord(input: AgentRecordInput): AgentRunRecord {
  const { result } = input;
  const findings: Finding[] = result.findings.map((f) => ({ id: findingId(f), ...f }));
  return {
    name: input.name,
    title: input.title,
    phase: input.phase,
    specFile: input.specFile,
    status: runStatus(result.status),
    ...(result.status !== "succeeded" && result.error ? { reason: result.error.message } : {}),
    ...(result.status !== "succeeded" && result.error?.hint ? { hint: result.error.hint } : {}),
    turns: result.turns,
    usage: { ...result.usage },
    costUsd: estimateCost(input.model, result.usage, input.prices).usd ?? 0,
    durationMs: result.durationMs,
    filesRead: [...result.filesRead],
    findings,
    repairs: Math.max(0, result.submissions - 1),
  };
}
