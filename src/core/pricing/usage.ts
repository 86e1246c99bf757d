/**
 * Token usage of one model call or of many added up. Input is split the way the Messages API
 * reports it: `inputTokens` are the uncached input tokens only; tokens read from or written to
 * the prompt cache are counted separately.
 */
export interface Usage {
  /** Input tokens that were neither read from nor written to the cache. */
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the prompt cache (billed at a fraction of the input price). */
  cacheReadInputTokens: number;
  /** Input tokens written to the prompt cache (billed above the input price). */
  cacheCreationInputTokens: number;
}

/** Usage of nothing: the start value for sums. */
export const EMPTY_USAGE: Readonly<Usage> = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadInputTokens: 0,
  cacheCreationInputTokens: 0,
});

/** Adds two usages field by field. */
export function addUsage(a: Readonly<Usage>, b: Readonly<Usage>): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadInputTokens: a.cacheReadInputTokens + b.cacheReadInputTokens,
    cacheCreationInputTokens: a.cacheCreationInputTokens + b.cacheCreationInputTokens,
  };
}

/** Every input token the model processed: uncached + cache reads + cache writes. */
export function totalInputTokens(usage: Readonly<Usage>): number {
  return usage.inputTokens + usage.cacheReadInputTokens + usage.cacheCreationInputTokens;
}
