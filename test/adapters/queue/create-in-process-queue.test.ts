import { describe, expect, it } from "vitest";
import { createInProcessQueue } from "../../../src/adapters/queue/create-in-process-queue.js";
import type { QueuedJob } from "../../../src/ports/job-queue.js";

interface Payload {
  name: string;
}

/** A queue whose jobs finish only when the test says so; records what ran and when. */
function harness(concurrency: number) {
  const events: string[] = [];
  const gates = new Map<string, () => void>();
  const failures = new Set<string>();
  const errors: { error: unknown; job: QueuedJob<Payload> }[] = [];
  let running = 0;
  let maxRunning = 0;
  const queue = createInProcessQueue<Payload>({
    concurrency,
    now: () => new Date("2025-01-02T03:04:05Z"),
    async run(job) {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      events.push(`start ${job.payload.name}`);
      await new Promise<void>((resolve) => gates.set(job.payload.name, resolve));
      running -= 1;
      events.push(`end ${job.payload.name}`);
      if (failures.has(job.payload.name)) throw new Error(`${job.payload.name} broke`);
    },
    onError: (error, job) => errors.push({ error, job }),
  });
  /** Lets the queue's scheduled starts and promise callbacks run. */
  const flush = async () => {
    for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  const finish = async (name: string) => {
    const gate = gates.get(name);
    if (!gate) throw new Error(`${name} is not running (events: ${events.join(", ")})`);
    gates.delete(name);
    gate();
    await flush();
  };
  return { queue, events, errors, failures, finish, flush, maxRunning: () => maxRunning };
}

describe("createInProcessQueue", () => {
  it("never runs more than `concurrency` jobs at once and runs every job", async () => {
    const h = harness(2);
    for (const name of ["a", "b", "c", "d", "e"]) {
      await h.queue.enqueue({ key: name, lane: `lane-${name}`, payload: { name } });
    }
    await h.flush();
    expect(h.events).toEqual(["start a", "start b"]);
    expect(h.queue.stats()).toMatchObject({ running: 2, queued: 3, activeLanes: 5, concurrency: 2 });
    await h.finish("a");
    expect(h.events).toEqual(["start a", "start b", "end a", "start c"]);
    for (const name of ["b", "c", "d", "e"]) await h.finish(name);
    await h.queue.onIdle();
    expect(h.maxRunning()).toBe(2);
    expect(h.events.filter((e) => e.startsWith("end"))).toEqual([
      "end a",
      "end b",
      "end c",
      "end d",
      "end e",
    ]);
    expect(h.queue.stats()).toMatchObject({ running: 0, queued: 0, activeLanes: 0, succeeded: 5, failed: 0 });
  });

  it("runs one job per lane at a time, in arrival order, while other lanes proceed", async () => {
    const h = harness(4);
    await h.queue.enqueue({ key: "1", lane: "acme/w#specwright/a", payload: { name: "a1" } });
    await h.queue.enqueue({ key: "2", lane: "acme/w#specwright/a", payload: { name: "a2" } });
    await h.queue.enqueue({ key: "3", lane: "acme/w#specwright/b", payload: { name: "b1" } });
    await h.queue.enqueue({ key: "4", lane: "acme/w#specwright/a", payload: { name: "a3" } });
    await h.flush();
    expect(h.events).toEqual(["start a1", "start b1"]);
    await h.finish("b1");
    expect(h.events).toEqual(["start a1", "start b1", "end b1"]);
    await h.finish("a1");
    await h.finish("a2");
    await h.finish("a3");
    expect(h.events).toEqual([
      "start a1",
      "start b1",
      "end b1",
      "end a1",
      "start a2",
      "end a2",
      "start a3",
      "end a3",
    ]);
  });

  it("coalesces a job whose key is queued or running into it, and accepts the key again once it settled", async () => {
    const h = harness(1);
    const first = await h.queue.enqueue({ key: "regen:all", lane: "l1", payload: { name: "first" } });
    const blocker = await h.queue.enqueue({ key: "other", lane: "l2", payload: { name: "blocker" } });
    // `first` is running; a job behind it in another lane keeps `queuedTwin` waiting for a slot.
    const runningTwin = await h.queue.enqueue({ key: "regen:all", lane: "l1", payload: { name: "twin" } });
    const queuedKey = await h.queue.enqueue({ key: "check", lane: "l3", payload: { name: "check" } });
    const queuedTwin = await h.queue.enqueue({ key: "check", lane: "l3", payload: { name: "check twin" } });
    expect([first.status, blocker.status, queuedKey.status]).toEqual(["queued", "queued", "queued"]);
    expect(runningTwin).toEqual({ status: "coalesced", jobId: first.jobId });
    expect(queuedTwin).toEqual({ status: "coalesced", jobId: queuedKey.jobId });
    await h.flush();
    await h.finish("first");
    await h.finish("blocker");
    await h.finish("check");
    await h.queue.onIdle();
    expect(h.events.filter((e) => e.startsWith("start"))).toEqual([
      "start first",
      "start blocker",
      "start check",
    ]);
    expect(h.queue.stats()).toMatchObject({ coalesced: 2, succeeded: 3 });

    const again = await h.queue.enqueue({ key: "regen:all", lane: "l1", payload: { name: "again" } });
    expect(again.status).toBe("queued");
    expect(again.jobId).not.toBe(first.jobId);
    await h.flush();
    await h.finish("again");
  });

  it("drops a redelivered webhook (same delivery id and key) even after its job finished", async () => {
    const h = harness(2);
    const original = await h.queue.enqueue({
      key: "spec:docs/a.md@1",
      lane: "l",
      deliveryId: "d-1",
      payload: { name: "a" },
    });
    // One push delivery may create several jobs: a different key with the same delivery id is new work.
    const sibling = await h.queue.enqueue({
      key: "spec:docs/b.md@1",
      lane: "m",
      deliveryId: "d-1",
      payload: { name: "b" },
    });
    await h.flush();
    await h.finish("a");
    await h.finish("b");
    await h.queue.onIdle();
    const redelivered = await h.queue.enqueue({
      key: "spec:docs/a.md@1",
      lane: "l",
      deliveryId: "d-1",
      payload: { name: "a" },
    });
    expect(sibling.status).toBe("queued");
    expect(redelivered).toEqual({ status: "duplicate-delivery", jobId: original.jobId });
    expect(h.queue.stats()).toMatchObject({ duplicateDeliveries: 1, succeeded: 2, queued: 0 });
  });

  it("forgets the oldest deliveries beyond `recentDeliveries`", async () => {
    const ran: string[] = [];
    const queue = createInProcessQueue<Payload>({
      concurrency: 1,
      recentDeliveries: 2,
      run: async (job) => void ran.push(job.payload.name),
    });
    const send = async (id: string) =>
      (await queue.enqueue({ key: `k-${id}`, lane: "l", deliveryId: id, payload: { name: id } })).status;
    for (const id of ["d1", "d2", "d3"]) await send(id);
    await queue.onIdle();
    // d1 was evicted by d2 and d3; d3 is still remembered.
    expect([await send("d1"), await send("d3")]).toEqual(["queued", "duplicate-delivery"]);
    await queue.onIdle();
    expect(ran).toEqual(["d1", "d2", "d3", "d1"]);
  });

  it("reports a failing job to onError and keeps running the lane and the queue", async () => {
    const h = harness(1);
    h.failures.add("bad");
    await h.queue.enqueue({ key: "bad", lane: "l", payload: { name: "bad" } });
    await h.queue.enqueue({ key: "good", lane: "l", payload: { name: "good" } });
    await h.flush();
    await h.finish("bad");
    await h.finish("good");
    await h.queue.onIdle();
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0]?.job.key).toBe("bad");
    expect(String(h.errors[0]?.error)).toContain("bad broke");
    expect(h.events).toEqual(["start bad", "end bad", "start good", "end good"]);
    expect(h.queue.stats()).toMatchObject({ succeeded: 1, failed: 1 });
  });

  it("survives a job that throws synchronously and an onError that throws", async () => {
    const ran: string[] = [];
    const queue = createInProcessQueue<Payload>({
      concurrency: 1,
      run: (job) => {
        if (job.payload.name === "sync") throw new Error("sync throw");
        ran.push(job.payload.name);
        return Promise.resolve();
      },
      onError: () => {
        throw new Error("reporter broke");
      },
    });
    await queue.enqueue({ key: "1", lane: "l", payload: { name: "sync" } });
    await queue.enqueue({ key: "2", lane: "l", payload: { name: "next" } });
    await queue.onIdle();
    expect(ran).toEqual(["next"]);
    expect(queue.stats()).toMatchObject({ failed: 1, succeeded: 1 });
  });

  it("onIdle resolves at once when idle and only after every job (including ones enqueued meanwhile)", async () => {
    const h = harness(1);
    await expect(h.queue.onIdle()).resolves.toBeUndefined();
    await h.queue.enqueue({ key: "a", lane: "l", payload: { name: "a" } });
    let idle = false;
    const waiting = h.queue.onIdle().then(() => (idle = true));
    await h.flush();
    await h.queue.enqueue({ key: "b", lane: "l", payload: { name: "b" } });
    await h.finish("a");
    expect(idle).toBe(false);
    await h.finish("b");
    await waiting;
    expect(idle).toBe(true);
  });

  it("returns from enqueue before the job runs and hands the job a copy of its payload", async () => {
    let seen: QueuedJob<{ list: number[] }> | undefined;
    const queue = createInProcessQueue<{ list: number[] }>({
      concurrency: 1,
      run: async (job) => void (seen = job),
    });
    const payload = { list: [1, 2] };
    const result = await queue.enqueue({ key: "k", lane: "l", deliveryId: "d", payload });
    expect(seen).toBeUndefined();
    payload.list.push(3);
    await queue.onIdle();
    expect(seen).toEqual({
      id: result.jobId,
      key: "k",
      lane: "l",
      deliveryId: "d",
      payload: { list: [1, 2] },
      enqueuedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it.each([
    [{ key: "", lane: "l", payload: {} }, /key must be a non-empty string/],
    [{ key: "k", lane: " ", payload: {} }, /lane must be a non-empty string/],
    [{ key: "k", lane: "l", payload: { when: new Date(0) } }, /payload\.when is an instance of Date/],
    [{ key: "k", lane: "l", payload: { run: () => 1 } }, /payload\.run is a function/],
    [{ key: "k", lane: "l", payload: { n: Number.NaN } }, /payload\.n is NaN/],
    [{ key: "k", lane: "l", payload: { list: [1, undefined] } }, /payload\.list\[1\] is undefined/],
  ])("rejects a programming error without queueing it: %o", async (request, message) => {
    const queue = createInProcessQueue<unknown>({ concurrency: 1, run: async () => undefined });
    await expect(queue.enqueue(request)).rejects.toThrow(message);
    expect(queue.stats()).toMatchObject({ queued: 0, running: 0 });
  });

  it("rejects a circular payload", async () => {
    const queue = createInProcessQueue<unknown>({ concurrency: 1, run: async () => undefined });
    const loop: Record<string, unknown> = { name: "x" };
    loop.self = loop;
    await expect(queue.enqueue({ key: "k", lane: "l", payload: loop })).rejects.toThrow(
      /payload\.self is a circular reference/,
    );
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses concurrency %s", (concurrency) => {
    expect(() => createInProcessQueue({ concurrency, run: async () => undefined })).toThrow(
      /positive integer/,
    );
  });
});
