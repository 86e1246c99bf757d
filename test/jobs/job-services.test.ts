import { describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "../../src/core/limits/create-rate-limiter.js";
import { openJobContext, type JobOctokit, type JobServices } from "../../src/jobs/job-services.js";

describe("openJobContext", () => {
  it("gives the job a log that redacts the environment's secret values", async () => {
    const warn = vi.fn();
    const services: JobServices = {
      octokitFor: async () => ({}) as JobOctokit,
      botLogin: async () => "specwright[bot]",
      engine: () => {
        throw new Error("no engine expected");
      },
      enqueue: () => Promise.reject(new Error("no enqueue expected")),
      runLimiter: createRateLimiter({ max: 1, windowMs: 1000, now: () => 0 }),
      refusalLimiter: createRateLimiter({ max: 1, windowMs: 1000, now: () => 0 }),
      secretEnv: { WEBHOOK_SECRET: "hook-plain-secret-9xT4" },
      now: () => 0,
      progressIntervalMs: 1000,
      builtinPromptsDir: "/nowhere",
      log: { info: () => undefined, warn, error: () => undefined },
    };
    const repo = { installationId: 1, owner: "orbit", repo: "books", defaultBranch: "main" };
    const ctx = await openJobContext("job-1", repo, services);

    ctx.log.warn({ error: "GitHub echoed hook-plain-secret-9xT4" }, "could not update the progress comment");

    expect(warn).toHaveBeenCalledWith(
      { error: "GitHub echoed [REDACTED]" },
      "could not update the progress comment",
    );
  });
});
