import { afterEach, describe, expect, it } from "vitest";
import { ORBIT_CONFIG } from "../helpers/orbit-repo.js";
import { createGithubMock, type GithubMock } from "../helpers/probot-github.js";
import { postWebhook, signBody } from "../helpers/probot-server.js";
import { createTestProbot, webhookFixture, WEBHOOK_SECRET } from "../helpers/probot-test-app.js";
import { createSpecwrightApp, type SpecwrightApp } from "../../src/app.js";
import type { NamedWebhookDelivery } from "../../src/handlers/handle-webhook.js";
import { startSpecwrightServer, type SpecwrightServer } from "../../src/server/start-specwright-server.js";

// Real front processes (node:cluster workers running the TypeScript source through tsx).
let github: GithubMock | undefined;
let server: SpecwrightServer | undefined;
afterEach(async () => {
  github?.close();
  github = undefined;
  await server?.close();
  server = undefined;
});

function comment(text: string, issue = 12): string {
  const payload = webhookFixture<{ comment: { body: string }; issue: { number: number } }>(
    "issue-comment-on-issue",
  );
  payload.comment.body = text;
  payload.issue.number = issue;
  return JSON.stringify(payload);
}

/** Specwright served by two front processes; records what reaches `receive`. */
async function startWithFronts(): Promise<{ specwright: SpecwrightApp; url: string; received: string[] }> {
  const app = createSpecwrightApp({ env: {}, botLogin: "specwright[bot]" });
  const received: string[] = [];
  const specwright: SpecwrightApp = {
    ...app,
    receive: (delivery: NamedWebhookDelivery) => {
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
    webhookProcesses: 2,
  });
  return { specwright, url: server.webhookUrl, received };
}

describe("webhook front processes (SPECWRIGHT_WEBHOOK_PROCESSES)", () => {
  it("answers a lone delivery with what the jobs process did, runs its job, and rejects a forged one", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const { specwright, url, received } = await startWithFronts();
    const body = comment("/spec help");

    const signed = await postWebhook(url, {
      name: "issue_comment",
      id: "front-signed",
      body,
      signature: signBody(body, WEBHOOK_SECRET),
    });
    const forged = await postWebhook(url, {
      name: "issue_comment",
      id: "front-forged",
      body,
      signature: signBody(body, "not-the-secret"),
    });
    expect([signed.status, await signed.text()]).toEqual([200, "queued\n"]);
    expect(forged.status).toBe(401);
    expect((await fetch(url.replace("/api/github/webhooks", "/ping"))).status).toBe(200);

    await server?.whenReceived();
    await specwright.queue.onIdle();
    expect(received).toEqual(["front-signed"]);
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(github.scope.isDone()).toBe(true);
    expect(String(github.body("comment:#12").body)).toContain("**Specwright commands**");
  });

  it("hands over every delivery of a burst exactly once and holds jobs until it has", async () => {
    github = createGithubMock().admittedCommand(ORBIT_CONFIG).createComment(12);
    const { specwright, url, received } = await startWithFronts();
    const body = comment("/spec help");
    const ids = Array.from({ length: 40 }, (_, i) => `burst-${i}`);

    const answers = await Promise.all(
      ids.map((id) =>
        postWebhook(url, { name: "issue_comment", id, body, signature: signBody(body, WEBHOOK_SECRET) }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 202)).toBe(true);
    expect(statuses).toContain(202);

    await server?.whenReceived();
    await specwright.queue.onIdle();
    expect([...received].sort()).toEqual([...ids].sort());
    // The same command 40 times: one job, the others ride on it.
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0, coalesced: 39 });
    expect(github.scope.isDone()).toBe(true);
  });
});
