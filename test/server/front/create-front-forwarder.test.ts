import { afterEach, describe, expect, it, vi } from "vitest";
import { createDeliveryActivity } from "../../../src/adapters/queue/create-delivery-activity.js";
import {
  createFrontForwarder,
  type FrontForwarderOptions,
} from "../../../src/server/front/create-front-forwarder.js";
import type { FrontMessage } from "../../../src/server/front/front-messages.js";

const delivery = (id: string) => ({ id, name: "issues", body: `{"n":"${id}"}` });
const QUEUED = { kind: "handled", outcome: { status: "queued", jobId: "j", key: "k" } } as const;

function setUp(options: Partial<FrontForwarderOptions> = {}) {
  const activity = createDeliveryActivity({ quietMs: 0, maxHoldMs: 60_000 });
  const sent: FrontMessage[] = [];
  let flushed = 0;
  const forwarder = createFrontForwarder({
    activity,
    send: (message) => sent.push(message),
    onFlushed: () => (flushed += 1),
    ...options,
  });
  return { activity, forwarder, sent, flushes: () => flushed };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("createFrontForwarder", () => {
  it("sends a lone delivery at once and answers with what the jobs process says", async () => {
    const { forwarder, sent } = setUp();
    const answer = forwarder.accept(delivery("a"));
    expect(sent).toEqual([{ type: "delivery", seq: 1, delivery: delivery("a") }]);
    forwarder.onAnswer({ type: "acceptance", seq: 1, acceptance: QUEUED });
    await expect(answer).resolves.toEqual(QUEUED);
  });

  it("rejects a lone delivery's answer when receiving it failed in the jobs process", async () => {
    const { forwarder } = setUp();
    const answer = forwarder.accept(delivery("a"));
    forwarder.onAnswer({ type: "failed", seq: 1, message: "enqueue failed" });
    await expect(answer).rejects.toThrow("enqueue failed");
  });

  it("answers 202 when the jobs process does not answer in time, and ignores its late answer", async () => {
    vi.useFakeTimers();
    const { forwarder } = setUp({ answerTimeoutMs: 100 });
    const answer = forwarder.accept(delivery("a"));
    await vi.advanceTimersByTimeAsync(100);
    await expect(answer).resolves.toEqual({ kind: "deferred", ahead: 0 });
    expect(() => forwarder.onAnswer({ type: "acceptance", seq: 1, acceptance: QUEUED })).not.toThrow();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("batches a burst's deliveries, answered 202 at once, and sends them in one message once it is answered", async () => {
    const { activity, forwarder, sent, flushes } = setUp();
    const ends = [activity.begin(), activity.begin(), activity.begin()];
    const answers = await Promise.all(["a", "b", "c"].map((id) => forwarder.accept(delivery(id))));
    expect(answers).toEqual([
      { kind: "deferred", ahead: 0 },
      { kind: "deferred", ahead: 1 },
      { kind: "deferred", ahead: 2 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([sent, forwarder.batched]).toEqual([[], 3]);

    for (const end of ends) end();
    await expect
      .poll(() => sent)
      .toEqual([{ type: "deliveries", deliveries: [delivery("a"), delivery("b"), delivery("c")] }]);
    expect([forwarder.batched, flushes()]).toEqual([0, 1]);
  });

  it("batches a lone delivery behind batched ones, so it cannot overtake them", async () => {
    const { activity, forwarder, sent } = setUp();
    const end = activity.begin();
    activity.begin();
    await forwarder.accept(delivery("a"));
    end(); // one delivery in flight again, but "a" is still batched
    await expect(forwarder.accept(delivery("b"))).resolves.toEqual({ kind: "deferred", ahead: 1 });
    forwarder.flush();
    expect(sent).toEqual([{ type: "deliveries", deliveries: [delivery("a"), delivery("b")] }]);
  });

  it("sends a full batch without waiting for quiet", async () => {
    const { activity, forwarder, sent } = setUp({ maxBatch: 2 });
    activity.begin();
    activity.begin();
    for (const id of ["a", "b", "c"]) await forwarder.accept(delivery(id));
    expect(sent).toEqual([{ type: "deliveries", deliveries: [delivery("a"), delivery("b")] }]);
    expect(forwarder.batched).toBe(1);
  });
});
