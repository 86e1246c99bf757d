import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../src/core/limits/create-rate-limiter.js";

function limiter(max: number, windowMs: number, maxKeys?: number) {
  let now = 1_000_000;
  const l = createRateLimiter({ max, windowMs, now: () => now, ...(maxKeys ? { maxKeys } : {}) });
  return { take: (key: string) => l.take(key), advance: (ms: number) => (now += ms) };
}

describe("createRateLimiter", () => {
  it("allows max events per sliding window and says when the next one fits", () => {
    const l = limiter(2, 60_000);
    expect(l.take("a#1")).toEqual({ allowed: true, remaining: 1 });
    l.advance(10_000);
    expect(l.take("a#1")).toEqual({ allowed: true, remaining: 0 });
    l.advance(5_000);
    expect(l.take("a#1")).toEqual({ allowed: false, retryAfterMs: 45_000, firstRefusal: true });
    expect(l.take("a#1")).toEqual({ allowed: false, retryAfterMs: 45_000, firstRefusal: false });
    l.advance(45_000);
    expect(l.take("a#1")).toEqual({ allowed: true, remaining: 0 });
  });

  it("counts keys separately and does not count refused events", () => {
    const l = limiter(1, 1000);
    expect(l.take("a#1").allowed).toBe(true);
    expect(l.take("a#2").allowed).toBe(true);
    for (let i = 0; i < 5; i += 1) expect(l.take("a#1").allowed).toBe(false);
    l.advance(1000);
    expect(l.take("a#1")).toMatchObject({ allowed: true });
    l.advance(10);
    expect(l.take("a#1")).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it("forgets the least recently used keys beyond maxKeys", () => {
    const l = limiter(1, 60_000, 2);
    l.take("a");
    l.take("b");
    l.take("c");
    expect(l.take("a").allowed).toBe(true);
    expect(l.take("c").allowed).toBe(false);
  });

  it.each([
    [0, 1000],
    [1.5, 1000],
    [1, 0],
  ])("rejects max %s / window %s", (max, windowMs) => {
    expect(() => createRateLimiter({ max, windowMs, now: () => 0 })).toThrow(RangeError);
  });
});
