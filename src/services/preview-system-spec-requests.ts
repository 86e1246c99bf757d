import { createRepoTools } from "../agents/tools/create-repo-tools.js";
import { SUBMIT_SPEC } from "../agents/tools/submit-spec-tool.js";
import { withConversationBreakpoint } from "../agents/with-conversation-breakpoint.js";
import type { Config } from "../core/config/config-schema.js";
import { resolveSystemSpecs } from "../core/config/resolve-config.js";
import { createFileIndex } from "../core/files/file-index.js";
import { planAgents } from "../core/plan/plan-agents.js";
import type { Plan, PlannedAgent } from "../core/plan/plan-types.js";
import type { AgentSelection } from "../core/plan/select-agents.js";
import type { RunResult } from "../core/run/run-result.js";
import type { ModelRequest } from "../ports/model.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { buildSystemSpecRequest } from "./build-system-spec-request.js";
import { planFailures } from "./plan-failures.js";
import { readSharedSpecContext } from "./read-shared-spec-context.js";
import { readTextFile } from "./read-text-file.js";
import { loadEnginePrompts, type SpecEngineDeps } from "./spec-engine-deps.js";

/** The first request one planned agent would send. */
export interface AgentRequestPreview {
  agent: PlannedAgent;
  request: ModelRequest;
  /** Earlier specs this run writes before the agent starts: shown as placeholders, sent as their real text. */
  placeholders: { path: string; author: string }[];
}

/** What `generate --dry-run` shows. */
export interface SystemSpecPreview {
  plan: Plan;
  /** Why the run could not start (plan errors); empty when it could. */
  failures: RunResult["failures"];
  requests: AgentRequestPreview[];
}

/** The text that stands in for a spec the run has not written yet. */
export function placeholderText(author: string): string {
  return `[Placeholder in this dry run: the \`${author}\` agent writes this spec earlier in the run, and the real request carries its text here.]`;
}

/**
 * The exact first request of every planned system-spec agent, without calling the model:
 * system blocks with their cache breakpoints, tool definitions (breakpoint on the last) and the
 * assignment as the first user message (with the conversation breakpoint). Earlier specs that
 * agents of the same run write are not known yet and appear as placeholders.
 */
export async function previewSystemSpecRequests(
  deps: Pick<SpecEngineDeps, "builtinPromptsDir">,
  options: { snapshot: RepoSnapshot; config: Config; repoName: string; selection: AgentSelection },
): Promise<SystemSpecPreview> {
  const { snapshot, config, repoName } = options;
  const prompts = await loadEnginePrompts(deps, snapshot, config);
  const index = createFileIndex(await snapshot.listFiles());
  const systemSpecs = resolveSystemSpecs(config, index.files);
  const plan = planAgents({
    systemSpecs,
    files: index,
    selection: options.selection,
    promptChars: prompts.systemSpec.text.length,
  });
  const failures = planFailures(plan, systemSpecs);
  if (failures.length > 0) return { plan, failures, requests: [] };

  const shared = await readSharedSpecContext(snapshot, systemSpecs);
  const writers = new Map(plan.agents.map((a) => [a.specFile, a.name] as const));
  const resolved = new Map(systemSpecs.agents.map((a) => [a.name, a] as const));
  const tools = [
    ...createRepoTools(snapshot).tools.map((t) => t.definition),
    { ...SUBMIT_SPEC.definition, cache: true },
  ];

  const requests: AgentRequestPreview[] = [];
  for (const agent of plan.agents) {
    const placeholders: AgentRequestPreview["placeholders"] = [];
    const earlierSpecs: { path: string; text: string }[] = [];
    for (const path of agent.reads) {
      const author = writers.get(path);
      if (author !== undefined && author !== agent.name) {
        placeholders.push({ path, author });
        earlierSpecs.push({ path, text: placeholderText(author) });
        continue;
      }
      const text = await readTextFile(snapshot, path);
      if (text !== undefined) earlierSpecs.push({ path, text });
    }
    const fixed = buildSystemSpecRequest({
      config,
      systemSpecs,
      planned: agent,
      agent: resolved.get(agent.name) as NonNullable<ReturnType<typeof resolved.get>>,
      prompt: prompts.systemSpec,
      repoName,
      shared,
      earlierSpecs,
    });
    const first =
      typeof fixed.firstMessage === "string"
        ? [{ type: "text" as const, text: fixed.firstMessage }]
        : fixed.firstMessage;
    requests.push({
      agent,
      placeholders,
      request: {
        model: fixed.model,
        system: fixed.system,
        messages: withConversationBreakpoint([{ role: "user", content: first }]),
        tools,
        maxTokens: fixed.maxTokens,
      },
    });
  }
  return { plan, failures, requests };
}
