import { describe, expect, it } from "vitest";
import { readAppEnv } from "../../src/app-env.js";

describe("readAppEnv", () => {
  it("applies defaults to an empty environment", () => {
    expect(readAppEnv({})).toEqual({
      env: {
        ANTHROPIC_API_KEY: undefined,
        ANTHROPIC_BASE_URL: undefined,
        SPECWRIGHT_BOT_LOGIN: undefined,
        SPECWRIGHT_CONCURRENCY: 2,
        SPECWRIGHT_PROGRESS_INTERVAL_SECONDS: 5,
        SPECWRIGHT_RUNS_PER_ISSUE_PER_HOUR: 6,
      },
      problems: [],
    });
  });

  it("reads every variable and treats blank ones as unset", () => {
    const { env, problems } = readAppEnv({
      ANTHROPIC_API_KEY: "  sk-ant-api03-secret-value  ",
      ANTHROPIC_BASE_URL: "https://llm-gateway.internal/anthropic",
      SPECWRIGHT_BOT_LOGIN: "",
      SPECWRIGHT_CONCURRENCY: "4",
      SPECWRIGHT_PROGRESS_INTERVAL_SECONDS: "10",
      SPECWRIGHT_RUNS_PER_ISSUE_PER_HOUR: "3",
    });
    expect(problems).toEqual([]);
    expect(env.SPECWRIGHT_BOT_LOGIN).toBeUndefined();
    expect(env).toMatchObject({
      ANTHROPIC_API_KEY: "sk-ant-api03-secret-value",
      ANTHROPIC_BASE_URL: "https://llm-gateway.internal/anthropic",
      SPECWRIGHT_CONCURRENCY: 4,
      SPECWRIGHT_PROGRESS_INTERVAL_SECONDS: 10,
      SPECWRIGHT_RUNS_PER_ISSUE_PER_HOUR: 3,
    });
  });

  it("reports bad values by name only (never the value) and falls back to the default", () => {
    const { env, problems } = readAppEnv({
      ANTHROPIC_BASE_URL: "ftp://sk-ant-leaked-in-url",
      SPECWRIGHT_CONCURRENCY: "lots",
      SPECWRIGHT_BOT_LOGIN: "specwright",
    });
    expect(problems.map((p) => p.variable)).toEqual([
      "ANTHROPIC_BASE_URL",
      "SPECWRIGHT_BOT_LOGIN",
      "SPECWRIGHT_CONCURRENCY",
    ]);
    expect(JSON.stringify(problems)).not.toContain("sk-ant-leaked");
    expect(env.ANTHROPIC_BASE_URL).toBeUndefined();
    expect(env.SPECWRIGHT_BOT_LOGIN).toBeUndefined();
    expect(env.SPECWRIGHT_CONCURRENCY).toBe(2);
  });
});
