import { agentLimits } from "../agents/agent-limits.js";
import type { AgentRequest } from "../agents/agent-types.js";
import type { Config } from "../core/config/config-schema.js";
import { normalizeRepoPath } from "../core/files/normalize-repo-path.js";
import { buildImplementationSpecPrompt } from "../core/prompts/build-implementation-spec-prompt.js";
import type { LoadedPrompts } from "../core/prompts/prompt-types.js";
import { routeWorkType, type WorkRoute } from "../core/prompts/route-work-type.js";
import { sanitizeUserText } from "../core/prompts/sanitize-user-text.js";
import { renderRevisionRequest } from "./impl-revision-request.js";

/** Most output tokens of one model call while writing an implementation spec. */
export const IMPL_MAX_TOKENS = 32_000;

/** What an implementation-spec request is built from. */
export interface ImplementationSpecRequestInput {
  config: Config;
  prompts: LoadedPrompts;
  repoName: string;
  /** Today's date as `YYYY-MM-DD`. */
  today: string;
  discovery: { source: string; title: string; text: string };
  outputPath: string;
  feedback?: { currentText: string; notes: string };
}

/** The agent's request, and what it was derived from. */
export interface ImplementationSpecRequest {
  /** `implementation-spec`, or `agent-spec` for pure agent work. */
  agent: "implementation-spec" | "agent-spec";
  /** The discovery document's title, cleaned, for progress and records. */
  title: string;
  /** The normalised output path. */
  outputPath: string;
  /** Which prompt was chosen, and why. */
  route: WorkRoute;
  request: AgentRequest;
}

const oneLine = (text: string): string => sanitizeUserText(text).text.replace(/\s+/g, " ").trim();

/**
 * Builds the request of an implementation-spec agent without sending it (also what `--dry-run`
 * prints): cleans the user-provided text (`sanitizeUserText`), routes pure agent work to the
 * agent-spec prompt (`routeWorkType`), fills the prompt, and for a revision appends the current
 * spec and the reviewer's feedback to the first message. The tools are `createRepoTools` plus
 * `submit_spec`.
 *
 * @throws PathEscapeError for an output path outside the repository, PromptTemplateError for a
 *   broken prompt override
 */
export function buildImplementationSpecRequest(
  input: ImplementationSpecRequestInput,
): ImplementationSpecRequest {
  const outputPath = normalizeRepoPath(input.outputPath);
  const discovery = sanitizeUserText(input.discovery.text).text;
  const route = routeWorkType(discovery);
  const prompt = buildImplementationSpecPrompt({
    prompt: route.kind === "agent" ? input.prompts.agentSpec : input.prompts.implementationSpec,
    specTemplate: input.prompts.implementationTemplate,
    repoName: input.repoName,
    today: input.today,
    discovery: { source: oneLine(input.discovery.source), text: discovery },
    outputPath,
    limits: agentLimits(input.config.budgets),
  });
  const revision = input.feedback
    ? renderRevisionRequest({
        outputPath,
        currentText: sanitizeUserText(input.feedback.currentText).text,
        notes: sanitizeUserText(input.feedback.notes).text,
      })
    : undefined;
  return {
    agent: route.kind === "agent" ? "agent-spec" : "implementation-spec",
    title: oneLine(input.discovery.title) || outputPath,
    outputPath,
    route,
    request: {
      model: input.config.model.name,
      system: prompt.system,
      firstMessage: revision ? `${prompt.message}\n\n${revision}` : prompt.message,
      maxTokens: Math.min(IMPL_MAX_TOKENS, input.config.budgets.maxOutputTokensPerAgent),
    },
  };
}
