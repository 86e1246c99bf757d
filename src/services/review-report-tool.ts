import { z } from "zod";
import { defineSubmissionTool, type SubmissionTool } from "../agents/tools/submission-tool.js";
import { LLM_RULE_IDS } from "../core/checks/types.js";

/** Name of the tool the consistency-review agent reports its findings with. */
export const REPORT_FINDINGS_TOOL = "report_findings";

/** The judgement-only categories of the LLM pass; each is also the finding's rule id. */
export const LLM_REVIEW_CATEGORIES = LLM_RULE_IDS;
export type LlmReviewCategory = (typeof LLM_REVIEW_CATEGORIES)[number];

const evidenceSchema = z.object({
  file: z.string().trim().min(1).describe("Path of the document, exactly as in its <document path> tag."),
  line: z.number().int().min(1).describe("The line number shown in the document."),
  quote: z.string().max(500).optional().describe("A short quote from that line (optional)."),
});

const llmFindingSchema = z.object({
  category: z
    .enum(LLM_REVIEW_CATEGORIES)
    .describe("contradiction, missing-xref (missing cross-reference) or depth-imbalance."),
  severity: z
    .enum(["error", "warning", "info"])
    .describe("error: misleading or incompatible; warning: missing or unbalanced; info: minor suggestion."),
  specs: z.array(z.string().trim().min(1)).min(1).describe("Every spec involved, as paths."),
  subjects: z
    .array(z.string().trim().min(1).max(200))
    .min(1)
    .max(10)
    .describe("What the finding is about (function, table, state, feature, term): short and specific."),
  evidence: z.array(evidenceSchema).min(1).max(20).describe("File and line for each side of the problem."),
  message: z.string().trim().min(1).max(2000).describe("What is wrong, in one or two sentences."),
  fix: z.string().trim().min(1).max(2000).describe("Which spec changes, and how."),
});

/** Input of `report_findings`. */
export const reportFindingsInputSchema = z.object({
  findings: z
    .array(llmFindingSchema)
    .max(200)
    .describe("Every finding, in one call. An empty list when there is nothing to report."),
});

/** One finding as the model reports it (validated, not yet checked against the files). */
export type LlmFinding = z.output<typeof llmFindingSchema>;

/** What the review agent hands in. */
export interface ReviewSubmission {
  findings: LlmFinding[];
}

/**
 * `report_findings`: the consistency-review agent hands in all its findings in one call. Input
 * is validated with zod; invalid input goes back to the model as an error result listing every
 * problem (`- findings.0.category: …`), so it can call the tool again.
 */
export const REPORT_FINDINGS: SubmissionTool<ReviewSubmission> = defineSubmissionTool({
  name: REPORT_FINDINGS_TOOL,
  description:
    "Hand in the consistency review: every contradiction, missing cross-reference and depth imbalance you found, in " +
    "one call (an empty list when there are none). Each finding needs its category, severity, the specs involved, " +
    "short subjects, evidence as file + line (the line numbers shown in the documents) and a concrete fix.",
  schema: reportFindingsInputSchema,
  toValue: (input) => ({ findings: input.findings }),
});
