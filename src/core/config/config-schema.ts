import { z } from "zod";
import { agentSchema, keyFileSchema, lineRangeSchema, outOfScopeSchema } from "./agent-schema.js";
import { implementationSpecsSchema, priceSchema } from "./implementation-specs-schema.js";
import { repoPath } from "./repo-path-schema.js";
import { DEFAULT_SYSTEM_RULES, systemSpecsSchema } from "./system-specs-schema.js";

/**
 * The schema of `.github/specwright.yml`. Every field has a default, so a repository
 * with no config file (only a `docs/specs/` folder) still works.
 *
 * `.describe()` texts end up in the generated JSON Schema (`schema/specwright.schema.json`),
 * which editors use for completion; keep them short and user-facing.
 */

/** The model Specwright uses by default: a current Claude Sonnet id from the SDK's `Model` type. */
export const DEFAULT_MODEL = "claude-sonnet-5-5" as const;

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

export type { AgentConfig, KeyFileConfig, OutOfScopeConfig } from "./agent-schema.js";
export type { Price } from "./implementation-specs-schema.js";
export {
  agentSchema,
  keyFileSchema,
  lineRangeSchema,
  outOfScopeSchema,
  implementationSpecsSchema,
  priceSchema,
};
export { DEFAULT_SYSTEM_RULES, systemSpecsSchema };
