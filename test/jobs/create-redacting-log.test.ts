import { describe, expect, it, vi } from "vitest";
import { createRedactingLog } from "../../src/jobs/create-redacting-log.js";

describe("createRedactingLog", () => {
  it("redacts the environment's secret values and known token shapes from messages and details", () => {
    const inner = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const env = {
      WEBHOOK_SECRET: "hook-plain-secret-9xT4",
      LLM_GATEWAY_KEY: "gw-7Qm2xLp9-plain",
      HOME: "/home/app",
    };
    const log = createRedactingLog(inner, env);

    log.warn(
      {
        error: "gateway said gw-7Qm2xLp9-plain is wrong",
        nested: { cause: new Error("signature hook-plain-secret-9xT4") },
        list: ["ghp_abcdefghijklmnopqrstuvwxyz0123456789"],
        count: 3,
      },
      "could not update the progress comment: hook-plain-secret-9xT4",
    );
    log.info({ home: "/home/app" }, "job started");

    expect(inner.warn).toHaveBeenCalledWith(
      {
        error: "gateway said [REDACTED] is wrong",
        nested: { cause: "signature [REDACTED]" },
        list: ["[REDACTED]"],
        count: 3,
      },
      "could not update the progress comment: [REDACTED]",
    );
    // Values of variables that are not secret-looking stay.
    expect(inner.info).toHaveBeenCalledWith({ home: "/home/app" }, "job started");
  });
});
