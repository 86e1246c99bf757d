import { afterEach, describe, expect, it, vi } from "vitest";
import { createDeliveryActivity } from "../../../src/adapters/queue/create-delivery-activity.js";

/** Runs every pending immediate and the microtasks they queue. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Starts waiting and reports whether the wait has ended so far. */
function watch(promise: Promise<void>): { readonly released: boolean } {
  const state = { released: false };
  void promise.then(() => (state.released = true));
  return state;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("createDeliveryActivity", () => {
  it("lets job work go on a later turn of the event loop when no delivery is in flight", async () => {
    const activity = createDeliveryActivity({ quietMs: 60_000 });
    const wait = watch(activity.whenQuiet());
    await Promise.resolve();
    expect(wait.released).toBe(false);
    await nextTurn();
    await nextTurn();
    expect(wait.released).toBe(true);
  });

  it("holds job work while a delivery is in flight and releases it after the answer", async () => {
    const activity = createDeliveryActivity({ maxHoldMs: 60_000, quietMs: 0 });
    const end = activity.begin();
    const first = watch(activity.whenQuiet());
    const second = watch(activity.whenQuiet());
    for (let i = 0; i < 5; i++) await nextTurn();
    expect([first.released, second.released, activity.inFlight]).toEqual([false, false, 1]);

    end();
    expect(activity.inFlight).toBe(0);
    await nextTurn();
    await nextTurn();
    expect([first.released, second.released]).toEqual([true, true]);
  });

  it("keeps holding when another delivery begins before the release turn", async () => {
    const activity = createDeliveryActivity({ maxHoldMs: 60_000, quietMs: 0 });
    const endFirst = activity.begin();
    const wait = watch(activity.whenQuiet());
    endFirst();
    const endSecond = activity.begin();
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(wait.released).toBe(false);
    endSecond();
    await nextTurn();
    await nextTurn();
    expect(wait.released).toBe(true);
  });

  it("counts each delivery once however often its end is reported", async () => {
    const activity = createDeliveryActivity({ maxHoldMs: 60_000, quietMs: 0 });
    const endA = activity.begin();
    const endB = activity.begin();
    endA();
    endA();
    expect(activity.inFlight).toBe(1);
    const wait = watch(activity.whenQuiet());
    for (let i = 0; i < 3; i++) await nextTurn();
    expect(wait.released).toBe(false);
    endB();
    await nextTurn();
    await nextTurn();
    expect([wait.released, activity.inFlight]).toEqual([true, 0]);
  });

  it("waits until no delivery has been in flight for quietMs, measured from the last one's end", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const activity = createDeliveryActivity({ maxHoldMs: 60_000, quietMs: 15 });
    const endFirst = activity.begin();
    const wait = watch(activity.whenQuiet());
    endFirst();
    await vi.advanceTimersByTimeAsync(10);
    // A second delivery of the same burst, 10 ms later: the quiet period starts again at its end.
    const endSecond = activity.begin();
    await vi.advanceTimersByTimeAsync(2);
    endSecond();
    await vi.advanceTimersByTimeAsync(14);
    await nextTurn();
    expect(wait.released).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await nextTurn();
    await nextTurn();
    expect(wait.released).toBe(true);
  });

  it("releases job work after maxHoldMs when deliveries never stop", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const activity = createDeliveryActivity({ maxHoldMs: 250 });
    activity.begin();
    const wait = watch(activity.whenQuiet());
    await vi.advanceTimersByTimeAsync(249);
    expect(wait.released).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(wait.released).toBe(true);
    expect(activity.inFlight).toBe(1);
  });

  it("forgets a waiter its maxHoldMs released, and clears the timer of one released when quiet", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const activity = createDeliveryActivity({ maxHoldMs: 10, quietMs: 0 });
    const end = activity.begin();
    const timedOut = watch(activity.whenQuiet());
    expect([activity.waiting, vi.getTimerCount()]).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(10);
    expect([timedOut.released, activity.waiting, vi.getTimerCount()]).toEqual([true, 0, 0]);

    const quiet = watch(activity.whenQuiet());
    expect([activity.waiting, vi.getTimerCount()]).toEqual([1, 1]);
    end();
    await nextTurn();
    await nextTurn();
    expect([quiet.released, activity.waiting, vi.getTimerCount()]).toEqual([true, 0, 0]);
  });

  it("reports only the first start and the last end of overlapping deliveries", () => {
    const changes: boolean[] = [];
    const activity = createDeliveryActivity({ onBusyChange: (busy) => changes.push(busy) });
    const first = activity.begin();
    const second = activity.begin();
    first();
    first();
    expect(changes).toEqual([true]);
    second();
    const third = activity.begin();
    third();
    expect(changes).toEqual([true, false, true, false]);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects maxHoldMs or quietMs %s", (value) => {
    expect(() => createDeliveryActivity({ maxHoldMs: value })).toThrow("maxHoldMs must be");
    expect(() => createDeliveryActivity({ quietMs: value })).toThrow("quietMs must be");
  });
});
