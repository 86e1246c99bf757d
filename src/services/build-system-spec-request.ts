import { agentLimits } from "../agents/agent-limits.js";
import type { AgentRequest } from "../agents/agent-types.js";
import type { Config } from "../core/config/config-schema.js";
import type { ResolvedAgent, ResolvedSystemSpecs } from "../core/config/resolve-config.js";
import type { PlannedAgent } from "../core/plan/plan-types.js";
import { buildSystemSpecPrompt } from "../core/prompts/build-system-spec-prompt.js";
import type { PromptTemplate } from "../core/prompts/prompt-types.js";

/** Most output tokens of one model call of a spec agent: room for a whole spec in one `submit_spec`. */
export const MAX_TOKENS_PER_TURN = 32_000;

/** The run-wide documents every system-spec agent gets (texts at the commit; `undefined` = missing). */
export interface SharedSpecContext {
  brief?: string;
  template?: string;
  registry?: string;
}

/** What `buildSystemSpecRequest` needs. */
export interface SystemSpecRequestInput {
  config: Config;
  systemSpecs: ResolvedSystemSpecs;
  planned: PlannedAgent;
  agent: ResolvedAgent;
  /** The system-spec prompt template (built-in or the repository's override). */
  prompt: PromptTemplate;
  repoName: string;
  shared: SharedSpecContext;
  /** The specs this agent is given: every earlier phase's and those it reads (`collectEarlierSpecs`). */
  earlierSpecs: readonly { path: string; text: string }[];
  /** Appended to the assignment (e.g. the current text and reviewers' feedback of a revision). */
  extraAssignment?: string;
}

/**
 * The fixed part of one system-spec agent's requests: the cached system prefix (instructions,
 * brief, template, whole registry, then its earlier specs), the assignment (with the agent's
 * target length and limits) as first user message, the configured model and the per-call
 * output limit.
 */
export function buildSystemSpecRequest(input: SystemSpecRequestInput): AgentRequest {
  const prompt = buildSystemSpecPrompt({
    prompt: input.prompt,
    systemSpecs: input.systemSpecs,
    agent: input.agent,
    repoName: input.repoName,
    context: { ...input.shared, earlierSpecs: input.earlierSpecs },
    keyFiles: input.planned.keyFiles,
    limits: agentLimits(input.config.budgets),
  });
  const assignment =
    input.extraAssignment === undefined
      ? prompt.assignment
      : `${prompt.assignment.replace(/\s+$/, "")}\n\n${input.extraAssignment}`;
  return {
    model: input.config.model.name,
    system: prompt.system,
    firstMessage: assignment,
    maxTokens: Math.min(MAX_TOKENS_PER_TURN, input.config.budgets.maxOutputTokensPerAgent),
  };
}
