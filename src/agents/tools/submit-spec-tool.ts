import { z } from "zod";
import { defineSubmissionTool, type SubmissionTool } from "./submission-tool.js";

/** Name of the tool that hands in the finished spec and ends the agent loop. */
export const SUBMIT_SPEC_TOOL = "submit_spec";

/** Input of `submit_spec`. */
export const submitSpecInputSchema = z
  .object({
    markdown: z
      .string()
      .refine((text) => text.trim() !== "", "the spec is empty")
      .describe("The complete spec as Markdown, from the title to the last section."),
  })
  .strict();

/** `submit_spec`: hands in the spec's Markdown. The default submission tool of `runAgent`. */
export const SUBMIT_SPEC: SubmissionTool<string> = defineSubmissionTool({
  name: SUBMIT_SPEC_TOOL,
  description:
    "Hand in the finished spec as one Markdown document. It is checked before it is accepted: if checks fail you get the " +
    "list of problems (rule, line, message, fix) and should fix them and call submit_spec again with the whole corrected spec.",
  schema: submitSpecInputSchema,
  toValue: (input) => input.markdown,
});
