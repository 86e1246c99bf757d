import { describe, expect, it } from "vitest";
import { readServerEnv } from "../../src/server/read-server-env.js";

describe("readServerEnv", () => {
  it("uses probot run's defaults when nothing is set", () => {
    expect(readServerEnv({})).toEqual({
      env: {
        port: 3000,
        host: "localhost",
        webhookPath: "/api/github/webhooks",
        webhookProxyUrl: undefined,
        secret: "development",
        secretIsDefault: true,
        logLevel: "info",
        logFormat: "pretty",
      },
      problems: [],
    });
  });

  it("reads every variable", () => {
    const { env, problems } = readServerEnv({
      PORT: "8080",
      HOST: "0.0.0.0",
      WEBHOOK_PATH: "/hooks",
      WEBHOOK_PROXY_URL: "https://smee.io/abc123",
      WEBHOOK_SECRET: "s3cret-value",
      LOG_LEVEL: "DEBUG",
      NODE_ENV: "production",
    });
    expect(problems).toEqual([]);
    expect(env).toEqual({
      port: 8080,
      host: "0.0.0.0",
      webhookPath: "/hooks",
      webhookProxyUrl: "https://smee.io/abc123",
      secret: "s3cret-value",
      secretIsDefault: false,
      logLevel: "debug",
      logFormat: "json",
    });
  });

  it("reports unusable values without repeating them and falls back to the defaults", () => {
    const { env, problems } = readServerEnv({
      PORT: "http",
      WEBHOOK_PATH: "hooks",
      WEBHOOK_PROXY_URL: "smee",
      LOG_LEVEL: "loud",
      LOG_FORMAT: "xml",
    });
    expect(problems.map((p) => p.variable)).toEqual([
      "PORT",
      "WEBHOOK_PATH",
      "WEBHOOK_PROXY_URL",
      "LOG_LEVEL",
      "LOG_FORMAT",
    ]);
    for (const p of problems) expect(p.message).not.toMatch(/http|hooks|smee|loud|xml/);
    expect(env).toMatchObject({
      port: 3000,
      webhookPath: "/api/github/webhooks",
      logLevel: "info",
      logFormat: "pretty",
    });
    expect(env.webhookProxyUrl).toBeUndefined();
  });
});
