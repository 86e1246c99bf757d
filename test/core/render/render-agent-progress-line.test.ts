import { describe, expect, it } from "vitest";
import type { AgentProgressStatus } from "../../../src/core/render/progress-state.js";
import { renderAgentProgressLine } from "../../../src/core/render/render-agent-progress-line.js";
import { PLANTED_KEY, usage } from "./run-fixtures.js";

describe("renderAgentProgressLine", () => {
  it.each([
    [{ kind: "queued" }, "[phase 2] sessions-gateway  queued"],
    [
      { kind: "running", turn: 3 },
      "[phase 2] sessions-gateway  running  turn 3  13,345 in (10,000 cached) · 2,345 out  1m 23s",
    ],
    [
      { kind: "succeeded" },
      "[phase 2] sessions-gateway  succeeded  13,345 in (10,000 cached) · 2,345 out  1m 23s",
    ],
    [
      { kind: "failed", reason: `HTTP 401 with key ${PLANTED_KEY}` },
      "[phase 2] sessions-gateway  failed: HTTP 401 with key [REDACTED]  13,345 in (10,000 cached) · 2,345 out  1m 23s",
    ],
    [
      { kind: "skipped", reason: 'depends on "auth"' },
      '[phase 2] sessions-gateway  skipped: depends on "auth"',
    ],
  ] as [AgentProgressStatus, string][])("%j", (status, expected) => {
    const line = renderAgentProgressLine({
      name: "sessions-gateway",
      phase: 2,
      status,
      usage: usage(3_345, 10_000, 2_345),
      durationMs: 83_400,
    });
    expect(line).toBe(expected);
  });

  it("pads names to align several agents", () => {
    const line = renderAgentProgressLine(
      { name: "auth", phase: 1, status: { kind: "queued" }, usage: usage(0, 0, 0), durationMs: 0 },
      { nameWidth: 16 },
    );
    expect(line).toBe("[phase 1] auth              queued");
  });
});
