import type { ResolvedAgent } from "../config/resolve-config.js";
import { suggestNames } from "../commands/suggest-names.js";
import type { PlanProblem } from "./plan-types.js";

export interface AgentDependencies {
  /** name → the agents it depends on (explicit `dependsOn` plus owners of specs in `reads`), without duplicates. */
  dependsOn: Map<string, string[]>;
  problems: PlanProblem[];
}

const didYouMean = (name: string, known: readonly string[]) => {
  const s = suggestNames(name, known);
  return s.length > 0 ? ` Did you mean ${s.map((x) => `"${x}"`).join(" or ")}?` : "";
};

/**
 * Resolves each agent's dependencies. Also reports duplicate names and spec files, and
 * dependencies on agents that do not exist.
 */
export function resolveDependencies(agents: readonly ResolvedAgent[]): AgentDependencies {
  const problems: PlanProblem[] = [];
  const names = [...new Set(agents.map((a) => a.name))];
  const byName = new Map<string, ResolvedAgent>();
  const bySpec = new Map<string, ResolvedAgent>();

  for (const agent of agents) {
    if (byName.has(agent.name)) {
      problems.push({
        kind: "duplicate-agent",
        severity: "error",
        message: `Two agents are named "${agent.name}". Give each agent a unique name.`,
        agent: agent.name,
        path: undefined,
      });
    } else byName.set(agent.name, agent);
    const owner = bySpec.get(agent.specFile);
    if (owner && owner.name !== agent.name) {
      problems.push({
        kind: "duplicate-spec-file",
        severity: "error",
        message: `Agents "${owner.name}" and "${agent.name}" both write ${agent.specFile}. Each spec file has exactly one agent.`,
        agent: agent.name,
        path: agent.specFile,
      });
    } else bySpec.set(agent.specFile, agent);
  }

  const dependsOn = new Map<string, string[]>();
  for (const agent of byName.values()) {
    const deps: string[] = [];
    const add = (name: string) => {
      if (name !== agent.name && !deps.includes(name)) deps.push(name);
    };
    for (const dep of agent.dependsOn) {
      if (byName.has(dep)) add(dep);
      else
        problems.push({
          kind: "unknown-dependency",
          severity: "error",
          message: `Agent "${agent.name}" depends on "${dep}", which is not an agent.${didYouMean(dep, names)}`,
          agent: agent.name,
          path: undefined,
        });
    }
    for (const read of agent.reads) {
      const owner = bySpec.get(read);
      if (owner) add(owner.name);
    }
    dependsOn.set(agent.name, deps);
  }
  return { dependsOn, problems };
}
