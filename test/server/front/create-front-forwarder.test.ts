import { afterEach, describe, expect, it, vi } from "vitest";
import { createDeliveryActivity } from "../../../src/adapters/queue/create-delivery-activity.js";
import type { Acceptance } from "../../../src/server/create-delivery-inbox.js";
import {
  createFrontForwarder,
  type FrontForwarderOptions,
} from "../../../src/server/front/create-front-forwarder.js";
import type { FrontMessage } from "../../../src/server/front/front-messages.js";

const delivery = (id: string, body = `{"n":"${id}"}`) => ({ id, name: "issues", body });
const QUEUED = { kind: "handled", outcome: { status: "queued", jobId: "j", key: "k" } } as const;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A forwarder whose channel hands each message over only when the test says so (`deliver`). */
function setUp(options: Partial<FrontForwarderOptions> = {}) {
  const activity = createDeliveryActivity();
  const sent: FrontMessage[] = [];
  const handOver: ((error?: Error | null) => void)[] = [];
  const late: [string, string][] = [];
  const forwarder = createFrontForwarder({
    activity,
    send: (message, done) => {
      sent.push(message);
      if (done) handOver.push(done);
    },
    onLateProblem: (id, problem) => late.push([id, problem]),
    ...options,
  });
  /** Settles every send so far, with `error` if given. */
  const deliver = (error?: Error) => handOver.splice(0).forEach((done) => done(error ?? null));
  /** Marks `n` deliveries in flight on this front (a burst). */
  const burst = (n: number) => Array.from({ length: n }, () => activity.begin());
  /** Resolves to the answers settled so far (`pending` for the others). */
  const peek = async (answers: Promise<Acceptance>[]) => {
    const states = answers.map(() => "pending" as Acceptance | "pending" | "rejected");
    answers.forEach((a, i) =>
      a.then(
        (v) => (states[i] = v),
        () => (states[i] = "rejected"),
      ),
    );
    await nextTurn();
    return states;
  };
  return { forwarder, sent, deliver, burst, peek, late };
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

  it("answers 202 when the jobs process is slow, and still reports a failure that comes later", async () => {
    vi.useFakeTimers();
    const { forwarder, late, deliver } = setUp({ answerTimeoutMs: 100 });
    const slow = forwarder.accept(delivery("slow-1"));
    const slowToo = forwarder.accept(delivery("slow-2"));
    deliver();
    await vi.advanceTimersByTimeAsync(100);
    await expect(Promise.all([slow, slowToo])).resolves.toEqual([
      { kind: "deferred", ahead: 0 },
      { kind: "deferred", ahead: 0 },
    ]);
    forwarder.onAnswer({ type: "failed", seq: 1, message: "enqueue failed" });
    forwarder.onAnswer({ type: "acceptance", seq: 2, acceptance: QUEUED });
    forwarder.onAnswer({ type: "failed", seq: 1, message: "the same answer twice is ignored" });
    expect(late).toEqual([["slow-1", "enqueue failed"]]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("after the timeout, answers only once the delivery is in the channel, or fails with it", async () => {
    vi.useFakeTimers();
    const { forwarder, deliver, peek } = setUp({ answerTimeoutMs: 100 });
    const stuck = forwarder.accept(delivery("stuck"));
    await vi.advanceTimersByTimeAsync(100);
    vi.useRealTimers();
    expect(await peek([stuck])).toEqual(["pending"]);
    deliver();
    await expect(stuck).resolves.toEqual({ kind: "deferred", ahead: 0 });

    vi.useFakeTimers();
    const lost = forwarder.accept(delivery("lost"));
    await vi.advanceTimersByTimeAsync(100);
    deliver(new Error("channel closed"));
    await expect(lost).rejects.toThrow("could not hand the delivery over: channel closed");
  });

  it("sends a burst's deliveries of one turn in one message and answers 202 only once it is handed over", async () => {
    const { forwarder, sent, deliver, burst, peek } = setUp();
    burst(3);
    const answers = ["a", "b", "c"].map((id) => forwarder.accept(delivery(id)));
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual([{ type: "deliveries", deliveries: [delivery("a"), delivery("b"), delivery("c")] }]);
    expect(await peek(answers)).toEqual(["pending", "pending", "pending"]);

    deliver();
    await expect(Promise.all(answers)).resolves.toEqual([
      { kind: "deferred", ahead: 0 },
      { kind: "deferred", ahead: 1 },
      { kind: "deferred", ahead: 2 },
    ]);
  });

  it("right after a batch, collects deliveries for batchIntervalMs and sends them in the next message", async () => {
    vi.useFakeTimers();
    const { forwarder, sent, deliver, burst } = setUp({ batchIntervalMs: 10, now: () => Date.now() });
    burst(4);
    void forwarder.accept(delivery("a"));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ type: "deliveries", deliveries: [delivery("a")] }]);

    const later = ["b", "c"].map((id) => forwarder.accept(delivery(id)));
    await vi.advanceTimersByTimeAsync(9);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent[1]).toEqual({ type: "deliveries", deliveries: [delivery("b"), delivery("c")] });
    deliver();
    await expect(Promise.all(later)).resolves.toEqual([
      { kind: "deferred", ahead: 0 },
      { kind: "deferred", ahead: 1 },
    ]);

    // After a pause longer than the interval, the next batch goes on the next turn again.
    await vi.advanceTimersByTimeAsync(50);
    void forwarder.accept(delivery("d"));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent[2]).toEqual({ type: "deliveries", deliveries: [delivery("d")] });
  });

  it("fails the answers of a batch the channel would not take, so they are not acknowledged", async () => {
    const { forwarder, deliver, burst } = setUp();
    burst(2);
    const answers = ["a", "b"].map((id) => forwarder.accept(delivery(id)));
    await nextTurn();
    deliver(new Error("channel closed"));
    for (const answer of answers) await expect(answer).rejects.toThrow("could not hand the delivery over");
  });

  it("puts a lone delivery behind batched ones, so it cannot overtake them", async () => {
    const { forwarder, sent, burst } = setUp();
    const [first] = burst(2);
    void forwarder.accept(delivery("a"));
    first?.(); // one delivery in flight again, but "a" has not been sent yet
    void forwarder.accept(delivery("b"));
    await nextTurn();
    expect(sent).toEqual([{ type: "deliveries", deliveries: [delivery("a"), delivery("b")] }]);
  });

  it("puts a lone delivery behind a batch that waits for the interval", async () => {
    vi.useFakeTimers();
    const { forwarder, sent, burst } = setUp({ batchIntervalMs: 10, now: () => Date.now() });
    const [first, second] = burst(3);
    void forwarder.accept(delivery("a"));
    await vi.advanceTimersByTimeAsync(0);
    void forwarder.accept(delivery("b")); // waits for the interval
    first?.();
    second?.(); // one delivery in flight again, but "b" has not been sent yet
    void forwarder.accept(delivery("c"));
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual([
      { type: "deliveries", deliveries: [delivery("a")] },
      { type: "deliveries", deliveries: [delivery("b"), delivery("c")] },
    ]);
  });

  it("sends a batch early once its bodies pass maxBatchBytes, and the rest after the interval", async () => {
    vi.useFakeTimers();
    const { forwarder, sent, burst } = setUp({
      maxBatchBytes: 20,
      batchIntervalMs: 10,
      now: () => Date.now(),
    });
    burst(2);
    for (const id of ["a", "b", "c"]) void forwarder.accept(delivery(id, "x".repeat(12)));
    expect(sent).toEqual([
      { type: "deliveries", deliveries: [delivery("a", "x".repeat(12)), delivery("b", "x".repeat(12))] },
    ]);
    // "c" waits the interval out: the early send counts as the last batch.
    await vi.advanceTimersByTimeAsync(9);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([
      { type: "deliveries", deliveries: [delivery("a", "x".repeat(12)), delivery("b", "x".repeat(12))] },
      { type: "deliveries", deliveries: [delivery("c", "x".repeat(12))] },
    ]);
  });
});
