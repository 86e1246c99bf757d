import { describe, expect, it } from "vitest";
import { readServerEnv, resolveWebhookProcesses } from "../../src/server/read-server-env.js";

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
        webhookProcesses: "auto",
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
      SPECWRIGHT_WEBHOOK_PROCESSES: " 3 ",
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
      webhookProcesses: 3,
    });
  });

  it("reports unusable values without repeating them and falls back to the defaults", () => {
    const { env, problems } = readServerEnv({
      PORT: "http",
      WEBHOOK_PATH: "hooks",
      WEBHOOK_PROXY_URL: "smee",
      LOG_LEVEL: "loud",
      LOG_FORMAT: "xml",
      SPECWRIGHT_WEBHOOK_PROCESSES: "many",
    });
    expect(problems.map((p) => p.variable)).toEqual([
      "PORT",
      "WEBHOOK_PATH",
      "WEBHOOK_PROXY_URL",
      "LOG_LEVEL",
      "LOG_FORMAT",
      "SPECWRIGHT_WEBHOOK_PROCESSES",
    ]);
    for (const p of problems) expect(p.message).not.toMatch(/http|hooks|smee|loud|xml|many/);
    expect(env).toMatchObject({
      port: 3000,
      webhookPath: "/api/github/webhooks",
      logLevel: "info",
      logFormat: "pretty",
      webhookProcesses: "auto",
    });
    expect(env.webhookProxyUrl).toBeUndefined();
  });
});

describe("SPECWRIGHT_WEBHOOK_PROCESSES", () => {
  it.each([
    ["0", 0],
    ["16", 16],
    ["AUTO", "auto"],
  ] as const)("reads %s", (value, expected) => {
    expect(readServerEnv({ SPECWRIGHT_WEBHOOK_PROCESSES: value })).toMatchObject({
      env: { webhookProcesses: expected },
      problems: [],
    });
  });

  it.each(["17", "-1", "1.5", "two"])("refuses %s and says what it takes", (value) => {
    const { env, problems } = readServerEnv({ SPECWRIGHT_WEBHOOK_PROCESSES: value });
    expect(env.webhookProcesses).toBe("auto");
    expect(problems).toEqual([
      { variable: "SPECWRIGHT_WEBHOOK_PROCESSES", message: "must be auto or a whole number from 0 to 16" },
    ]);
  });

  it.each([
    ["auto", 1, 0],
    ["auto", 2, 2],
    ["auto", 64, 2],
    [0, 8, 0],
    [4, 1, 4],
  ] as const)("resolves %s on %i cores to %i front processes", (setting, cores, expected) => {
    expect(resolveWebhookProcesses(setting, cores)).toBe(expected);
  });
});
