import { TokenBudget } from "../agents/token-budget.js";
import { builtinPromptsDir } from "../adapters/local/builtin-prompts-dir.js";
import type { ModelPort } from "../ports/model.js";
import { generateSystemSpecs } from "./generate-system-specs.js";
import { reviewSpecs } from "./review-specs.js";
import { reviseSpec } from "./revise-spec.js";
import { loadEnginePrompts, type SpecEngineDeps } from "./spec-engine-deps.js";
import type { SpecEngine } from "./spec-engine.js";
import { writeImplementationSpec } from "./write-implementation-spec.js";

/** Options of `createSpecEngine`. */
export interface SpecEngineOptions {
  model: ModelPort;
  /** Today's date as `YYYY-MM-DD` (default: the UTC date of `now`). */
  today?: () => string;
  /** Clock in milliseconds (default `Date.now`). */
  now?: () => number;
  /** Specwright's built-in `prompts/` folder (default: the one shipped with the package). */
  builtinPromptsDir?: string;
}

/**
 * The spec engine over a model: system specs by phase with the consistency review, one
 * implementation spec, revisions and the review alone (see `SpecEngine`). Each call is one job
 * with its own token budget (`budgets.maxTokensPerJob`); prompts are loaded per call, so a
 * repository's prompt overrides apply at the snapshot's commit.
 */
export function createSpecEngine(options: SpecEngineOptions): SpecEngine {
  const now = options.now ?? Date.now;
  const deps: SpecEngineDeps = {
    model: options.model,
    now,
    today: options.today ?? (() => new Date(now()).toISOString().slice(0, 10)),
    builtinPromptsDir: options.builtinPromptsDir ?? builtinPromptsDir(),
  };
  return {
    generateSystemSpecs: (request) => generateSystemSpecs(deps, request),
    async generateImplementationSpec(request) {
      const prompts = await loadEnginePrompts(deps, request.snapshot, request.config);
      return writeImplementationSpec({
        model: deps.model,
        snapshot: request.snapshot,
        config: request.config,
        repoName: request.repoName,
        prompts,
        budget: new TokenBudget(request.config.budgets.maxTokensPerJob),
        today: deps.today(),
        discovery: request.discovery,
        outputPath: request.outputPath,
        now: deps.now,
        ...(request.onProgress ? { onProgress: request.onProgress } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    },
    reviseSpec: (request) => reviseSpec(deps, request),
    reviewSpecs: (request) => reviewSpecs(deps, request),
  };
}
