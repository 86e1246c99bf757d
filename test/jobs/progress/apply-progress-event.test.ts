import { describe, expect, it } from "vitest";
import type { ProgressState } from "../../../src/core/render/progress-state.js";
import { applyProgressEvent, isStateChange } from "../../../src/jobs/progress/apply-progress-event.js";
import type { ProgressEvent } from "../../../src/services/spec-engine.js";

const usage = { inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 100, cacheCreationInputTokens: 0 };
const start: ProgressState = { target: "system-specs", kind: "system", agents: [], finished: false };

describe("applyProgressEvent", () => {
  it("follows an agent from queued to finished and adds the review after the last phase", () => {
    const events: ProgressEvent[] = [
      { type: "agent-queued", agent: "cart", phase: 1 },
      { type: "agent-queued", agent: "checkout", phase: 2 },
      { type: "agent-started", agent: "cart", phase: 1 },
      { type: "agent-turn", agent: "cart", phase: 1, turn: 2, usage, elapsedMs: 1500 },
      {
        type: "agent-finished",
        agent: "cart",
        phase: 1,
        status: "succeeded",
        turns: 2,
        usage,
        elapsedMs: 2000,
      },
      {
        type: "agent-finished",
        agent: "checkout",
        phase: 2,
        status: "skipped",
        reason: 'Depends on "cart".',
        turns: 0,
        usage,
        elapsedMs: 0,
      },
      { type: "phase-settled", phase: 2 },
      { type: "review-started" },
    ];
    const state = events.reduce(applyProgressEvent, start);
    expect(state.agents).toEqual([
      { name: "cart", phase: 1, status: { kind: "succeeded" }, usage, durationMs: 2000 },
      {
        name: "checkout",
        phase: 2,
        status: { kind: "skipped", reason: 'Depends on "cart".' },
        usage,
        durationMs: 0,
      },
      {
        name: "review",
        title: "Consistency review",
        phase: 3,
        status: { kind: "running", turn: 0 },
        usage: { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
        durationMs: 0,
      },
    ]);
    const failed = applyProgressEvent(state, {
      type: "agent-finished",
      agent: "cart",
      phase: 1,
      status: "model-error",
      turns: 1,
      usage,
      elapsedMs: 10,
    });
    expect(failed.agents[0]?.status).toEqual({ kind: "failed", reason: "model-error" });
  });

  it("treats turns as numbers only and everything else as a state change", () => {
    expect(isStateChange({ type: "agent-turn", agent: "a", phase: 1, turn: 1, usage, elapsedMs: 1 })).toBe(
      false,
    );
    expect(isStateChange({ type: "agent-started", agent: "a", phase: 1 })).toBe(true);
    expect(isStateChange({ type: "review-finished", findings: 0 })).toBe(true);
  });
});
