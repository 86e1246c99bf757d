import { describe, expect, it } from "vitest";
import { TokenBudget } from "../../src/agents/token-budget.js";

describe("TokenBudget", () => {
  it("shares room between concurrent reservations and settles them with real usage", () => {
    const budget = new TokenBudget(10_000);
    const a = budget.reserve(4000);
    const b = budget.reserve(4000);
    if (!a || !b) throw new Error("both reservations should fit");
    expect(budget.remaining()).toBe(2000);
    expect(budget.reserve(2001)).toBeUndefined();

    budget.consume(2500, a);
    expect(budget).toMatchObject({ used: 2500, reserved: 4000 });
    expect(budget.remaining()).toBe(3500);

    budget.release(b);
    budget.release(b);
    expect(budget).toMatchObject({ used: 2500, reserved: 0 });
    expect(budget.remaining()).toBe(7500);
  });

  it("records usage beyond the limit (it is a fact) and then has no room", () => {
    const budget = new TokenBudget(1000);
    budget.consume(1500, budget.reserve(900));
    expect(budget.used).toBe(1500);
    expect(budget.remaining()).toBe(0);
    expect(budget.reserve(1)).toBeUndefined();
    expect(budget.reserve(0)).toEqual({ tokens: 0 });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects the limit %s", (limit) => {
    expect(() => new TokenBudget(limit)).toThrow(RangeError);
  });
});
