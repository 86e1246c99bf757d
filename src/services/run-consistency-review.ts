import type { TokenBudget } from "../agents/token-budget.js";
import { summarizeFindings } from "../core/checks/summarize-findings.js";
import type { Finding } from "../core/checks/types.js";
import type { Config } from "../core/config/config-schema.js";
import { resolveSystemSpecs } from "../core/config/resolve-config.js";
import { normalizeRepoPath } from "../core/files/normalize-repo-path.js";
import type { LoadedPrompts } from "../core/prompts/prompt-types.js";
import { renderReviewMarkdown } from "../core/render/render-review-markdown.js";
import type { AgentRunRecord, WrittenFile } from "../core/run/run-result.js";
import type { ModelPort } from "../ports/model.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { checkRepository } from "./check-repository.js";
import { overlaySnapshot } from "./overlay-snapshot.js";
import { mergeReviewFindings } from "./review-merge-findings.js";
import { renderLlmReviewSection, type LlmSectionInput } from "./review-render-llm-section.js";
import { runLlmReviewPass } from "./review-run-llm-pass.js";
import type { ProgressEvent } from "./spec-engine.js";

/** Options of `runConsistencyReview`. */
export interface RunConsistencyReviewOptions {
  model: ModelPort;
  /** The repository at the commit the specs describe. */
  snapshot: RepoSnapshot;
  config: Config;
  repoName: string;
  prompts: LoadedPrompts;
  /** The job's token budget (shared with the spec agents of the run). */
  budget: TokenBudget;
  /** False: deterministic checks only, no model call (`--no-model`, `/spec check` without the LLM). */
  useModel: boolean;
  /** Files this run wrote (specs that passed their checks), reviewed on top of the snapshot. */
  writtenFiles: readonly WrittenFile[];
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Phase shown for the review agent in progress and records (default 0: after the plan's phases). */
  phase?: number;
  /** Clock (tests). */
  now?: () => number;
}

/** What the review produced. */
export interface ConsistencyReviewResult {
  /** Deterministic and verified LLM findings, merged, with stable ids. */
  findings: Finding[];
  /** The review document (`systemSpecs.review.output`), author `review`. */
  file?: WrittenFile;
  /** The review agent's record, when the LLM pass ran. */
  record?: AgentRunRecord;
  /** Why the LLM pass failed, in plain words; the deterministic review is still written. */
  failures: { message: string; hint?: string }[];
  /** What the LLM pass dropped, corrected or left out as a duplicate (also in the review file). */
  notes: string[];
}

/**
 * The phase-4 consistency review: runs the deterministic checker over the snapshot with this
 * run's files on top; then, when `useModel` and `systemSpecs.review.llm` allow it, one agent
 * reviews the brief, registry and all specs for contradictions, missing cross-references and
 * depth imbalance. Its findings are verified against the files, merged with the deterministic
 * ones (stable ids, duplicates left out) and rendered as the review document. A failing LLM
 * pass keeps the deterministic findings and the document and adds a failure; only an unreadable
 * snapshot throws (`SnapshotError`).
 */
export async function runConsistencyReview(
  options: RunConsistencyReviewOptions,
): Promise<ConsistencyReviewResult> {
  const { config, useModel } = options;
  const now = options.now ?? Date.now;
  const emit = (event: ProgressEvent): void => {
    try {
      options.onProgress?.(event);
    } catch {
      // Progress display must never break the review.
    }
  };
  emit({ type: "review-started" });
  const written = new Map(options.writtenFiles.map((f) => [normalizeRepoPath(f.path), f.content] as const));
  const snapshot = overlaySnapshot(options.snapshot, written);
  const report = await checkRepository({ snapshot, config });
  const files = (await snapshot.listFiles()).map((f) => f.path);
  const systemSpecs = resolveSystemSpecs(config, files);

  let findings = report.findings;
  let record: AgentRunRecord | undefined;
  const failures: ConsistencyReviewResult["failures"] = [];
  const notes: string[] = [];
  let section: LlmSectionInput;
  if (!useModel) section = { kind: "not-run", why: "the model was not used for this review" };
  else if (!systemSpecs.reviewLlm) section = { kind: "not-run", why: "systemSpecs.review.llm is false" };
  else {
    const outcome = await runLlmReviewPass({
      model: options.model,
      snapshot,
      config,
      systemSpecs,
      files,
      repoName: options.repoName,
      prompts: options.prompts,
      budget: options.budget,
      deterministic: report.findings,
      phase: options.phase ?? 0,
      ...(options.onProgress ? { onProgress: emit } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      now,
    });
    if (outcome.kind === "skipped") section = { kind: "not-run", why: outcome.note.replace(/\.$/, "") };
    else if (outcome.kind === "failed") {
      record = outcome.record;
      failures.push(outcome.failure);
      section = { kind: "failed", reason: outcome.record.reason ?? `status ${outcome.record.status}` };
    } else {
      record = outcome.record;
      const merged = mergeReviewFindings(report.findings, outcome.findings);
      findings = merged.findings;
      notes.push(...outcome.notes, ...merged.notes);
      const added = findings.length - report.findings.length;
      section = { kind: "done", model: config.model.name, reported: outcome.reported, added, notes };
    }
  }

  const summary = summarizeFindings(findings, {
    commit: options.snapshot.sha,
    specsChecked: report.summary.specsChecked,
  });
  const content = `${renderReviewMarkdown({ findings, summary }, { llm: section })}\n${renderLlmReviewSection(section)}`;
  emit({ type: "review-finished", findings: findings.length });
  return {
    findings,
    file: { path: systemSpecs.reviewOutput, content, author: "review" },
    ...(record ? { record } : {}),
    failures,
    notes,
  };
}
