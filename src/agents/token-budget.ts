/** Tokens set aside for a model call in flight. Release or consume it exactly once. */
export interface BudgetReservation {
  readonly tokens: number;
}

/**
 * The token budget of one job (`budgets.maxTokensPerJob`), shared by all its agents, which may
 * run concurrently. Before a model call an agent `reserve`s what the call may cost (estimated
 * input + `max_tokens`); if that does not fit in what is left, the agent stops instead of
 * overshooting. After the call it `consume`s the real usage, which releases the reservation.
 * Counts input (uncached + cache reads + cache writes) plus output tokens.
 */
export class TokenBudget {
  #used = 0;
  #reserved = 0;
  readonly #open = new Set<BudgetReservation>();

  constructor(readonly limit: number) {
    if (!Number.isFinite(limit) || limit < 0)
      throw new RangeError(`TokenBudget limit must be a non-negative number, got ${limit}`);
  }

  /** Tokens consumed so far. */
  get used(): number {
    return this.#used;
  }

  /** Tokens held by calls in flight. */
  get reserved(): number {
    return this.#reserved;
  }

  /** Tokens neither used nor reserved. */
  remaining(): number {
    return Math.max(0, this.limit - this.#used - this.#reserved);
  }

  /** Sets `tokens` aside for a call; `undefined` when they do not fit in what is left. */
  reserve(tokens: number): BudgetReservation | undefined {
    const amount = Math.max(0, Math.ceil(tokens));
    if (amount > this.remaining()) return undefined;
    const reservation: BudgetReservation = { tokens: amount };
    this.#open.add(reservation);
    this.#reserved += amount;
    return reservation;
  }

  /** Gives a reservation back unused (the call failed). Releasing twice is a no-op. */
  release(reservation: BudgetReservation): void {
    if (!this.#open.delete(reservation)) return;
    this.#reserved -= reservation.tokens;
  }

  /** Records tokens a call really used, releasing its reservation. May go over the limit: usage is a fact. */
  consume(tokens: number, reservation?: BudgetReservation): void {
    if (reservation) this.release(reservation);
    this.#used += Math.max(0, tokens);
  }
}
