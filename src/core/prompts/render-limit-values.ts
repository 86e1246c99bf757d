/** An agent's limits, as stated in its first message. */
export interface PromptLimits {
  maxTurns: number;
  /** Input tokens summed over all turns. */
  maxInputTokens: number;
  /** Output tokens summed over all turns. */
  maxOutputTokens: number;
}

const grouped = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * The values of the `{{maxTurns}}`, `{{maxInputTokens}}` and `{{maxOutputTokens}}`
 * placeholders every prompt's first message may use: the numbers with thousands separators
 * (`1,500,000`). Deterministic.
 */
export function renderLimitValues(
  limits: PromptLimits,
): Record<"maxTurns" | "maxInputTokens" | "maxOutputTokens", string> {
  return {
    maxTurns: grouped(limits.maxTurns),
    maxInputTokens: grouped(limits.maxInputTokens),
    maxOutputTokens: grouped(limits.maxOutputTokens),
  };
}
