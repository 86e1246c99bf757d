import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createIdleCollector } from "../../../src/server/front/create-idle-collector.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function collector(idleMs?: number) {
  let collections = 0;
  const onBusyChange = createIdleCollector({
    collect: () => void (collections += 1),
    ...(idleMs === undefined ? {} : { idleMs }),
  });
  return { onBusyChange, collections: () => collections };
}

describe("createIdleCollector", () => {
  it("collects once a front has been idle for 20 ms", () => {
    const { onBusyChange, collections } = collector();
    onBusyChange(true);
    vi.advanceTimersByTime(100);
    expect(collections()).toBe(0);
    onBusyChange(false);
    vi.advanceTimersByTime(19);
    expect(collections()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(collections()).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(collections()).toBe(1);
  });

  it("does not collect when a burst starts before the front has been idle long enough", () => {
    const { onBusyChange, collections } = collector(20);
    onBusyChange(true);
    onBusyChange(false);
    vi.advanceTimersByTime(15);
    onBusyChange(true);
    vi.advanceTimersByTime(100);
    expect(collections()).toBe(0);
    onBusyChange(false);
    vi.advanceTimersByTime(20);
    expect(collections()).toBe(1);
  });

  it("collects once per idle period, however often the front was busy before it", () => {
    const { onBusyChange, collections } = collector(5);
    for (let i = 0; i < 10; i++) {
      onBusyChange(true);
      vi.advanceTimersByTime(1);
      onBusyChange(false);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(5);
    expect(collections()).toBe(1);
  });

  it("leaves the process free to exit while it waits", () => {
    const setTimer = vi.spyOn(globalThis, "setTimeout");
    collector().onBusyChange(false);
    const handle = setTimer.mock.results[0]?.value as { hasRef(): boolean } | undefined;
    expect(handle?.hasRef()).toBe(false);
  });

  it("reports a collection that throws and goes on collecting", () => {
    const problems: unknown[] = [];
    let calls = 0;
    const onBusyChange = createIdleCollector({
      collect: () => {
        calls += 1;
        throw new Error("collect failed");
      },
      onError: (error) => problems.push(error),
    });
    onBusyChange(false);
    expect(() => vi.advanceTimersByTime(20)).not.toThrow();
    onBusyChange(true);
    onBusyChange(false);
    vi.advanceTimersByTime(20);
    expect(calls).toBe(2);
    expect(problems).toEqual([new Error("collect failed"), new Error("collect failed")]);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("refuses idleMs %s", (idleMs) => {
    expect(() => createIdleCollector({ collect: () => undefined, idleMs })).toThrow(RangeError);
  });
});
