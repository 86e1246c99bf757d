import type { Config } from "../core/config/config-schema.js";
import {
  resolveSystemSpecs,
  type ResolvedAgent,
  type ResolvedSystemSpecs,
} from "../core/config/resolve-config.js";
import { createFileIndex, type FileIndex } from "../core/files/file-index.js";
import { orderPhases } from "../core/plan/order-phases.js";
import { planAgents } from "../core/plan/plan-agents.js";
import type { Plan } from "../core/plan/plan-types.js";
import { resolveDependencies } from "../core/plan/resolve-dependencies.js";
import type { AgentSelection } from "../core/plan/select-agents.js";
import type { LoadedPrompts } from "../core/prompts/prompt-types.js";
import type { RunResult } from "../core/run/run-result.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import type { SharedSpecContext } from "./build-system-spec-request.js";
import { findRefusedPaths } from "./find-refused-paths.js";
import { planFailures } from "./plan-failures.js";
import { readSharedSpecContext } from "./read-shared-spec-context.js";
import { loadEnginePrompts, type SpecEngineDeps } from "./spec-engine-deps.js";

/** Everything a system-spec run (or its dry run, or a revision) sets up before any model call. */
export interface SystemRunSetup {
  prompts: LoadedPrompts;
  /** The files at the snapshot's commit. */
  index: FileIndex;
  systemSpecs: ResolvedSystemSpecs;
  /** The selected agents, phase by phase. */
  plan: Plan;
  /** Why the run cannot start (plan errors); empty when it can. */
  failures: RunResult["failures"];
  /** Brief, template and registry at the commit. */
  shared: SharedSpecContext;
  /** Every configured agent by name, selected or not. */
  agents: ReadonlyMap<string, ResolvedAgent>;
  /** The effective phase of every configured agent, selected or not (none for agents on a cycle). */
  phases: ReadonlyMap<string, number>;
}

/**
 * The common start of `generateSystemSpecs`, `previewSystemSpecRequests` and `reviseSpec`:
 * loads the prompts (repository overrides at the commit), resolves the config against the
 * commit's files, plans the selected agents (`planFailures` says whether the run can start),
 * reads the shared documents once, and works out the phase of every configured agent, so a
 * later agent can be given the specs of earlier phases that are not part of this run too.
 */
export async function prepareSystemRun(
  deps: Pick<SpecEngineDeps, "builtinPromptsDir">,
  input: {
    snapshot: RepoSnapshot;
    config: Config;
    selection: AgentSelection;
    /** The commit's files, when the caller has listed them already. */
    index?: FileIndex;
  },
): Promise<SystemRunSetup> {
  const { snapshot, config } = input;
  const prompts = await loadEnginePrompts(deps, snapshot, config);
  const index = input.index ?? createFileIndex(await snapshot.listFiles());
  const systemSpecs = resolveSystemSpecs(config, index.files);
  const keyPaths = systemSpecs.agents.flatMap((agent) => agent.keyFiles.map((k) => k.path));
  const plan = planAgents({
    systemSpecs,
    files: index,
    selection: input.selection,
    promptChars: prompts.systemSpec.text.length,
    refused: await findRefusedPaths(snapshot, index, keyPaths),
  });
  const order = systemSpecs.agents.map((a) => a.name);
  const declared = new Map(systemSpecs.agents.map((a) => [a.name, a.declaredPhase] as const));
  const { phases } = orderPhases(order, resolveDependencies(systemSpecs.agents).dependsOn, declared);
  return {
    prompts,
    index,
    systemSpecs,
    plan,
    failures: planFailures(plan, systemSpecs),
    shared: await readSharedSpecContext(snapshot, systemSpecs),
    agents: new Map(systemSpecs.agents.map((a) => [a.name, a] as const)),
    phases,
  };
}
