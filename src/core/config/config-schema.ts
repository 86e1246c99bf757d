import { z } from "zod";
import { PathEscapeError } from "../errors.js";
import { normalizeRepoPath } from "../files/normalize-repo-path.js";

/**
 * The schema of `.github/specwright.yml`. Every field has a default, so a repository
 * with no config file (only a `docs/specs/` folder) still works.
 *
 * `.describe()` texts end up in the generated JSON Schema (`schema/specwright.schema.json`),
 * which editors use for completion; keep them short and user-facing.
 */

/** The model Specwright uses by default: a current Claude Sonnet id from the SDK's `Model` type. */
export const DEFAULT_MODEL = "claude-sonnet-5-5" as const;

/** Why `path` is not a usable repository path, or undefined when it is. */
function repoPathProblem(path: string): string | undefined {
  try {
    normalizeRepoPath(path);
    return undefined;
  } catch (error) {
    return error instanceof PathEscapeError
      ? error.message.replace(/^Refused path "[^"]*": /, "")
      : String(error);
  }
}

/**
 * A path relative to the repository root. Absolute paths, `..` above the root and the root
 * itself are rejected here; `resolveSystemSpecs` normalises the rest (`./docs//a.md` → `docs/a.md`).
 */
const repoPath = z
  .string()
  .min(1)
  .describe("A path relative to the repository root, with forward slashes.")
  .superRefine((path, ctx) => {
    const problem = repoPathProblem(path);
    if (problem)
      ctx.addIssue({ code: "custom", message: `must be a path inside the repository: ${problem}` });
  });

/** A key file an agent must read, with an optional note on why. */
export const keyFileSchema = z.union([
  repoPath,
  z
    .object({
      /** File or directory (ending in `/`) the agent should read. */
      path: repoPath.describe("File or directory (ending in /) the agent should read."),
      /** Why the file matters, or how much of it is in scope. */
      note: z.string().optional().describe("Why the file matters, or how much of it is in scope."),
    })
    .strict(),
]);

/** Something the agent must leave to another spec, optionally naming the spec that owns it. */
export const outOfScopeSchema = z.union([
  z.string().min(1),
  z
    .object({
      /** What is out of scope. */
      item: z.string().min(1).describe("What is out of scope."),
      /** The spec file that owns it, e.g. `sessions-gateway.md`. */
      owner: z.string().min(1).optional().describe("The spec file that owns it, e.g. sessions-gateway.md."),
      /** Extra words on the hand-off (e.g. "handoff point is the AUTOMATION_ENRICH queue"). */
      note: z.string().optional().describe("Extra words on the hand-off."),
    })
    .strict(),
]);

const agentNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be kebab-case: lower-case letters, digits and dashes")
  .describe("Kebab-case name used in commands, e.g. `/spec regenerate sessions-gateway`.");

/** A target length in lines. */
export const lineRangeSchema = z
  .object({
    min: z.number().int().min(1).default(300).describe("Fewest lines a spec should have."),
    max: z.number().int().min(1).default(600).describe("Most lines a spec should have."),
  })
  .strict()
  .refine((r) => r.min <= r.max, { message: "min must not be greater than max" });

/** One system-spec agent: writes one spec file about one part of the system. */
export const agentSchema = z
  .object({
    /** Kebab-case name used in commands (`/spec regenerate <name>`). */
    name: agentNameSchema,
    /** Human title, e.g. "Sessions & Gateway". Defaults to the name. */
    title: z
      .string()
      .min(1)
      .optional()
      .describe("Human title, e.g. 'Sessions & Gateway'. Defaults to the name."),
    /** Phase number (1 = first). Omit to derive it from the dependencies. */
    phase: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("Phase number (1 = first). Omit to derive it from dependencies."),
    /** Names of agents that must finish first (in addition to those whose specs are in `reads`). */
    dependsOn: z
      .array(agentNameSchema)
      .default([])
      .describe("Agents that must finish first (besides those whose specs are listed in reads)."),
    /** The spec file this agent writes. Defaults to `<specsDir>/<name>.md`. */
    specFile: repoPath
      .optional()
      .describe("The spec file this agent writes. Defaults to <specsDir>/<name>.md."),
    /** Section number of the feature registry that lists this agent's features. */
    registrySection: z
      .union([z.number().int().min(1), z.string().min(1)])
      .optional()
      .describe("Section of the feature registry that lists this agent's features."),
    /** What the spec must cover. */
    inScope: z.array(z.string().min(1)).default([]).describe("What the spec must cover."),
    /** What the spec must leave to other specs (link to them instead). */
    outOfScope: z.array(outOfScopeSchema).default([]).describe("What the spec must leave to other specs."),
    /** Files and directories the agent reads first. */
    keyFiles: z.array(keyFileSchema).default([]).describe("Files and directories the agent reads first."),
    /** Other specs to read first (e.g. earlier-phase specs this one cross-references). */
    reads: z
      .array(repoPath)
      .default([])
      .describe("Other specs to read first, e.g. earlier-phase specs this one cross-references."),
    /** Target length of this agent's spec, when it differs from `systemSpecs.lines`. */
    lines: lineRangeSchema
      .optional()
      .describe("Target length of this spec, when it differs from systemSpecs.lines."),
    /** Extra rules for this agent only, appended to `systemSpecs.rules`. */
    rules: z.array(z.string().min(1)).default([]).describe("Extra rules for this agent only."),
  })
  .strict();

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

export const implementationSpecsSchema = z
  .object({
    /** Globs of discovery documents; a push that adds or changes one drafts an implementation spec. */
    discovery: z
      .array(z.string().min(1))
      .default(["docs/discovery/**/*.md"])
      .describe("Globs of discovery documents that trigger an implementation spec."),
    /** Where implementation specs are written; `{slug}` is the discovery doc's or issue's slug. */
    output: z
      .string()
      .min(1)
      .default("specs/{slug}.md")
      .refine((s) => s.includes("{slug}"), { message: "must contain {slug}" })
      .describe("Where implementation specs are written; {slug} is replaced."),
    /** Issue label that asks for an implementation spec. */
    label: z
      .string()
      .min(1)
      .default("needs-spec")
      .describe("Issue label that asks for an implementation spec."),
    /** A template file that replaces the built-in implementation-spec template. */
    template: repoPath
      .optional()
      .describe("A template file replacing the built-in implementation-spec template."),
  })
  .strict();

/** Price of one million tokens, in US dollars. */
export const priceSchema = z
  .object({
    input: z.number().nonnegative().describe("USD per million input tokens."),
    output: z.number().nonnegative().describe("USD per million output tokens."),
    cacheWrite: z
      .number()
      .nonnegative()
      .optional()
      .describe("USD per million cache-write tokens (default 1.25 × input)."),
    cacheRead: z
      .number()
      .nonnegative()
      .optional()
      .describe("USD per million cache-read tokens (default 0.1 × input)."),
  })
  .strict();

export const configSchema = z
  .object({
    /** The Claude model and its prices. */
    model: z
      .object({
        name: z.string().min(1).default(DEFAULT_MODEL).describe("Claude model id."),
        /** Prices per model id, for cost estimates. Built-in prices are used for models not listed. */
        prices: z
          .record(z.string(), priceSchema)
          .default({})
          .describe("Prices per model id, for cost estimates."),
      })
      .strict()
      .default({ name: DEFAULT_MODEL, prices: {} })
      .describe("The Claude model and its prices."),
    /** Limits that keep a run's cost bounded. */
    budgets: z
      .object({
        maxTurnsPerAgent: z
          .number()
          .int()
          .min(1)
          .default(40)
          .describe("Most model turns one agent may take."),
        maxInputTokensPerAgent: z
          .number()
          .int()
          .min(1000)
          .default(1_500_000)
          .describe("Most input tokens (all turns added up) one agent may use."),
        maxOutputTokensPerAgent: z
          .number()
          .int()
          .min(1000)
          .default(64_000)
          .describe("Most output tokens one agent may produce."),
        maxTokensPerJob: z
          .number()
          .int()
          .min(1000)
          .default(20_000_000)
          .describe("Most tokens (input + output) one job may use across all agents."),
        repairRounds: z
          .number()
          .int()
          .min(0)
          .max(10)
          .default(2)
          .describe("How often an agent may fix a spec that fails the checks."),
      })
      .strict()
      .default({
        maxTurnsPerAgent: 40,
        maxInputTokensPerAgent: 1_500_000,
        maxOutputTokensPerAgent: 64_000,
        maxTokensPerJob: 20_000_000,
        repairRounds: 2,
      })
      .describe("Limits that keep a run's cost bounded."),
    /** How many agents of one phase run at once. */
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(16)
      .default(4)
      .describe("How many agents of one phase run at once."),
    /** Your own prompt files, replacing the built-in ones in Specwright's `prompts/`. */
    prompts: z
      .object({
        systemSpec: repoPath.optional().describe("Prompt for system-spec agents."),
        consistencyReview: repoPath.optional().describe("Prompt for the consistency review."),
        implementationSpec: repoPath.optional().describe("Prompt for the implementation-spec builder."),
        agentSpec: repoPath.optional().describe("Prompt for the agent-spec variant."),
      })
      .strict()
      .default({})
      .describe("Your own prompt files, replacing the built-in ones."),
    /** System specs: one agent per part of the system, in dependency phases. */
    systemSpecs: systemSpecsSchema
      .describe("System specs: one agent per part of the system, in dependency phases.")
      .default({
        specsDir: "docs/specs",
        lines: { min: 300, max: 600 },
        rules: [...DEFAULT_SYSTEM_RULES],
        agents: [],
        review: { llm: true },
      }),
    /** Implementation specs drafted from discovery documents and labelled issues. */
    implementationSpecs: implementationSpecsSchema
      .describe("Implementation specs drafted from discovery documents and labelled issues.")
      .default({
        discovery: ["docs/discovery/**/*.md"],
        output: "specs/{slug}.md",
        label: "needs-spec",
      }),
  })
  .strict();

/** The config as written in YAML (all fields optional). */
export type ConfigInput = z.input<typeof configSchema>;
/** The config after defaults are applied. */
export type Config = z.output<typeof configSchema>;
export type AgentConfig = z.output<typeof agentSchema>;
export type KeyFileConfig = z.output<typeof keyFileSchema>;
export type OutOfScopeConfig = z.output<typeof outOfScopeSchema>;
export type Price = z.output<typeof priceSchema>;
