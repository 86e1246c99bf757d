import { normalizeRepoPath } from "../files/normalize-repo-path.js";
import type { AgentConfig, Config } from "./config-schema.js";

/** An agent with every default filled in and every path concrete. */
export interface ResolvedAgent {
  name: string;
  title: string;
  /** The phase the config declares, if any; the planner derives the effective phase. */
  declaredPhase: number | undefined;
  dependsOn: string[];
  specFile: string;
  registrySection: string | undefined;
  inScope: string[];
  outOfScope: { item: string; owner?: string; note?: string }[];
  keyFiles: { path: string; note?: string }[];
  reads: string[];
  rules: string[];
  /** Target length of this agent's spec (its own, or `systemSpecs.lines`). */
  lines: { min: number; max: number };
}

/** The system-spec part of the config with defaults applied. */
export interface ResolvedSystemSpecs {
  project: string | undefined;
  specsDir: string;
  boundaryBrief: string;
  template: string;
  featureRegistry: string;
  reviewOutput: string;
  reviewLlm: boolean;
  lines: { min: number; max: number };
  rules: string[];
  agents: ResolvedAgent[];
  /** True when the config lists no agents and they were inferred from existing spec files. */
  agentsInferred: boolean;
}

/** Config paths were validated by the schema; this brings them to the snapshot's one form. */
const norm = (path: string): string => normalizeRepoPath(path);
const join = (dir: string, file: string): string => norm(`${dir}/${file}`);
/** Key files keep a trailing slash when written as a directory: prompts and plans show it. */
const normKey = (path: string): string => `${norm(path)}${/[\\/]$/.test(path) ? "/" : ""}`;

function titleFromName(name: string): string {
  return name
    .split("-")
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

function resolveAgent(
  agent: AgentConfig,
  specsDir: string,
  lines: { min: number; max: number },
): ResolvedAgent {
  return {
    name: agent.name,
    title: agent.title ?? titleFromName(agent.name),
    declaredPhase: agent.phase,
    dependsOn: [...agent.dependsOn],
    specFile: agent.specFile ? norm(agent.specFile) : join(specsDir, `${agent.name}.md`),
    registrySection: agent.registrySection === undefined ? undefined : String(agent.registrySection),
    inScope: [...agent.inScope],
    outOfScope: agent.outOfScope.map((o) => (typeof o === "string" ? { item: o } : { ...o })),
    keyFiles: agent.keyFiles.map((k) =>
      typeof k === "string" ? { path: normKey(k) } : { ...k, path: normKey(k.path) },
    ),
    reads: agent.reads.map(norm),
    rules: [...agent.rules],
    lines: { ...(agent.lines ?? lines) },
  };
}

/**
 * Applies path defaults to the system-spec config. With no agents configured, one agent
 * is inferred per markdown file directly in `specsDir` (other than the brief, template,
 * registry, review, README and agent-prompts files such as `agent-prompts.md`), so a repository with only a `docs/specs/` folder can be planned and checked.
 *
 * @param files every file path in the repository snapshot (used only to infer agents)
 */
export function resolveSystemSpecs(config: Config, files: readonly string[]): ResolvedSystemSpecs {
  const s = config.systemSpecs;
  const specsDir = norm(s.specsDir);
  const boundaryBrief = s.boundaryBrief ? norm(s.boundaryBrief) : join(specsDir, "boundary-brief.md");
  const template = s.template ? norm(s.template) : join(specsDir, "template.md");
  const featureRegistry = s.featureRegistry ? norm(s.featureRegistry) : join(specsDir, "feature-registry.md");
  const reviewOutput = s.review.output ? norm(s.review.output) : join(specsDir, "consistency-review.md");
  const reserved = new Set([boundaryBrief, template, featureRegistry, reviewOutput]);

  let agents = s.agents.map((a) => resolveAgent(a, specsDir, s.lines));
  const agentsInferred = agents.length === 0;
  if (agentsInferred) {
    const prefix = `${specsDir}/`;
    agents = files
      .filter((f) => f.startsWith(prefix) && f.endsWith(".md") && !f.slice(prefix.length).includes("/"))
      .filter((f) => !reserved.has(f) && !/^readme\.md$|prompts?\.md$/i.test(f.slice(prefix.length)))
      .sort()
      .map((f) => {
        const base = f.slice(prefix.length, -".md".length);
        const name =
          base
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-+|-+$/g, "") || "spec";
        return resolveAgent(
          {
            name,
            phase: 1,
            dependsOn: [],
            specFile: f,
            inScope: [],
            outOfScope: [],
            keyFiles: [],
            reads: [],
            rules: [],
          },
          specsDir,
          s.lines,
        );
      });
  }

  return {
    project: s.project,
    specsDir,
    boundaryBrief,
    template,
    featureRegistry,
    reviewOutput,
    reviewLlm: s.review.llm,
    lines: { ...s.lines },
    rules: [...s.rules],
    agents,
    agentsInferred,
  };
}
