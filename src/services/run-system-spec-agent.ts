import { agentLimits } from "../agents/agent-limits.js";
import type { AgentRequest } from "../agents/agent-types.js";
import { runAgent } from "../agents/run-agent.js";
import type { TokenBudget } from "../agents/token-budget.js";
import { createRepoTools } from "../agents/tools/create-repo-tools.js";
import type { Config } from "../core/config/config-schema.js";
import type { AgentRunRecord } from "../core/run/run-result.js";
import type { ModelPort } from "../ports/model.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import type { SpecValidator } from "./create-spec-validator.js";
import { reportAgentProgress } from "./impl-agent-progress.js";
import { toAgentRunRecord } from "./impl-agent-record.js";
import type { ProgressEvent } from "./spec-engine.js";

/** Everything needed to run one system-spec agent. */
export interface SystemSpecAgentInput {
  model: ModelPort;
  config: Config;
  /** Who the agent is, for the record and the progress events. */
  agent: { name: string; title: string; phase: number; specFile: string };
  request: AgentRequest;
  /** The snapshot its tools read (the overlay with the specs written earlier in the run). */
  snapshot: RepoSnapshot;
  validator: SpecValidator;
  budget: TokenBudget;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  now: () => number;
}

/** An agent's record, and its spec when it succeeded. */
export interface SystemSpecAgentOutcome {
  record: AgentRunRecord;
  /** The accepted spec (ends with one newline); set only when `record.status` is `succeeded`. */
  markdown?: string;
}

/**
 * Runs one system-spec agent: read-only tools over `snapshot`, every `submit_spec` checked by
 * `validator` against the agent's spec file, per-agent limits and repair rounds from
 * `config.budgets`, the job's shared `budget`. Reports `agent-started`, `agent-turn` and
 * `agent-finished`. Model trouble never throws: the record says what happened (a cancelled run
 * is `skipped`), and only a `succeeded` run returns its spec.
 */
export async function runSystemSpecAgent(input: SystemSpecAgentInput): Promise<SystemSpecAgentOutcome> {
  const { agent, config } = input;
  const progress = reportAgentProgress(input.onProgress, agent.name, agent.phase, input.now);
  const tools = createRepoTools(input.snapshot);
  const b = config.budgets;
  const result = await runAgent({
    model: input.model,
    request: input.request,
    tools: tools.tools,
    filesRead: tools.filesRead,
    limits: agentLimits(b),
    budget: input.budget,
    validate: (markdown) => input.validator.validate({ path: agent.specFile, markdown, kind: "system" }),
    repairRounds: b.repairRounds,
    onProgress: progress.listener,
    now: input.now,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const record = toAgentRunRecord({
    ...agent,
    model: config.model.name,
    prices: config.model.prices,
    result,
  });
  progress.finished(record);
  if (record.status !== "succeeded" || result.markdown === undefined) return { record };
  return { record, markdown: `${result.markdown.replace(/\r\n?/g, "\n").trimEnd()}\n` };
}
