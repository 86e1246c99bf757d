import { describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "../../src/core/limits/create-rate-limiter.js";
import type { JobPayload } from "../../src/jobs/job-payload.js";
import type { JobServices } from "../../src/jobs/job-services.js";
import { runJob } from "../../src/jobs/run-job.js";

function services(): JobServices & { error: ReturnType<typeof vi.fn> } {
  const error = vi.fn();
  return {
    error,
    octokitFor: () => Promise.reject(new Error("no client expected")),
    botLogin: async () => "specwright[bot]",
    engine: () => {
      throw new Error("no engine expected");
    },
    enqueue: () => Promise.reject(new Error("no enqueue expected")),
    runLimiter: createRateLimiter({ max: 1, windowMs: 1000, now: () => 0 }),
    refusalLimiter: createRateLimiter({ max: 1, windowMs: 1000, now: () => 0 }),
    secretEnv: {},
    now: () => 0,
    progressIntervalMs: 1000,
    builtinPromptsDir: "/nowhere",
    log: { info: () => undefined, warn: () => undefined, error },
  };
}

describe("runJob", () => {
  it("drops a payload that does not validate, logging why, without contacting GitHub", async () => {
    const s = services();
    const payload = { kind: "command", repo: { installationId: -1 } } as unknown as JobPayload;
    await runJob({ id: "job-1", key: "k", lane: "l", deliveryId: undefined, payload, enqueuedAt: "" }, s);
    expect(s.error).toHaveBeenCalledWith(
      expect.objectContaining({ job: "job-1", key: "k" }),
      "invalid job payload dropped",
    );
  });
});
