import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFrontActivity } from "../../../src/server/front/create-front-activity.js";
import type { FrontMessage } from "../../../src/server/front/front-messages.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createFrontActivity", () => {
  it("reports each busy period to the jobs process and collects the young generation once idle", () => {
    const sent: FrontMessage[] = [];
    const collections: unknown[] = [];
    const gc = ((options: unknown) => void collections.push(options)) as NodeJS.GCFunction;
    const activity = createFrontActivity({ send: (m) => sent.push(m), gc });

    const first = activity.begin();
    const second = activity.begin();
    first();
    expect(sent).toEqual([{ type: "busy", busy: true }]);
    second();
    expect(sent).toEqual([
      { type: "busy", busy: true },
      { type: "busy", busy: false },
    ]);
    expect(collections).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(collections).toEqual([{ type: "minor" }]);
  });

  it("leaves garbage collection to V8 when the front runs without --expose-gc", () => {
    const sent: FrontMessage[] = [];
    const activity = createFrontActivity({ send: (m) => sent.push(m), gc: undefined });
    activity.begin()();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([
      { type: "busy", busy: true },
      { type: "busy", busy: false },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("reports a collection that fails instead of throwing in a timer", () => {
    const problems: unknown[] = [];
    const gc = (() => {
      throw new Error("no heap");
    }) as NodeJS.GCFunction;
    const activity = createFrontActivity({
      send: () => undefined,
      gc,
      onCollectError: (error) => problems.push(error),
    });
    activity.begin()();
    expect(() => vi.advanceTimersByTime(20)).not.toThrow();
    expect(problems).toEqual([new Error("no heap")]);
  });
});
