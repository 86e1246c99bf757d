import { z } from "zod";
import { repoPath } from "./repo-path-schema.js";

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

export type Price = z.output<typeof priceSchema>;
