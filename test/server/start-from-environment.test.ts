import { createServer } from "node:net";
import type { ApplicationFunction } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { startFromEnvironment, type Started } from "../../src/server/start-from-environment.js";
import { postWebhook, signBody } from "../helpers/probot-server.js";
import { APP_ID, testPrivateKey, webhookFixture } from "../helpers/probot-test-app.js";

let started: Started | undefined;
const savedEnv = { ...process.env };
afterEach(async () => {
  await started?.stop();
  started = undefined;
  process.env = { ...savedEnv };
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe("startFromEnvironment (npm start)", () => {
  it("hands over to Probot's run (the setup wizard) when there is no app id or private key", async () => {
    const handedOver: ApplicationFunction[] = [];
    let stopped = false;
    started = await startFromEnvironment({
      env: { WEBHOOK_SECRET: "x", LOG_LEVEL: "fatal" },
      runProbot: (app) => {
        handedOver.push(app);
        return Promise.resolve({ stop: () => Promise.resolve(void (stopped = true)) });
      },
    });
    expect(started.mode).toBe("setup");
    expect(handedOver).toHaveLength(1);
    await started.stop();
    started = undefined;
    expect(stopped).toBe(true);
  });

  it("starts Probot's real setup wizard from app.yml without credentials", async () => {
    // Probot's run reads process.env itself: no credentials, a free port, no smee channel.
    const unset = new Set(["APP_ID", "PRIVATE_KEY", "PRIVATE_KEY_PATH", "WEBHOOK_PROXY_URL", "NODE_ENV"]);
    const port = await freePort();
    process.env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !unset.has(name))),
      PORT: String(port),
      HOST: "127.0.0.1",
      NO_SMEE_SETUP: "true",
      LOG_LEVEL: "fatal",
    };
    started = await startFromEnvironment({ env: {} });
    expect(started.mode).toBe("setup");

    const page = await fetch(`http://127.0.0.1:${port}/probot`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Register GitHub App");
    // The manifest the wizard posts to GitHub comes from app.yml.
    expect(html).toContain("issue_comment");
  });

  it("with credentials, serves Specwright's webhook server (through front processes on 2 cores) with the environment's secret, port and path", async () => {
    const port = await freePort();
    started = await startFromEnvironment({
      env: {
        APP_ID: String(APP_ID),
        PRIVATE_KEY: testPrivateKey(),
        WEBHOOK_SECRET: "env-secret-value",
        PORT: String(port),
        HOST: "127.0.0.1",
        WEBHOOK_PATH: "/github/events",
        LOG_LEVEL: "fatal",
        SPECWRIGHT_BOT_LOGIN: "specwright[bot]",
      },
      runProbot: () => Promise.reject(new Error("the wizard must not start")),
      cores: 2,
    });
    expect(started.mode).toBe("server");
    if (started.mode !== "server") return;
    expect(started.server.webhookUrl).toBe(`http://127.0.0.1:${port}/github/events`);

    const ping = await fetch(`http://127.0.0.1:${port}/ping`);
    expect(await ping.text()).toBe("PONG");

    const payload = webhookFixture<{ sender: { login: string; type: string } }>("issue-comment-by-bot");
    const body = JSON.stringify(payload);
    const good = await postWebhook(started.server.webhookUrl, {
      name: "issue_comment",
      id: "env-1",
      body,
      signature: signBody(body, "env-secret-value"),
    });
    const bad = await postWebhook(started.server.webhookUrl, {
      name: "issue_comment",
      id: "env-2",
      body,
      signature: signBody(body, "development"),
    });
    expect([good.status, await good.text()]).toEqual([200, "ignored: sent by a bot\n"]);
    expect(bad.status).toBe(401);
    expect(started.specwright.queue.stats()).toMatchObject({ queued: 0, running: 0, succeeded: 0 });
  });
});
