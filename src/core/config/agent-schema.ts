import { z } from "zod";
import { repoPath } from "./repo-path-schema.js";

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
  .refine((name) => name !== "all" && !name.startsWith("spec-"), {
    message:
      "`all` and names starting with `spec-` are reserved for commands (`/spec regenerate all`, `spec-<slug>`)",
  })
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

export type AgentConfig = z.output<typeof agentSchema>;
export type KeyFileConfig = z.output<typeof keyFileSchema>;
export type OutOfScopeConfig = z.output<typeof outOfScopeSchema>;
