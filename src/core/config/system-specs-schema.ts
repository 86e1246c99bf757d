import { z } from "zod";
import { agentSchema, lineRangeSchema } from "./agent-schema.js";
import { repoPath } from "./repo-path-schema.js";

/** The rules every system-spec agent follows (from the team's existing prompts). */
export const DEFAULT_SYSTEM_RULES = [
  "Document what is in the default branch today, not aspirational design.",
  "Cite file paths as evidence for every behavioural claim.",
  "Link to other specs for out-of-scope concepts instead of re-explaining them.",
  "Use only terms from the boundary brief's canonical glossary.",
  "Classify every feature as Implemented, Partial, Planned or Deprecated.",
] as const;

export const systemSpecsSchema = z
  .object({
    /** Project name used in prompts ("You are writing a system spec for <project>"). Defaults to the repository name. */
    project: z
      .string()
      .min(1)
      .optional()
      .describe("Project name used in prompts. Defaults to the repository name."),
    /** Folder holding the system specs. */
    specsDir: repoPath.default("docs/specs").describe("Folder holding the system specs."),
    /** Boundary brief: ownership rules and the canonical glossary. Defaults to `<specsDir>/boundary-brief.md`. */
    boundaryBrief: repoPath
      .optional()
      .describe(
        "Boundary brief with ownership rules and glossary. Defaults to <specsDir>/boundary-brief.md.",
      ),
    /** Spec template every system spec follows. Defaults to `<specsDir>/template.md`. */
    template: repoPath
      .optional()
      .describe("Template every system spec follows. Defaults to <specsDir>/template.md."),
    /** Feature registry with a numbered section per agent. Defaults to `<specsDir>/feature-registry.md`. */
    featureRegistry: repoPath
      .optional()
      .describe("Feature registry, one section per agent. Defaults to <specsDir>/feature-registry.md."),
    /** Target length of each spec in lines. */
    lines: lineRangeSchema.default({ min: 300, max: 600 }).describe("Target length of each spec in lines."),
    /** Rules every agent follows. Replaces the defaults when given. */
    rules: z
      .array(z.string().min(1))
      .default([...DEFAULT_SYSTEM_RULES])
      .describe("Rules every agent follows. Replaces the defaults when given."),
    /** The agents. Empty: one agent per existing spec file in `specsDir`, all in phase 1. */
    agents: z
      .array(agentSchema)
      .default([])
      .describe("The agents. Empty: one agent per existing spec file in specsDir, all in phase 1."),
    /** The consistency review run after all agents. */
    review: z
      .object({
        /** Where the review is written. Defaults to `<specsDir>/consistency-review.md`. */
        output: repoPath
          .optional()
          .describe("Where the review is written. Defaults to <specsDir>/consistency-review.md."),
        /** Whether to run the LLM pass after the deterministic checks. */
        llm: z.boolean().default(true).describe("Run the LLM pass after the deterministic checks."),
      })
      .strict()
      .default({ llm: true })
      .describe("The consistency review run after all agents."),
  })
  .strict();
