import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Acceptance, VerifiedDelivery } from "../../src/server/create-delivery-inbox.js";
import {
  createWebhookMiddleware,
  type WebhookMiddlewareOptions,
} from "../../src/server/create-webhook-middleware.js";
import { postWebhook, signBody } from "../helpers/probot-server.js";

const SECRET = "middleware-test-secret";
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

const QUEUED: Acceptance = { kind: "handled", outcome: { status: "queued", jobId: "job-1", key: "k" } };

async function serve(options: Partial<WebhookMiddlewareOptions> = {}, acceptance: Acceptance = QUEUED) {
  const received: VerifiedDelivery[] = [];
  const logged: { level: string; details: Record<string, unknown>; message: string }[] = [];
  const middleware = createWebhookMiddleware({
    secret: SECRET,
    path: "/hooks/",
    accept: (delivery) => {
      received.push(delivery);
      return Promise.resolve(acceptance);
    },
    log: {
      warn: (details, message) => logged.push({ level: "warn", details, message }),
      error: (details, message) => logged.push({ level: "error", details, message }),
    },
    ...options,
  });
  server = createServer((req, res) => {
    void middleware(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end("not mine");
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, logged };
}

const deliver = (url: string, body: string, id = "d-1") =>
  postWebhook(url, { name: "push", id, body, signature: signBody(body, SECRET) });

describe("createWebhookMiddleware", () => {
  it("hands a verified delivery to accept with its event name, delivery id and body as signed", async () => {
    const { url, received } = await serve();
    const response = await deliver(`${url}?source=github`, '{"ref":"refs/heads/main"}', "d-77");
    expect([response.status, await response.text()]).toEqual([200, "queued\n"]);
    expect(received).toEqual([{ id: "d-77", name: "push", body: '{"ref":"refs/heads/main"}' }]);
  });

  it.each<[string, Acceptance, number, string]>([
    [
      "an ignored delivery",
      { kind: "handled", outcome: { status: "ignored", reason: "push to a branch" } },
      200,
      "ignored: push to a branch\n",
    ],
    [
      "a coalesced one",
      { kind: "handled", outcome: { status: "coalesced", jobId: "j", key: "k" } },
      200,
      "coalesced\n",
    ],
    [
      "a deferred one",
      { kind: "deferred", ahead: 3 },
      202,
      "accepted: handled once the deliveries arriving with it are answered\n",
    ],
    ["a body that is not JSON", { kind: "invalid-json" }, 400, "Invalid JSON\n"],
  ])("answers %s with what accept made of it", async (_, acceptance, status, text) => {
    const { url } = await serve({}, acceptance);
    const response = await deliver(url, "{}");
    expect([response.status, await response.text()]).toEqual([status, text]);
  });

  it("leaves other paths to the next handler", async () => {
    const { url, received } = await serve();
    const response = await deliver(url.replace("/hooks", "/elsewhere"), "{}");
    expect([response.status, await response.text()]).toEqual([404, "not mine"]);
    expect(received).toEqual([]);
  });

  it("answers 413 to a body over the limit without verifying or receiving it", async () => {
    const { url, received, logged } = await serve({ maxBodyBytes: 64 });
    const body = JSON.stringify({ text: "x".repeat(200) });
    const response = await deliver(url, body);
    expect(response.status).toBe(413);
    expect(received).toEqual([]);
    expect(logged).toEqual([
      {
        level: "warn",
        details: { delivery: "d-1", event: "push" },
        message: "webhook rejected: body too large",
      },
    ]);
  });

  it("stops reading a chunked body once it passes the limit", async () => {
    const { url, received } = await serve({ maxBodyBytes: 64 });
    const chunk = new TextEncoder().encode(`{"text":"${"y".repeat(100)}"}`);
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "push",
        "x-github-delivery": "d-chunked",
        "x-hub-signature-256": signBody("{}", SECRET),
      },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(received).toEqual([]);
  });

  it("answers 500 when accept fails and logs the error with credentials redacted", async () => {
    const { url, logged } = await serve({
      accept: () => Promise.reject(new Error("enqueue failed with ghs_abcdefghijklmnopqrstuvwxyz0123456789")),
    });
    const response = await deliver(url, "{}", "d-500");
    expect([response.status, await response.text()]).toEqual([500, "Internal error\n"]);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.level).toBe("error");
    expect(logged[0]?.message).toContain("webhook push d-500 failed: enqueue failed with");
    expect(logged[0]?.message).not.toContain("ghs_abcdefghijklmnopqrstuvwxyz0123456789");
  });

  it("refuses to be created without a secret", () => {
    const log = { warn: () => undefined, error: () => undefined };
    const accept = () => Promise.resolve(QUEUED);
    expect(() => createWebhookMiddleware({ secret: "", accept, log })).toThrow(/WEBHOOK_SECRET/);
  });

  it("logs a bad signature with the delivery id and event only", async () => {
    const { url, received, logged } = await serve();
    const response = await postWebhook(url, {
      name: "push",
      id: "d-forged",
      body: "{}",
      signature: signBody("{}", "wrong"),
    });
    expect(response.status).toBe(401);
    expect(received).toEqual([]);
    expect(logged).toEqual([
      {
        level: "warn",
        details: { delivery: "d-forged", event: "push" },
        message: "webhook rejected: signature does not match",
      },
    ]);
  });
});
