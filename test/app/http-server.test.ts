import { afterEach, describe, expect, it } from "vitest";
import { ORBIT_CONFIG } from "../helpers/orbit-repo.js";
import { createGithubMock, type GithubMock } from "../helpers/probot-github.js";
import { postWebhook, signBody, startWebhookServer, type TestServer } from "../helpers/probot-server.js";
import { createTestProbot, webhookFixture, WEBHOOK_SECRET } from "../helpers/probot-test-app.js";
import { createSpecwrightApp } from "../../src/app.js";

let github: GithubMock | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  github?.close();
  await server?.close();
  server = undefined;
});

function helpComment(): string {
  const payload = webhookFixture<{ comment: { body: string } }>("issue-comment-on-issue");
  payload.comment.body = "/spec help";
  return JSON.stringify(payload);
}

describe("the webhook server (Probot's node middleware on node:http)", () => {
  it("acknowledges a correctly signed delivery at once and runs its job", async () => {
    github = createGithubMock()
      .token()
      .permission("alice-dev", "write")
      .reactToComment(9001)
      .config(ORBIT_CONFIG)
      .createComment(12);
    const probot = createTestProbot();
    const specwright = createSpecwrightApp({ env: {}, botLogin: "specwright[bot]" });
    server = await startWebhookServer(probot, specwright.app);

    const body = helpComment();
    const started = performance.now();
    const response = await postWebhook(server.url, {
      name: "issue_comment",
      id: "0b7c4f2e-signed",
      body,
      signature: signBody(body, WEBHOOK_SECRET),
    });
    const ackMs = performance.now() - started;
    expect(response.status).toBe(200);
    expect(ackMs).toBeLessThan(1000);

    await specwright.queue.onIdle();
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 1, failed: 0 });
    expect(github.scope.isDone()).toBe(true);
    expect(github.unmatched).toEqual([]);
    expect(String(github.body("comment:#12").body)).toContain("**Specwright commands**");
  });

  it("rejects a delivery with a bad signature (4xx) and runs nothing", async () => {
    github = createGithubMock();
    const probot = createTestProbot();
    const specwright = createSpecwrightApp({ env: {}, botLogin: "specwright[bot]" });
    server = await startWebhookServer(probot, specwright.app);

    const body = helpComment();
    const forged = await postWebhook(server.url, {
      name: "issue_comment",
      id: "0b7c4f2e-forged",
      body,
      signature: signBody(body, "not-the-secret"),
    });
    const tampered = await postWebhook(server.url, {
      name: "issue_comment",
      id: "0b7c4f2e-tampered",
      body: body.replace("/spec help", "/spec regenerate all"),
      signature: signBody(body, WEBHOOK_SECRET),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);
    expect(tampered.status).toBeGreaterThanOrEqual(400);
    expect(tampered.status).toBeLessThan(500);

    await specwright.queue.onIdle();
    expect(specwright.queue.stats()).toMatchObject({ succeeded: 0, failed: 0, queued: 0, running: 0 });
    expect(github.unmatched).toEqual([]);
  });
});
