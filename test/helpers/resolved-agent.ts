import type { ResolvedAgent, ResolvedSystemSpecs } from "../../src/core/config/resolve-config.js";

/** A resolved agent with defaults for every field not given. */
export function agent(name: string, fields: Partial<ResolvedAgent> = {}): ResolvedAgent {
  return {
    name,
    title: name,
    declaredPhase: undefined,
    dependsOn: [],
    specFile: `docs/specs/${name}.md`,
    registrySection: undefined,
    inScope: [],
    outOfScope: [],
    keyFiles: [],
    reads: [],
    rules: [],
    lines: { min: 300, max: 600 },
    ...fields,
  };
}

/** Resolved system-spec settings around the given agents. */
export function systemSpecs(
  agents: ResolvedAgent[],
  fields: Partial<ResolvedSystemSpecs> = {},
): ResolvedSystemSpecs {
  return {
    project: "Orbit",
    specsDir: "docs/specs",
    boundaryBrief: "docs/specs/boundary-brief.md",
    template: "docs/specs/template.md",
    featureRegistry: "docs/specs/feature-registry.md",
    reviewOutput: "docs/specs/consistency-review.md",
    reviewLlm: true,
    lines: { min: 300, max: 600 },
    rules: [],
    agents,
    agentsInferred: false,
    ...fields,
  };
}
