import type { Config } from "../core/config/config-schema.js";
import type { AgentLimits } from "./agent-types.js";

/** The per-agent limits of `runAgent` from the config's `budgets`. */
export function agentLimits(budgets: Config["budgets"]): AgentLimits {
  return {
    maxTurns: budgets.maxTurnsPerAgent,
    maxInputTokens: budgets.maxInputTokensPerAgent,
    maxOutputTokens: budgets.maxOutputTokensPerAgent,
  };
}
