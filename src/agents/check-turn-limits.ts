import { totalInputTokens, type Usage } from "../core/pricing/usage.js";
import type { AgentLimits, AgentStatus } from "./agent-types.js";

/** Where the agent stands before a turn. */
export interface TurnStanding {
  /** Turns already taken. */
  turns: number;
  /** Usage so far. */
  usage: Usage;
  /** Estimated input tokens of the coming turn. */
  estimatedInput: number;
  limits: AgentLimits;
  /** `max_tokens` of the agent's requests. */
  maxTokens: number;
}

/** Why the agent must stop before the turn, or the `max_tokens` the turn may use. */
export type TurnCheck =
  { stop: { status: AgentStatus; error: { message: string; hint: string } } } | { maxTokens: number };

/**
 * The per-agent limits checked before each turn: turns taken, input tokens (used + the
 * coming turn's estimate) and output tokens left (the turn's `max_tokens` is lowered to what
 * is left; less than 1,024 left stops the agent).
 */
export function checkTurnLimits(s: TurnStanding): TurnCheck {
  const { limits } = s;
  if (s.turns >= limits.maxTurns) {
    return {
      stop: {
        status: "max-turns",
        error: {
          message: `Stopped after ${limits.maxTurns} turns without an accepted spec.`,
          hint: "Raise budgets.maxTurnsPerAgent, or narrow the agent's scope.",
        },
      },
    };
  }
  const inputUsed = totalInputTokens(s.usage);
  if (inputUsed + s.estimatedInput > limits.maxInputTokens) {
    return {
      stop: {
        status: "input-limit",
        error: {
          message: `The agent has used ${inputUsed} input tokens; the next turn (about ${s.estimatedInput}) would pass its limit of ${limits.maxInputTokens}.`,
          hint: "Raise budgets.maxInputTokensPerAgent, or narrow the agent's scope.",
        },
      },
    };
  }
  const outputLeft = limits.maxOutputTokens - s.usage.outputTokens;
  if (outputLeft < Math.min(1024, s.maxTokens)) {
    return {
      stop: {
        status: "output-limit",
        error: {
          message: `The agent has used ${s.usage.outputTokens} of its ${limits.maxOutputTokens} output tokens.`,
          hint: "Raise budgets.maxOutputTokensPerAgent.",
        },
      },
    };
  }
  return { maxTokens: Math.min(s.maxTokens, outputLeft) };
}
