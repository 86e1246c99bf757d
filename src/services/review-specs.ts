import { TokenBudget } from "../agents/token-budget.js";
import type { RunResult } from "../core/run/run-result.js";
import { buildRunResult } from "./build-run-result.js";
import { runConsistencyReview } from "./run-consistency-review.js";
import { loadEnginePrompts, type SpecEngineDeps } from "./spec-engine-deps.js";
import type { ReviewRequest } from "./spec-engine.js";

/**
 * The consistency review on its own, over the specs at the snapshot's commit: the deterministic
 * checks, plus the LLM pass when `useModel` (and `systemSpecs.review.llm`) allow it. The review
 * document is the one file of the result.
 */
export async function reviewSpecs(deps: SpecEngineDeps, request: ReviewRequest): Promise<RunResult> {
  const { snapshot, config, repoName } = request;
  const startedMs = deps.now();
  const prompts = await loadEnginePrompts(deps, snapshot, config);
  const review = await runConsistencyReview({
    model: deps.model,
    snapshot,
    config,
    repoName,
    prompts,
    budget: new TokenBudget(config.budgets.maxTokensPerJob),
    useModel: request.useModel,
    writtenFiles: [],
    now: deps.now,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  return buildRunResult({
    kind: "system",
    commit: snapshot.sha,
    repository: repoName,
    model: config.model.name,
    startedMs,
    endedMs: deps.now(),
    files: review.file ? [review.file] : [],
    findings: review.findings,
    agents: review.record ? [review.record] : [],
    failures: review.failures,
  });
}
