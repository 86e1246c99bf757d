import { describe, expect, it } from "vitest";
import { createProgressDisplay } from "../../src/cli/create-progress-display.js";
import type { CliIo } from "../../src/cli/io.js";
import type { ProgressEvent } from "../../src/services/spec-engine.js";

const usage = (input: number, cached: number, output: number) => ({
  inputTokens: input,
  cacheReadInputTokens: cached,
  cacheCreationInputTokens: 0,
  outputTokens: output,
});

const EVENTS: ProgressEvent[] = [
  { type: "agent-queued", agent: "catalog", phase: 1 },
  { type: "agent-queued", agent: "checkout", phase: 2 },
  { type: "agent-started", agent: "catalog", phase: 1 },
  { type: "agent-turn", agent: "catalog", phase: 1, turn: 1, usage: usage(1200, 8000, 300), elapsedMs: 4000 },
  {
    type: "agent-finished",
    agent: "catalog",
    phase: 1,
    status: "failed-validation",
    reason: "The submission still fails 2 checks after 2 repair rounds.",
    turns: 3,
    usage: usage(1500, 16000, 900),
    elapsedMs: 65000,
  },
  {
    type: "agent-finished",
    agent: "checkout",
    phase: 2,
    status: "skipped",
    reason: 'Depends on "catalog", which failed.',
    turns: 0,
    usage: usage(0, 0, 0),
    elapsedMs: 0,
  },
  { type: "phase-settled", phase: 1 },
];

function io(isTTY: boolean): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: () => undefined, cwd: "/", env: {}, isTTY, lines };
}

describe("createProgressDisplay", () => {
  it("prints one line per event without a terminal", () => {
    const out = io(false);
    let clock = 1_000;
    const display = createProgressDisplay(out, () => clock);
    for (const event of EVENTS) {
      display.onProgress(event);
      clock += 2_000;
    }
    display.stop();
    expect(out.lines).toEqual([
      "[phase 1] catalog   running  turn 0  0 in · 0 out  0s",
      "[phase 1] catalog   running  turn 1  9,200 in (8,000 cached) · 300 out  2s",
      "[phase 1] catalog   failed: failed-validation: The submission still fails 2 checks after 2 repair rounds.  17,500 in (16,000 cached) · 900 out  1m 5s",
      '[phase 2] checkout  skipped: Depends on "catalog", which failed.',
      "phase 1 settled",
    ]);
  });

  it("redraws one block in place on a terminal", () => {
    const out = io(true);
    const display = createProgressDisplay(out, () => 0);
    for (const event of EVENTS.slice(0, 4)) display.onProgress(event);
    display.stop();
    // Queued events draw the block too; from the second draw on, the cursor goes back up first.
    expect(out.lines[0]).toBe("[phase 1] catalog  queued");
    expect(out.lines[1]).toBe("\u001b[1F\u001b[J[phase 1] catalog   queued\n[phase 2] checkout  queued");
    expect(out.lines.at(-1)).toBe(
      "\u001b[2F\u001b[J[phase 1] catalog   running  turn 1  9,200 in (8,000 cached) · 300 out  0s\n[phase 2] checkout  queued",
    );
  });
});
