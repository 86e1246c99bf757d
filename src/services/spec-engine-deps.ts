import type { Config } from "../core/config/config-schema.js";
import type { LoadedPrompts } from "../core/prompts/prompt-types.js";
import type { ModelPort } from "../ports/model.js";
import type { RepoSnapshot } from "../ports/repo-snapshot.js";
import { loadPrompts } from "./load-prompts.js";
import type { ProgressEvent } from "./spec-engine.js";
import { readTextFile } from "./read-text-file.js";

/** What every engine use-case gets from `createSpecEngine`. */
export interface SpecEngineDeps {
  model: ModelPort;
  /** Today's date as `YYYY-MM-DD` (implementation specs' Meta table). */
  today: () => string;
  /** Clock in milliseconds, for durations and `startedAt`. */
  now: () => number;
  /** Specwright's built-in `prompts/` folder. */
  builtinPromptsDir: string;
}

/** Loads the prompt templates (repository overrides read from the snapshot). */
export function loadEnginePrompts(
  deps: Pick<SpecEngineDeps, "builtinPromptsDir">,
  snapshot: RepoSnapshot,
  config: Config,
): Promise<LoadedPrompts> {
  return loadPrompts({
    config,
    readRepoFile: (path) => readTextFile(snapshot, path),
    builtinDir: deps.builtinPromptsDir,
  });
}

/** Wraps a progress listener so that one that throws cannot break a run. */
export function safeProgress(
  listener: ((event: ProgressEvent) => void) | undefined,
): (event: ProgressEvent) => void {
  return (event) => {
    try {
      listener?.(event);
    } catch {
      // Progress display must never break a run.
    }
  };
}
