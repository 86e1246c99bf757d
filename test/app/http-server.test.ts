import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ORBIT_CONFIG } from "../helpers/orbit-repo.js";
import { createGithubMock, type GithubMock } from "../helpers/probot-github.js";
import { postWebhook, signBody, startWebhookServer, type TestServer } from "../helpers/probot-server.js";
import { createTestProbot, webhookFixture, WEBHOOK_SECRET } from "../helpers/probot-test-app.js";
import { createSpecwrightApp, type SpecwrightApp } from "../../src/app.js";
import { startSpecwrightServer, type SpecwrightServer } from "../../src/server/start-specwright-server.js";

let github: GithubMock | undefined;
let server: SpecwrightServer | undefined;
let probotServer: TestServer | undefined;
afterEach(async () => {
  github?.close();
  github = undefined;
  await server?.close();
  server = undefined;
  await probotServer?.close();
  probotServer = undefined;
});

function comment(text: string, fixture = "issue-comment-on-issue"): string {
  const payload = webhookFixture<{ comment: { body: string } }>(fixture);
  payload.comment.body = text;
  return JSON.stringify(payload);
}

/**
 * Specwright's production server (what `npm start` runs) on a free loopback port; with
 * `webhookProcesses`, served by real front processes (the TypeScript source through tsx).
 * `received` lists the deliveries that reached `receive`.
 */
async function startServer(
  options: { maxHoldMs?: number; webhookProcesses?: number } = {},
): Promise<{ specwright: SpecwrightApp; url: string; received: string[] }> {
  const app = createSpecwrightApp({
    env: {},
    botLogin: "specwright[bot]",
    ...(options.maxHoldMs === undefined ? {} : { maxHoldMs: options.maxHoldMs }),
  });
  const received: string[] = [];
  const specwright: SpecwrightApp = {
    ...app,
    receive: (delivery) => {
      received.push(delivery.id);
      return app.receive(delivery);
    },
  };
  server = await startSpecwrightServer({
    probot: createTestProbot(),
    specwright,
    secret: WEBHOOK_SECRET,
    port: 0,
    host: "127.0.0.1",
    ...(options.webhookProcesses === undefined ? {} : { webhookProcesses: options.webhookProcesses }),
  });
  return { specwright, url: server.webhookUrl, received };
}

/** POSTs an `issue_comment` delivery with the given signature, as GitHub would. */
const postComment = (url: string, id: string, body: string, signature: string) =>
  postWebhook(url, { name: "issue_comment", id, body, signature });

function expectNothingRan(specwright: SpecwrightApp): void {
  expect(specwright.queue.stats()).toMatchObject({
    succeeded: 0,
    failed: 0,
    queued: 0,
    running: 0,
    coalesced: 0,
  });
}

describe("Specwright's webhook server (npm start)", () => {
  it.each([
    ["by itself", 0],
    ["through 2 front processes", 2],
  ])(
    "acknowledges a correctly signed delivery %s before any GitHub request, then runs its job",
    async (_, processes) => {
      github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
      const { specwright, url, received } = await startServer({ webhookProcesses: processes });

      const body = comment("/spec help");
      const response = await postComment(url, "0b7c4f2e-signed", body, signBody(body, WEBHOOK_SECRET));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("queued\n");
      // Answered before the job made its first request (it starts on a later turn of the loop).
      expect(github.scope.isDone()).toBe(false);
      expect((await fetch(url.replace("/api/github/webhooks", "/ping"))).status).toBe(200);

      await server?.whenReceived();
      await specwright.queue.onIdle();
      expect(received).toEqual(["0b7c4f2e-signed"]);
      expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
      expect(github.scope.isDone()).toBe(true);
      expect(github.unmatched).toEqual([]);
      expect(String(github.body("comment:#12").body)).toContain("**Specwright commands**");
    },
  );

  it.each([
    ["by itself", 0],
    ["through 2 front processes", 2],
  ])("rejects a forged or tampered delivery %s with 401 and runs nothing", async (_, processes) => {
    github = createGithubMock();
    const { specwright, url, received } = await startServer({ webhookProcesses: processes });

    const body = comment("/spec help");
    const forged = await postComment(url, "0b7c4f2e-forged", body, signBody(body, "not-the-secret"));
    const tampered = await postComment(
      url,
      "0b7c4f2e-tampered",
      body.replace("/spec help", "/spec regenerate all"),
      signBody(body, WEBHOOK_SECRET),
    );
    const truncated = await postComment(
      url,
      "0b7c4f2e-truncated",
      body,
      signBody(body, WEBHOOK_SECRET).slice(0, 40),
    );
    expect([forged.status, tampered.status, truncated.status]).toEqual([401, 401, 401]);
    expect(await forged.text()).toContain("Signature does not match");

    await server?.whenReceived();
    await specwright.queue.onIdle();
    expect(received).toEqual([]);
    expectNothingRan(specwright);
    expect(github.unmatched).toEqual([]);
  });

  it("answers a redelivery (same delivery id) without a second job", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const { specwright, url } = await startServer();
    const body = comment("/spec help");
    const delivery = {
      name: "issue_comment",
      id: "5d1e-redelivered",
      body,
      signature: signBody(body, WEBHOOK_SECRET),
    };

    const first = await postWebhook(url, delivery);
    const again = await postWebhook(url, delivery);
    expect(await first.text()).toBe("queued\n");
    expect(await again.text()).toBe("duplicate-delivery\n");

    await specwright.queue.onIdle();
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0, duplicateDeliveries: 1 });
    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
  });

  it("ignores a signed delivery from a bot and events it does not handle", async () => {
    github = createGithubMock();
    const { specwright, url } = await startServer();
    const fromBot = readFixture("issue-comment-by-bot");
    const opened = JSON.stringify({ ...JSON.parse(readFixture("issues-labeled")), action: "opened" });

    const bot = await postComment(url, "bot-1", fromBot, signBody(fromBot, WEBHOOK_SECRET));
    const other = await postWebhook(url, {
      name: "issues",
      id: "opened-1",
      body: opened,
      signature: signBody(opened, WEBHOOK_SECRET),
    });
    expect(bot.status).toBe(200);
    expect(await bot.text()).toBe("ignored: sent by a bot\n");
    expect(other.status).toBe(200);
    expect(await other.text()).toBe("ignored: issues.opened does not start work\n");

    await specwright.queue.onIdle();
    expectNothingRan(specwright);
    expect(github.unmatched).toEqual([]);
  });

  it.each<{ what: string; init: RequestInit; status: number; text: string }>([
    {
      what: "missing delivery and signature headers",
      init: {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "push" },
        body: "{}",
      },
      status: 400,
      text: "Required headers missing: X-GitHub-Delivery, X-Hub-Signature-256\n",
    },
    {
      what: "a form-encoded body",
      init: {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-github-event": "push",
          "x-github-delivery": "d-1",
          "x-hub-signature-256": signBody("payload=%7B%7D", WEBHOOK_SECRET),
        },
        body: "payload=%7B%7D",
      },
      status: 415,
      text: "Content-Type must be application/json\n",
    },
    {
      what: "a signed body that is not JSON",
      init: {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "push",
          "x-github-delivery": "d-2",
          "x-hub-signature-256": signBody("{not json", WEBHOOK_SECRET),
        },
        body: "{not json",
      },
      status: 400,
      text: "Invalid JSON\n",
    },
    {
      what: "a GET on the webhook path",
      init: { method: "GET" },
      status: 405,
      text: "Webhooks are POSTed\n",
    },
  ])("answers $status to $what", async ({ init, status, text }) => {
    const { specwright, url } = await startServer();
    const response = await fetch(url, init);
    expect(response.status).toBe(status);
    expect(await response.text()).toBe(text);
    await specwright.queue.onIdle();
    expectNothingRan(specwright);
  });

  it("answers GET /ping with PONG (health checks) and other paths with 404", async () => {
    const { url } = await startServer();
    const origin = new URL(url).origin;
    const ping = await fetch(`${origin}/ping`);
    expect([ping.status, await ping.text()]).toEqual([200, "PONG"]);
    const other = await fetch(`${origin}/api/github/other`, { method: "POST", body: "{}" });
    expect(other.status).toBe(404);
  });
});

/** A connection that has not sent its request yet (as a delivery still arriving). */
async function openConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  return socket;
}

describe("acknowledgements before job work", () => {
  it("answers a delivery that arrives during another at once, and receives and runs it once that one is answered", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const { specwright, url } = await startServer({ maxHoldMs: 60_000 });
    const arriving = await openConnection(url);
    await expect.poll(() => specwright.activity.inFlight).toBe(1);

    const body = comment("/spec help");
    const response = await postComment(url, "held-1", body, signBody(body, WEBHOOK_SECRET));
    expect([response.status, await response.text()]).toEqual([
      202,
      "accepted: handled once the deliveries arriving with it are answered\n",
    ]);
    // Long enough for the help job to finish many times over if it were not held.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(specwright.queue.stats()).toMatchObject({ queued: 0, running: 0, succeeded: 0 });
    expect(github.scope.pendingMocks()).toHaveLength(github.scope.activeMocks().length);

    arriving.destroy();
    await server?.whenReceived();
    await specwright.queue.onIdle();
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(github.scope.isDone()).toBe(true);
    expect(specwright.activity.inFlight).toBe(0);
  });

  it("holds a queued job's start and GitHub requests while a delivery is in flight", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const specwright = createSpecwrightApp({ env: {}, botLogin: "specwright[bot]", maxHoldMs: 60_000 });
    await createTestProbot().load(specwright.app);
    const delivery = specwright.activity.begin();
    const outcome = await specwright.receive({
      id: "held-job",
      name: "issue_comment",
      payload: JSON.parse(comment("/spec help")) as unknown,
    });
    expect(outcome.status).toBe("queued");
    // Long enough for the help job to finish many times over if it were not held.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(specwright.queue.stats()).toMatchObject({ running: 1, succeeded: 0 });
    expect(github.scope.pendingMocks()).toHaveLength(github.scope.activeMocks().length);

    delivery();
    await specwright.queue.onIdle();
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(github.scope.isDone()).toBe(true);
  });

  it("stops counting a pipelined request when its connection dies before it is answered", async () => {
    const { specwright, url } = await startServer({ maxHoldMs: 60_000 });
    const { hostname, port } = new URL(url);
    const body = "{}";
    const post = [
      "POST /api/github/webhooks HTTP/1.1",
      "host: x",
      "content-type: application/json",
      "x-github-event: issues",
      "x-github-delivery: pipelined",
      "x-hub-signature-256: sha256=00",
      `content-length: ${body.length}`,
      "",
      body,
    ].join("\r\n");
    for (let attempt = 0; attempt < 3; attempt++) {
      const socket = connect(Number(port), hostname);
      socket.on("error", () => undefined);
      await new Promise<void>((resolve) => socket.once("connect", resolve));
      socket.write(post.repeat(4), () => socket.destroy());
      await new Promise<void>((resolve) => socket.once("close", () => resolve()));
    }
    await expect.poll(() => specwright.activity.inFlight).toBe(0);
  });

  it("stops counting a connection that sends no request within a second", async () => {
    const { specwright, url } = await startServer({ maxHoldMs: 60_000 });
    const silent = await openConnection(url);
    try {
      await expect.poll(() => specwright.activity.inFlight).toBe(1);
      await expect.poll(() => specwright.activity.inFlight, { timeout: 3000 }).toBe(0);
    } finally {
      silent.destroy();
    }
  });

  it("lets held job work go after maxHoldMs, so a connection that never sends cannot stall jobs", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const { specwright, url } = await startServer({ maxHoldMs: 20 });
    const silent = await openConnection(url);
    try {
      const body = comment("/spec help");
      await postComment(url, "held-2", body, signBody(body, WEBHOOK_SECRET));
      await server?.whenReceived();
      await specwright.queue.onIdle();
      expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
      expect(github.scope.isDone()).toBe(true);
      expect(specwright.activity.inFlight).toBe(1);
    } finally {
      silent.destroy();
    }
  });
});

describe("webhook front processes (SPECWRIGHT_WEBHOOK_PROCESSES)", () => {
  it("hands over every delivery of a burst exactly once, and the identical commands coalesce into one job", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const { specwright, url, received } = await startServer({ webhookProcesses: 2 });
    const body = comment("/spec help");
    const ids = Array.from({ length: 40 }, (_, i) => `burst-${i}`);

    const answers = await Promise.all(
      ids.map((id) => postComment(url, id, body, signBody(body, WEBHOOK_SECRET))),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 202)).toBe(true);
    expect(statuses).toContain(202);

    // Each was handed over before it was answered; the jobs process reads them in its own time.
    await expect.poll(() => received.length).toBe(ids.length);
    await server?.whenReceived();
    await specwright.queue.onIdle();
    expect([...received].sort()).toEqual([...ids].sort());
    // The same command 40 times: one job, the others ride on it.
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0, coalesced: 39 });
    expect(github.scope.isDone()).toBe(true);
  });
});

describe("the app function under Probot's own middleware (probot run ./dist/app.js)", () => {
  it("still verifies, routes and runs a delivery through the same handlers", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const specwright = createSpecwrightApp({ env: {}, botLogin: "specwright[bot]" });
    probotServer = await startWebhookServer(createTestProbot(), specwright.app);

    const body = comment("/spec help");
    const signed = await postWebhook(probotServer.url, {
      name: "issue_comment",
      id: "probot-signed",
      body,
      signature: signBody(body, WEBHOOK_SECRET),
    });
    const forged = await postWebhook(probotServer.url, {
      name: "issue_comment",
      id: "probot-forged",
      body,
      signature: signBody(body, "not-the-secret"),
    });
    expect(signed.status).toBe(200);
    expect(forged.status).toBe(400);

    await specwright.queue.onIdle();
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    expect(String(github.body("comment:#12").body)).toContain("**Specwright commands**");
  });
});

function readFixture(name: string): string {
  return JSON.stringify(webhookFixture(name));
}
