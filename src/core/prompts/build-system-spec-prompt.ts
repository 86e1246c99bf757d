import type { ResolvedAgent, ResolvedSystemSpecs } from "../config/resolve-config.js";
import { fillTemplate } from "./fill-template.js";
import type { PlaceholderValues } from "./prompt-placeholders.js";
import type { PromptBlock } from "./prompt-types.js";
import { renderAssignmentValues, type KeyFileStatus } from "./render-assignment-values.js";
import { renderBullets } from "./render-bullets.js";
import { renderDocument } from "./render-document.js";
import type { PromptLimits } from "./render-limit-values.js";
import { splitPromptTemplate } from "./split-prompt-template.js";

/** The shared documents of a run or phase (texts as read at the commit; `undefined` = missing). */
export interface SystemSpecContext {
  brief?: string;
  template?: string;
  /** The WHOLE feature registry: the agent's section is named in the assignment, not cut out. */
  registry?: string;
  /**
   * The earlier specs this agent is given (every spec of earlier phases plus those it reads);
   * order does not matter, they are sorted by path.
   */
  earlierSpecs: readonly { path: string; text: string }[];
}

export interface BuildSystemSpecPromptInput {
  /** The system-spec prompt file, unfilled (built-in or override). */
  prompt: { text: string; source: string };
  systemSpecs: ResolvedSystemSpecs;
  agent: ResolvedAgent;
  /** Repository name, used when `systemSpecs.project` is not set. */
  repoName: string;
  context: SystemSpecContext;
  /** The planner's view of the agent's key files (existence at the commit, file counts). */
  keyFiles: readonly KeyFileStatus[];
  /** The agent's turn and token limits, stated in the assignment. */
  limits: PromptLimits;
}

/** Blocks at the start of `system` that are the same for every agent of a run (instructions, brief, template, registry). */
export const SHARED_BLOCKS = 4;

/** The request content for one system-spec agent. */
export interface SystemSpecPrompt {
  /** The stable prefix: identical bytes for every agent given the same run config and context. */
  system: PromptBlock[];
  /** The per-agent assignment: the first user message. */
  assignment: string;
}

/**
 * Builds one system-spec agent's prompt. The system blocks hold only what every agent of the
 * phase shares, in a fixed order: the filled instructions (run-level values only), the
 * boundary brief, the spec template, the whole feature registry (the first `SHARED_BLOCKS`
 * blocks, with a cache breakpoint on the registry), then the earlier specs given in the
 * context sorted by path, with a second breakpoint on the last of them. Everything
 * agent-specific (spec file, scope, key files, registry section, specs to read, extra rules,
 * target length, turn and token limits) goes into the assignment after it. So every agent of a run sends byte-identical first
 * `SHARED_BLOCKS` blocks (cache flags included), agents given the same earlier specs send
 * byte-identical `system` arrays, and all but the first read the prefix from the prompt cache.
 */
export function buildSystemSpecPrompt(input: BuildSystemSpecPromptInput): SystemSpecPrompt {
  const { prompt, systemSpecs: s, agent, context } = input;
  const parts = splitPromptTemplate(prompt.text, prompt.source);

  const runValues: PlaceholderValues<"systemSpec", "system"> = {
    project: s.project ?? input.repoName,
    specsDir: s.specsDir,
    boundaryBrief: s.boundaryBrief,
    template: s.template,
    featureRegistry: s.featureRegistry,
    linesMin: String(s.lines.min),
    linesMax: String(s.lines.max),
    rules: renderBullets(s.rules, "None."),
  };
  const instructions = fillTemplate(parts.system, runValues, `${prompt.source} (system part)`);

  const specs = [...new Map(context.earlierSpecs.map((spec) => [spec.path, spec])).values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const documents = [
    renderDocument({ path: s.boundaryBrief, role: "boundary brief", text: context.brief }),
    renderDocument({ path: s.template, role: "spec template", text: context.template }),
    renderDocument({ path: s.featureRegistry, role: "feature registry", text: context.registry }),
    ...specs.map((spec) => renderDocument({ path: spec.path, role: "spec", text: spec.text })),
  ];
  const texts = [instructions, ...documents];
  // Breakpoint 1 after the run-wide blocks (instructions, brief, template, registry): identical
  // for every agent of a run. Breakpoint 2 after the last earlier spec: shared by the agents
  // that read the same specs.
  const lastShared = SHARED_BLOCKS - 1;
  const system = texts.map((text, i) => ({ text, cache: i === lastShared || i === texts.length - 1 }));

  const assignmentValues = renderAssignmentValues(agent, {
    registryPath: s.featureRegistry,
    registryExists: context.registry !== undefined,
    includedSpecs: new Set(specs.map((spec) => spec.path)),
    keyFiles: input.keyFiles,
    limits: input.limits,
  });
  const assignment = fillTemplate(parts.user, assignmentValues, `${prompt.source} (user message)`);
  return { system, assignment };
}
