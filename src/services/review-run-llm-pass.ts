import { agentLimits } from "../agents/agent-limits.js";
import { runAgent } from "../agents/run-agent.js";
import type { TokenBudget } from "../agents/token-budget.js";
import { createRepoTools } from "../agents/tools/create-repo-tools.js";
import type { AgentRunRecord } from "../core/run/run-result.js";
import type { ModelPort } from "../ports/model.js";
import { reportAgentProgress } from "./impl-agent-progress.js";
import { toAgentRunRecord } from "./impl-agent-record.js";
import { buildReviewRequest, readReviewTexts, type ReviewAgentRequestInput } from "./review-build-request.js";
import { REPORT_FINDINGS, type ReviewSubmission } from "./review-report-tool.js";
import { resolveReviewPath } from "./review-resolve-path.js";
import { verifyLlmFindings, type VerifiedFinding } from "./review-verify-findings.js";
import type { ProgressEvent } from "./spec-engine.js";

/** Name of the review agent in progress events and run records. */
export const REVIEW_AGENT = "consistency-review";

/** Inputs of the LLM pass: what its request is built from, and how to run it. */
export interface LlmReviewPassOptions extends ReviewAgentRequestInput {
  model: ModelPort;
  budget: TokenBudget;
  phase: number;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  now: () => number;
}

/** How the LLM pass went. */
export type LlmReviewOutcome =
  | { kind: "done"; record: AgentRunRecord; reported: number; findings: VerifiedFinding[]; notes: string[] }
  | { kind: "failed"; record: AgentRunRecord; failure: { message: string; hint?: string } }
  | { kind: "skipped"; note: string };

/**
 * The LLM half of the consistency review: one agent gets the boundary brief, the feature
 * registry, every system spec and the deterministic findings (`buildReviewRequest`), may read the
 * repository with the read-only tools, and hands in its findings with `report_findings`; they
 * are then verified against the files (`verifyLlmFindings`). A model failure or a limit gives
 * `failed` with the reason; no system specs gives `skipped`.
 */
export async function runLlmReviewPass(options: LlmReviewPassOptions): Promise<LlmReviewOutcome> {
  const { snapshot, config, systemSpecs, files } = options;
  const built = await buildReviewRequest(options);
  if (built.kind === "skipped") return built;
  const { texts } = built;

  const progress = reportAgentProgress(options.onProgress, REVIEW_AGENT, options.phase, options.now);
  const repo = createRepoTools(snapshot);
  const { budgets } = config;
  const result = await runAgent<ReviewSubmission>({
    model: options.model,
    request: built.request,
    tools: repo.tools,
    filesRead: repo.filesRead,
    limits: agentLimits(budgets),
    budget: options.budget,
    submission: REPORT_FINDINGS,
    validate: () => [],
    repairRounds: budgets.repairRounds,
    onProgress: progress.listener,
    ...(options.signal ? { signal: options.signal } : {}),
    now: options.now,
  });
  const record: AgentRunRecord = {
    ...toAgentRunRecord({
      name: REVIEW_AGENT,
      title: "Consistency review",
      phase: options.phase,
      specFile: systemSpecs.reviewOutput,
      model: config.model.name,
      prices: config.model.prices,
      result,
    }),
    filesRead: [...new Set([...built.given, ...result.filesRead])],
  };
  progress.finished(record);
  if (result.status !== "succeeded" || !result.submitted) {
    const reason = record.reason ?? `the review agent ended with status ${record.status}`;
    return {
      kind: "failed",
      record,
      failure: {
        message: `The LLM consistency review did not finish (${reason.replace(/\.$/, "")}); the review lists the deterministic findings only.`,
        hint: record.hint ?? "Run the review again (e.g. `/spec check` or `specwright generate`).",
      },
    };
  }

  const reported = result.submitted.findings;
  const fileSet = new Set(files);
  const cited = reported.flatMap((f) =>
    f.evidence.map((e) => resolveReviewPath(e.file, fileSet, systemSpecs.specsDir)),
  );
  await readReviewTexts(snapshot, cited, texts);
  const verified = verifyLlmFindings(reported, { files: fileSet, texts, specsDir: systemSpecs.specsDir });
  return {
    kind: "done",
    record,
    reported: reported.length,
    findings: verified.findings,
    notes: verified.notes,
  };
}
