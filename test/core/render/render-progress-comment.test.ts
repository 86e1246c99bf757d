import { describe, expect, it } from "vitest";
import { progressFromRunResult } from "../../../src/core/render/progress-from-run-result.js";
import type { ProgressState } from "../../../src/core/render/progress-state.js";
import { progressMarker, renderProgressComment } from "../../../src/core/render/render-progress-comment.js";
import { agent, PLANTED_KEY, runResult, SHA, usage } from "./run-fixtures.js";

describe("renderProgressComment", () => {
  it("renders a running job with a checkbox per agent", () => {
    const state: ProgressState = {
      target: "system-specs",
      kind: "system",
      commit: SHA,
      model: "claude-sonnet-5-5",
      finished: false,
      durationMs: 95_000,
      agents: [
        {
          name: "sessions-gateway",
          title: "Sessions & Gateway",
          phase: 2,
          status: { kind: "running", turn: 3 },
          usage: usage(1_200, 30_000, 900),
          durationMs: 41_000,
        },
        {
          name: "boundary-brief",
          phase: 1,
          status: { kind: "succeeded" },
          usage: usage(4_000, 0, 5_500, 30_000),
          durationMs: 54_000,
          costUsd: 0.21,
        },
        { name: "billing", phase: 3, status: { kind: "queued" }, usage: usage(0, 0, 0), durationMs: 0 },
      ],
    };
    expect(renderProgressComment(state)).toMatchInlineSnapshot(`
      "<!-- specwright:progress:system-specs -->
      ### ⏳ Specwright · System specs — in progress

      Commit \`3f9c2e7\` · model \`claude-sonnet-5-5\`

      - [x] Phase 1 · **\`boundary-brief\`** — succeeded · 34,000 in · 5,500 out · $0.21 · 54s
      - [ ] Phase 2 · **\`sessions-gateway\`** (Sessions & Gateway) — running (turn 3) · 31,200 in (30,000 cached) · 900 out · 41s
      - [ ] Phase 3 · **\`billing\`** — queued

      **Total:** 1 of 3 agents done · 65,200 in (30,000 cached) · 6,400 out · 1m 35s

      <sub>This comment is updated as the job runs. Costs are estimates from list prices.</sub>"
    `);
  });

  it("shows links when the job is done", () => {
    const state = progressFromRunResult(runResult(), {
      pullRequest: { url: "https://github.com/acme/platform/pull/42", number: 42 },
      checkRun: { url: "https://github.com/acme/platform/runs/9001" },
    });
    const text = renderProgressComment(state);
    expect(text).toContain("### ✅ Specwright · System specs — done");
    expect(text).toContain(
      "**Pull request:** [#42](https://github.com/acme/platform/pull/42) · **Check run:** [Specwright consistency](https://github.com/acme/platform/runs/9001)",
    );
    expect(text.match(/- \[x\]/g)).toHaveLength(2);
    expect(text).not.toContain("What went wrong");
  });

  it("drops links that are not http(s)", () => {
    const text = renderProgressComment(
      progressFromRunResult(runResult(), { pullRequest: { url: "javascript:alert(1)", number: 1 } }),
    );
    expect(text).not.toContain("javascript:");
  });

  it("explains a failure in plain words with the retry command, and redacts secrets", () => {
    const result = runResult({
      agents: [
        agent({ name: "boundary-brief", phase: 1 }),
        agent({
          name: "sessions-gateway",
          phase: 2,
          status: "model-error",
          reason: `The model API was overloaded (HTTP 529) and retries ran out; key ${PLANTED_KEY}`,
        }),
        agent({
          name: "billing",
          phase: 3,
          status: "skipped",
          reason: 'depends on "sessions-gateway", which failed',
        }),
      ],
    });
    const text = renderProgressComment(progressFromRunResult(result, {}));
    expect(text).toContain("### ⚠️ Specwright · System specs — finished with problems");
    expect(text).toContain("**What went wrong:** 1 of 3 agents did not produce a publishable spec.");
    expect(text).toContain(
      "- `sessions-gateway`: The model API was overloaded (HTTP 529) and retries ran out; key [REDACTED]",
    );
    expect(text).toContain(
      '- [ ] Phase 3 · **`billing`** — skipped: depends on "sessions-gateway", which failed',
    );
    expect(text).toContain(
      "To retry, comment:\n\n```\n/spec regenerate sessions-gateway --with-dependents\n```",
    );
    expect(text).not.toContain("sk-ant-");
  });

  it("says what finished when the budget stopped the job", () => {
    const result = runResult({
      agents: [
        agent({ name: "boundary-brief", phase: 1 }),
        agent({ name: "auth", phase: 2 }),
        agent({ name: "sessions-gateway", phase: 2, status: "budget-exhausted" }),
        agent({ name: "billing", phase: 3, status: "skipped", reason: "the job's token budget ran out" }),
      ],
    });
    const state = progressFromRunResult(result);
    expect(state.failure?.budgetStop).toEqual({
      finished: ["boundary-brief", "auth"],
      unfinished: ["sessions-gateway", "billing"],
    });
    const text = renderProgressComment(state);
    expect(text).toContain(
      "**What went wrong:** The job's token budget ran out before every agent finished.",
    );
    expect(text).toContain(
      "**Finished:** `boundary-brief`, `auth`. **Not finished:** `sessions-gateway`, `billing`. Finished specs are kept.",
    );
    expect(text).toContain("- `sessions-gateway`: the job's token budget ran out");
    expect(state.failure?.retryCommand).toBe("/spec regenerate sessions-gateway billing");
  });

  it("lists a job-level failure once even when an agent reports the same", () => {
    const result = runResult({
      agents: [agent({ name: "auth", status: "model-error", reason: "HTTP 500 from the model API" })],
      failures: [
        { agent: "auth", message: "HTTP 500 from the model API" },
        { message: "The review did not run." },
      ],
    });
    expect(progressFromRunResult(result).failure?.details).toEqual([
      { agent: "auth", message: "HTTP 500 from the model API" },
      { message: "The review did not run." },
    ]);
  });

  it("marks a job where nothing succeeded as failed", () => {
    const result = runResult({
      kind: "implementation",
      agents: [
        agent({ name: "implementation", specFile: "specs/login-rate-limits.md", status: "max-turns" }),
      ],
    });
    const state = progressFromRunResult(result, {}, { retryCommand: "/spec revise <feedback>" });
    expect(state.target).toBe("spec-login-rate-limits");
    const text = renderProgressComment(state);
    expect(text.split("\n")[0]).toBe("<!-- specwright:progress:spec-login-rate-limits -->");
    expect(text).toContain("### ❌ Specwright · Implementation spec — failed");
    expect(text).toContain("it used its maximum number of turns without submitting a spec");
    expect(text).toContain("```\n/spec revise <feedback>\n```");
  });
});

describe("progressMarker", () => {
  it("cannot be broken out of by the target", () => {
    expect(progressMarker("system-specs")).toBe("<!-- specwright:progress:system-specs -->");
    expect(progressMarker("x --> <b>hi</b>")).toBe("<!-- specwright:progress:x------b-hi-/b- -->");
  });
});
