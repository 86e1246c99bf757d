import { SUBMIT_SPEC } from "../agents/tools/submit-spec-tool.js";
import type { Config } from "../core/config/config-schema.js";
import type { Plan, PlannedAgent } from "../core/plan/plan-types.js";
import type { AgentSelection } from "../core/plan/select-agents.js";
import type { RunResult } from "../core/run/run-result.js";
import type { ModelRequest } from "../ports/model.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { buildSystemSpecRequest } from "./build-system-spec-request.js";
import { collectEarlierSpecs } from "./collect-earlier-specs.js";
import { firstModelRequest } from "./first-model-request.js";
import { prepareSystemRun, type SystemRunSetup } from "./prepare-system-run.js";
import { readTextFile } from "./read-text-file.js";
import type { SpecEngineDeps } from "./spec-engine-deps.js";

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
 * assignment as the first user message (with the conversation breakpoint). Each agent gets the
 * specs of every earlier phase and those it reads, as in a run; the ones agents of this run
 * write are not known yet and appear as placeholders. The run's setup is returned too (for the
 * consistency-review preview).
 */
export async function previewSystemSpecRequests(
  deps: Pick<SpecEngineDeps, "builtinPromptsDir">,
  options: { snapshot: RepoSnapshot; config: Config; repoName: string; selection: AgentSelection },
): Promise<SystemSpecPreview & { setup: SystemRunSetup }> {
  const { snapshot, config, repoName } = options;
  const setup = await prepareSystemRun(deps, { snapshot, config, selection: options.selection });
  const { plan, failures, systemSpecs, prompts, shared } = setup;
  if (failures.length > 0) return { plan, failures, requests: [], setup };

  const writers = new Map(plan.agents.map((a) => [a.specFile, a.name] as const));

  const requests: AgentRequestPreview[] = [];
  for (const agent of plan.agents) {
    const placeholders: AgentRequestPreview["placeholders"] = [];
    const earlierSpecs = await collectEarlierSpecs({
      agent,
      agents: setup.agents.values(),
      phases: setup.phases,
      read: async (path) => {
        const author = writers.get(path);
        if (author === undefined) return readTextFile(snapshot, path);
        placeholders.push({ path, author });
        return placeholderText(author);
      },
    });
    placeholders.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const fixed = buildSystemSpecRequest({
      config,
      systemSpecs,
      planned: agent,
      agent: setup.agents.get(agent.name) as NonNullable<ReturnType<typeof setup.agents.get>>,
      prompt: prompts.systemSpec,
      repoName,
      shared,
      earlierSpecs,
    });
    requests.push({
      agent,
      placeholders,
      request: firstModelRequest(fixed, snapshot, SUBMIT_SPEC.definition),
    });
  }
  return { plan, failures, requests, setup };
}
