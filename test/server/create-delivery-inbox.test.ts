import { describe, expect, it } from "vitest";
import { createDeliveryActivity } from "../../src/adapters/queue/create-delivery-activity.js";
import type { NamedWebhookDelivery } from "../../src/handlers/handle-webhook.js";
import type { HandlerOutcome } from "../../src/handlers/handler-types.js";
import { createDeliveryInbox, type DeliveryInboxOptions } from "../../src/server/create-delivery-inbox.js";

const delivery = (id: string, body = `{"n":"${id}"}`) => ({ id, name: "issues", body });

function setUp(options: Partial<DeliveryInboxOptions> = {}) {
  const activity = createDeliveryActivity({ quietMs: 0, maxHoldMs: 60_000 });
  const received: string[] = [];
  const logged: { level: string; details: Record<string, unknown>; message: string }[] = [];
  const inbox = createDeliveryInbox({
    activity,
    receive: (d: NamedWebhookDelivery): Promise<HandlerOutcome> => {
      received.push(d.id);
      return Promise.resolve({ status: "queued", jobId: `job-${d.id}`, key: JSON.stringify(d.payload) });
    },
    log: {
      warn: (details, message) => logged.push({ level: "warn", details, message }),
      error: (details, message) => logged.push({ level: "error", details, message }),
    },
    ...options,
  });
  /** Marks `n` other deliveries in flight; returns what ends them. */
  const burst = (n: number) => {
    const ends = Array.from({ length: n }, () => activity.begin());
    return () => ends.forEach((end) => end());
  };
  return { activity, inbox, received, logged, burst };
}

describe("createDeliveryInbox", () => {
  it("receives a delivery that arrives alone at once and answers with its outcome", async () => {
    const { inbox, received, burst } = setUp();
    burst(1); // the delivery itself, as the webhook server counts it
    await expect(inbox.accept(delivery("a", '{"action":"labeled"}'))).resolves.toEqual({
      kind: "handled",
      outcome: { status: "queued", jobId: "job-a", key: '{"action":"labeled"}' },
    });
    expect(received).toEqual(["a"]);
  });

  it("reports a lone delivery whose body is not JSON without receiving it", async () => {
    const { inbox, received } = setUp();
    await expect(inbox.accept(delivery("a", "{not json"))).resolves.toEqual({ kind: "invalid-json" });
    expect(received).toEqual([]);
  });

  it("defers deliveries of a burst and receives them in arrival order once it is answered", async () => {
    const { inbox, received, burst } = setUp();
    const endBurst = burst(3);
    const answers = await Promise.all(["a", "b", "c"].map((id) => inbox.accept(delivery(id))));
    expect(answers).toEqual([
      { kind: "deferred", ahead: 0 },
      { kind: "deferred", ahead: 1 },
      { kind: "deferred", ahead: 2 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([received, inbox.pending]).toEqual([[], 3]);

    endBurst();
    await inbox.whenDrained();
    expect([received, inbox.pending]).toEqual([["a", "b", "c"], 0]);
  });

  it("never lets a lone delivery overtake deferred ones", async () => {
    const { inbox, received, burst } = setUp();
    const endBurst = burst(2);
    await inbox.accept(delivery("a"));
    endBurst();
    // Alone now, but "a" has not been received yet.
    await expect(inbox.accept(delivery("b"))).resolves.toEqual({ kind: "deferred", ahead: 1 });
    await inbox.whenDrained();
    expect(received).toEqual(["a", "b"]);
    await expect(inbox.accept(delivery("c"))).resolves.toMatchObject({ kind: "handled" });
  });

  it("logs a deferred delivery that is not JSON or whose receive fails, redacted, and goes on", async () => {
    const { activity, inbox, logged, received, burst } = setUp({
      receive: (d) => {
        received.push(d.id);
        return d.id === "b"
          ? Promise.reject(new Error("queue down, token ghs_abcdefghijklmnopqrstuvwxyz0123456789"))
          : Promise.resolve({ status: "ignored", reason: "test" });
      },
    });
    const endBurst = burst(2);
    for (const d of [delivery("a", "<html>"), delivery("b"), delivery("c")]) await inbox.accept(d);
    endBurst();
    await inbox.whenDrained();
    expect(received).toEqual(["b", "c"]);
    expect(logged).toEqual([
      {
        level: "warn",
        details: { delivery: "a", event: "issues" },
        message: "webhook ignored: its signed body is not JSON",
      },
      {
        level: "error",
        details: { delivery: "b", event: "issues" },
        message: expect.stringContaining("webhook issues b failed: queue down, token") as string,
      },
    ]);
    expect(logged[1]?.message).not.toContain("ghs_abcdefghijklmnopqrstuvwxyz0123456789");
    expect(activity.waiting).toBe(0);
  });

  it("when full, answers only once a delivery is received and stops waiting for a pause", async () => {
    const { inbox, received, burst } = setUp({ maxPending: 2 });
    burst(5); // never ends: sustained traffic
    await inbox.accept(delivery("a"));
    await inbox.accept(delivery("b"));
    await expect(inbox.accept(delivery("c"))).resolves.toEqual({
      kind: "handled",
      outcome: { status: "queued", jobId: "job-c", key: '{"n":"c"}' },
    });
    expect(received).toEqual(["a", "b", "c"]);
  });

  it("drains a delivery added while the last drain finishes, and keeps one wait for quiet across early wakes", async () => {
    const { activity, inbox, received, burst } = setUp({ maxPending: 2 });
    burst(5);
    // Twice: two deliveries wait for quiet, the third finds the inbox full and wakes the drain.
    for (const round of [
      ["a", "b", "c"],
      ["d", "e", "f"],
    ]) {
      // The third answer waits until it is received, so the whole round is received by then.
      await Promise.all(round.map((id) => inbox.accept(delivery(id))));
    }
    expect(received).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(activity.waiting).toBe(1);
  });

  it("steps aside between slices when new deliveries arrive while it drains", async () => {
    let endLate: (() => void) | undefined;
    const { activity, inbox, received, burst } = setUp({
      sliceMs: 0,
      receive: (d) => {
        received.push(d.id);
        if (d.id === "a") endLate = activity.begin(); // a connection accepted mid-drain
        return Promise.resolve({ status: "ignored", reason: "test" });
      },
    });
    const endBurst = burst(2);
    for (const id of ["a", "b", "c"]) await inbox.accept(delivery(id));
    endBurst();
    await expect.poll(() => received).toEqual(["a"]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual(["a"]);

    endLate?.();
    await inbox.whenDrained();
    expect(received).toEqual(["a", "b", "c"]);
  });

  it("rejects a full inbox's waiting answer when its receive fails", async () => {
    const { inbox, burst } = setUp({
      maxPending: 0,
      receive: () => Promise.reject(new Error("enqueue failed")),
    });
    burst(2);
    await expect(inbox.accept(delivery("a"))).rejects.toThrow("enqueue failed");
  });
});
