/** Characters per token assumed by `estimateTokens`. */
export const CHARS_PER_TOKEN = 4;

/**
 * Estimates how many tokens a text of `chars` characters costs, without calling a tokenizer.
 *
 * Method: about 4 characters per token, rounded up. That is the usual rule of thumb for
 * English prose and source code with Claude's tokenizer; dense code, non-English text and
 * long numbers or hashes tokenize worse (fewer characters per token), so treat the result as
 * a planning figure that can be off by ±25 %, not as a bill. Negative, fractional or
 * non-finite inputs are handled: anything that is not a positive number gives 0.
 *
 * The planner adds the estimates of everything an agent is sent up front (instructions,
 * brief, template, registry, earlier specs, key files); tool definitions and later turns are
 * not included.
 */
export function estimateTokens(chars: number): number {
  if (!Number.isFinite(chars) || chars <= 0) return 0;
  return Math.ceil(chars / CHARS_PER_TOKEN);
}
