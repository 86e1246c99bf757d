import { describe, expect, it } from "vitest";
import type { Acceptance, VerifiedDelivery } from "../../../src/server/create-delivery-inbox.js";
import { createFrontMessageHandler } from "../../../src/server/front/create-front-message-handler.js";
import type { PrimaryMessage } from "../../../src/server/front/front-messages.js";

const delivery = (id: string): VerifiedDelivery => ({ id, name: "issues", body: "{}" });

function setup(
  accept: (d: VerifiedDelivery) => Promise<Acceptance> = async () => ({ kind: "deferred", ahead: 0 }),
) {
  const replies: PrimaryMessage[] = [];
  const deferred: string[] = [];
  const logged: { level: string; details: Record<string, unknown>; message: string }[] = [];
  const busy = { begun: 0, ended: 0 };
  const handler = createFrontMessageHandler(
    { id: 7, reply: (message) => replies.push(message) },
    {
      inbox: { accept, defer: (d) => void deferred.push(d.id) },
      log: {
        warn: (details, message) => logged.push({ level: "warn", details, message }),
        error: (details, message) => logged.push({ level: "error", details, message }),
      },
      markBusy: () => {
        busy.begun += 1;
        return () => void (busy.ended += 1);
      },
    },
  );
  return { handler, replies, deferred, logged, busy };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("createFrontMessageHandler", () => {
  it("marks the front busy once per busy period, however often it says so, and ends it once", () => {
    const { handler, busy } = setup();
    handler.receive({ type: "busy", busy: true });
    handler.receive({ type: "busy", busy: true });
    expect(busy).toEqual({ begun: 1, ended: 0 });
    handler.receive({ type: "busy", busy: false });
    handler.receive({ type: "busy", busy: false });
    expect(busy).toEqual({ begun: 1, ended: 1 });
    handler.receive({ type: "busy", busy: true });
    expect(busy).toEqual({ begun: 2, ended: 1 });
  });

  it("ends a busy period when the front exits mid-burst, and only once", () => {
    const { handler, busy } = setup();
    handler.receive({ type: "busy", busy: true });
    handler.ended();
    handler.ended();
    handler.receive({ type: "busy", busy: false });
    expect(busy).toEqual({ begun: 1, ended: 1 });
  });

  it("does not mark a front busy again on a busy report read after its exit", () => {
    const { handler, busy } = setup();
    handler.ended();
    handler.receive({ type: "busy", busy: true });
    expect(busy).toEqual({ begun: 0, ended: 0 });
  });

  it("defers a batch in its order and logs a bad item without losing the others", () => {
    const { handler, deferred, logged } = setup();
    handler.receive({
      type: "deliveries",
      deliveries: [delivery("a"), { id: "", name: "issues", body: "{}" }, "junk", delivery("b")],
    });
    expect(deferred).toEqual(["a", "b"]);
    expect(logged).toHaveLength(2);
    expect(logged.every((l) => l.level === "error" && l.details.front === 7)).toBe(true);
    expect(logged[0]?.message).toMatch(/^ignored a delivery a webhook front handed over: /);
  });

  it("answers a lone delivery with the inbox's acceptance under its sequence number", async () => {
    const seen: string[] = [];
    const { handler, replies } = setup(async (d) => {
      seen.push(d.id);
      return { kind: "handled", outcome: { status: "ignored", reason: "sent by a bot" } };
    });
    handler.receive({ type: "delivery", seq: 41, delivery: delivery("lone") });
    await settled();
    expect(seen).toEqual(["lone"]);
    expect(replies).toEqual([
      {
        type: "acceptance",
        seq: 41,
        acceptance: { kind: "handled", outcome: { status: "ignored", reason: "sent by a bot" } },
      },
    ]);
  });

  it.each([
    ["has no id", { name: "issues", body: "{}" }],
    ["is not an object", 42],
    ["has a body that is not text", { id: "x", name: "issues", body: { not: "text" } }],
  ])("answers failed, without asking the inbox, for a lone delivery that %s", async (_, bad) => {
    let asked = 0;
    const { handler, replies } = setup(async () => {
      asked += 1;
      return { kind: "deferred", ahead: 0 };
    });
    handler.receive({ type: "delivery", seq: 3, delivery: bad });
    await settled();
    expect(asked).toBe(0);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: "failed", seq: 3 });
    expect((replies[0] as { message: string }).message).toMatch(/^not a delivery: /);
  });

  it("answers failed with the error, secrets redacted, when receiving a lone delivery throws", async () => {
    const token = "ghs_" + "a".repeat(36);
    const { handler, replies } = setup(async () => {
      throw new Error(`GitHub said no to ${token}`);
    });
    handler.receive({ type: "delivery", seq: 9, delivery: delivery("x") });
    await settled();
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: "failed", seq: 9 });
    const message = (replies[0] as { message: string }).message;
    expect(message).toContain("GitHub said no to");
    expect(message).not.toContain(token);
  });

  it("passes the front's log lines on at their level", () => {
    const { handler, logged } = setup();
    handler.receive({ type: "log", level: "warn", details: { delivery: "d1" }, message: "webhook rejected" });
    expect(logged).toEqual([{ level: "warn", details: { delivery: "d1" }, message: "webhook rejected" }]);
  });

  it("remembers why a front could not start, for its exit to report", () => {
    const { handler, logged } = setup();
    expect(handler.fatal).toBeUndefined();
    handler.receive({ type: "fatal", message: "Port 3000 is already in use." });
    expect(handler.fatal).toBe("Port 3000 is already in use.");
    expect(logged).toEqual([]);
  });

  it("syncs: resolves once the front's answer to this very question has been read", async () => {
    const { handler, replies } = setup();
    handler.receive({ type: "ready" });
    let first = false;
    let second = false;
    void handler.sync().then(() => (first = true));
    void handler.sync().then(() => (second = true));
    expect(replies).toEqual([
      { type: "sync", id: 1 },
      { type: "sync", id: 2 },
    ]);
    handler.receive({ type: "synced", id: 2 });
    await settled();
    expect([first, second]).toEqual([false, true]);
    handler.receive({ type: "synced", id: 1 });
    handler.receive({ type: "synced", id: 1 });
    await settled();
    expect([first, second]).toEqual([true, true]);
  });

  it("asks a starting front once it says it is ready (a question sent earlier could be lost)", async () => {
    const { handler, replies } = setup();
    let synced = false;
    void handler.sync().then(() => (synced = true));
    expect(replies).toEqual([]);
    handler.receive({ type: "ready" });
    expect(replies).toEqual([{ type: "sync", id: 1 }]);
    handler.receive({ type: "synced", id: 1 });
    await settled();
    expect(synced).toBe(true);
  });

  it("syncs with an exited front only once its channel has closed (its last messages are read by then)", async () => {
    const { handler, replies } = setup();
    handler.receive({ type: "ready" });
    let synced = false;
    void handler.sync().then(() => (synced = true));
    handler.ended();
    await settled();
    expect(synced).toBe(false);
    handler.channelClosed();
    await settled();
    expect(synced).toBe(true);
    await handler.sync();
    expect(replies).toEqual([{ type: "sync", id: 1 }]);
  });

  it.each([
    ["an unknown type", { type: "reload" }],
    ["no type", { busy: true }],
    ["a busy flag that is not boolean", { type: "busy", busy: "yes" }],
    ["a log level it does not know", { type: "log", level: "debug", details: {}, message: "m" }],
    ["not an object", "busy"],
  ])("logs and drops a message with %s", (_, raw) => {
    const { handler, logged, replies, deferred, busy } = setup();
    handler.receive(raw);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: "error", details: { front: 7 } });
    expect(logged[0]?.message).toMatch(/^ignored a webhook front message: /);
    expect([replies, deferred, busy]).toEqual([[], [], { begun: 0, ended: 0 }]);
  });
});
