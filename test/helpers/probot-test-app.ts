import { generateKeyPairSync, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Probot, ProbotOctokit } from "probot";
import { createSpecwrightApp, type SpecwrightApp, type SpecwrightAppDeps } from "../../src/app.js";

/** The test installation, app and repository. */
export const APP_ID = 4242;
export const INSTALLATION_ID = 77;
export const BOT = "specwright[bot]";
export const WEBHOOK_SECRET = "test-webhook-secret";

let privateKey: string | undefined;

/** A test RSA key (generated once per test file: 2048-bit generation takes a moment). */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return privateKey;
}

/**
 * A Probot instance for tests: a real app id and private key (so installation tokens are
 * requested through nock like in production), quiet logs, and an Octokit without throttling or
 * retries (the function form, which Probot does not override), so every nocked answer is seen
 * exactly once and at once.
 */
export function createTestProbot(): Probot {
  return new Probot({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    secret: WEBHOOK_SECRET,
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      throttle: { ...(options.throttle as object), enabled: false },
      retry: { enabled: false },
    })),
  });
}

/** Probot with Specwright loaded; test defaults: known bot login, no progress edits in between, no env. */
export async function loadTestApp(
  deps: SpecwrightAppDeps = {},
): Promise<{ probot: Probot; specwright: SpecwrightApp }> {
  const probot = createTestProbot();
  const specwright = createSpecwrightApp({
    botLogin: BOT,
    env: {},
    progressIntervalMs: 60 * 60 * 1000,
    concurrency: 4,
    ...deps,
  });
  await probot.load(specwright.app);
  return { probot, specwright };
}

/** A webhook fixture from `test/fixtures/webhooks/`, deep-copied so tests may change it. */
export function webhookFixture<T = Record<string, unknown>>(name: string): T {
  const url = new URL(`../fixtures/webhooks/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

/** Delivers an event through Probot's `receive` (what the webhook middleware calls after verifying it). */
export function deliver(
  probot: Probot,
  name: "issue_comment" | "issues" | "push",
  payload: unknown,
  id: string = randomUUID(),
): Promise<void> {
  return probot.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]);
}
