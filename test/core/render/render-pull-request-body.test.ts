import { describe, expect, it } from "vitest";
import {
  pullRequestMarker,
  renderPullRequestBody,
} from "../../../src/core/render/render-pull-request-body.js";
import { readRunMetadata } from "../../../src/core/render/pull-request-metadata.js";
import { agent, finding, PLANTED_KEY, runResult } from "./run-fixtures.js";

describe("renderPullRequestBody", () => {
  const result = runResult({
    agents: [
      agent({ name: "boundary-brief", title: "Boundary Brief", phase: 1, filesRead: ["README.md"] }),
      agent({ name: "sessions-gateway", phase: 2, costUsd: 0.2871 }),
      agent({ name: "billing", phase: 3, status: "model-error", reason: "overloaded", filesRead: [] }),
    ],
    openQuestions: ["Should idle sessions expire after 15 or 30 minutes?"],
    findings: [finding({ id: "SW-1" }), finding({ id: "SW-2", rule: "glossary-term", severity: "warning" })],
  });
  const body = renderPullRequestBody({
    result,
    target: "system-specs",
    repositoryUrl: "https://github.com/acme/platform",
    trigger: "@octocat commented `/spec regenerate all` on #12",
    notes: ["Comments from 2 users without write access were left out."],
  });

  it("starts with the target marker and the run metadata", () => {
    const [marker, meta] = body.split("\n");
    expect(marker).toBe("<!-- specwright:pr:system-specs -->");
    expect(meta).toBe(
      '<!-- specwright:run {"target":"system-specs","kind":"system","commit":"3f9c2e71b8d04a6e5c1f2a9b7d3e8c0a4b6f1d2e","model":"claude-sonnet-5-5","startedAt":"2025-03-04T10:15:00.000Z","agents":["boundary-brief","sessions-gateway","billing"]} -->',
    );
    expect(pullRequestMarker("spec-a --> b")).toBe("<!-- specwright:pr:spec-a-----b -->");
  });

  it("says what changed and why, and links the commit", () => {
    expect(body).toContain(
      "Specwright's agents wrote 2 specs from the code at [`3f9c2e7`](https://github.com/acme/platform/commit/3f9c2e71b8d04a6e5c1f2a9b7d3e8c0a4b6f1d2e).",
    );
    expect(body).toContain("**Why:** @&#8203;octocat commented `/spec regenerate all` on #12");
    expect(body).toContain("⚠️ 1 agent did not produce a publishable spec");
    expect(body).toContain("> Comments from 2 users without write access were left out.");
    expect(body).toContain("- `docs/specs/boundary-brief.md` by `boundary-brief`");
  });

  it("has a per-agent table, files read, model and totals", () => {
    expect(body).toContain(
      "| `sessions-gateway` | 2 | ✅ succeeded | 2 | 43,910 (38,500 cached) | 6,120 | $0.29 | 1m 23s |",
    );
    expect(body).toContain("| `billing` | 3 | ❌ model error | 0 |");
    expect(body).toContain(
      "<details><summary><code>sessions-gateway</code> read 2 files</summary>\n\n- `apps/gateway/src/server.ts`\n- `apps/gateway/src/routes/sessions.ts`\n\n</details>",
    );
    expect(body).toContain(
      "**Model:** `claude-sonnet-5-5` · **Total:** 131,730 input tokens (115,500 cached), 18,360 output, est. $0.56, 3m 21s",
    );
  });

  it("lists open questions as checkboxes, counts findings and says how to iterate", () => {
    expect(body).toContain(
      "### Open questions for reviewers\n\n- [ ] Should idle sessions expire after 15 or 30 minutes?",
    );
    expect(body).toContain("1 error, 1 warning, 0 info: see the review");
    expect(body).toContain("| Broken cross-references | 1 | 0 | 0 |\n| Glossary violations | 0 | 1 | 0 |");
    // A system-spec PR may change several specs: the revision names one.
    expect(body).toContain("- `/spec revise boundary-brief <feedback>`: rewrite one spec of this PR");
    expect(body).toContain("- `/spec regenerate boundary-brief`: rerun one spec's agent");
    expect(body).toContain("- `/spec check`:");
  });

  it("tells an implementation spec's reviewers to revise it as it is or draft it again under its own name", () => {
    const text = renderPullRequestBody({
      result: runResult({
        kind: "implementation",
        agents: [agent({ name: "implementation-spec", specFile: "specs/12-login.md" })],
      }),
      target: "spec-12-login",
      source: "issue #12",
    });
    expect(text).toContain("- `/spec revise <feedback>`: rewrite the spec");
    expect(text).toContain("- `/spec regenerate spec-12-login`: draft the spec again from its source");
    expect(text).not.toContain("--with-dependents");
    expect(text).not.toContain("/spec regenerate implementation-spec");
    expect(readRunMetadata(text)).toMatchObject({ target: "spec-12-login", source: "issue #12" });
  });

  it("stays under 65,536 characters with huge file lists, saying how many were left out", () => {
    const big = runResult({
      agents: Array.from({ length: 13 }, (_, i) =>
        agent({
          name: `agent-${i}`,
          filesRead: Array.from(
            { length: 3_000 },
            (_, j) => `packages/module-${i}/src/deeply/nested/file-${j}.ts`,
          ),
        }),
      ),
      openQuestions: Array.from({ length: 120 }, (_, i) => `Question ${i}?`),
    });
    const text = renderPullRequestBody({ result: big, target: "system-specs" });
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(text.match(/^… and \d+ more$/gm)).toHaveLength(14);
    expect(text).toContain("- [ ] Question 49?\n… and 70 more");
    expect(text).toContain("### How to iterate");
    expect(text.match(/<details>/g)).toHaveLength(13);
    expect(text.match(/<\/details>/g)).toHaveLength(13);
  });

  it("redacts secrets and neutralises markup in model-written text", () => {
    const text = renderPullRequestBody({
      result: runResult({
        openQuestions: [`Rotate ${PLANTED_KEY}? <!-- specwright:pr:other --> <img src=x>`],
      }),
      target: "spec-login",
      trigger: `key ${PLANTED_KEY}`,
    });
    expect(text).not.toContain("sk-ant-");
    expect(text).toContain("- [ ] Rotate [REDACTED]? &lt;img src=x&gt;");
    expect(text.match(/specwright:pr:/g)).toHaveLength(1);
  });
});
