import { totalInputTokens, type Usage } from "../core/pricing/usage.js";
import type { BudgetReservation, TokenBudget } from "./token-budget.js";

/** The job-budget side of one model call: what it holds, and how it is settled. */
export interface CallReservation {
  /**
   * For `SendOptions.mayRetry`: before the adapter retries an attempt that cost tokens, also
   * sets aside what the failed attempts spent (they are a fact), so the retry is still covered
   * by the original reservation. False when that does not fit: the call gives up instead.
   */
  mayRetry(spent: Usage): boolean;
  /** Consumes what the call really used (all attempts) and releases everything held. */
  settle(usage: Usage | undefined): void;
}

const tokensOf = (usage: Usage) => totalInputTokens(usage) + usage.outputTokens;

/**
 * Reserves `tokens` of the job's budget for one model call; `undefined` when they do not fit.
 * Together with a reservation that bounds the call from above (exact input of the previous
 * turn, UTF-8 bytes of what is new, `max_tokens`) and `mayRetry`, the job cannot spend more
 * than its limit.
 */
export function reserveCall(budget: TokenBudget, tokens: number): CallReservation | undefined {
  const main = budget.reserve(tokens);
  if (!main) return undefined;
  const extra: BudgetReservation[] = [];
  let extraTokens = 0;
  return {
    mayRetry(spent) {
      const need = tokensOf(spent) - extraTokens;
      if (need <= 0) return true;
      const more = budget.reserve(need);
      if (!more) return false;
      extra.push(more);
      extraTokens += more.tokens;
      return true;
    },
    settle(usage) {
      for (const r of extra) budget.release(r);
      if (usage) budget.consume(tokensOf(usage), main);
      else budget.release(main);
    },
  };
}
