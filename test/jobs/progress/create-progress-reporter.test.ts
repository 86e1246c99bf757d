import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createProgressReporter } from "../../../src/jobs/progress/create-progress-reporter.js";
import type { IssueComment } from "../../../src/ports/git-host.js";
import { createFakeHost } from "../../helpers/probot-fake-host.js";

const usage = { inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 };
const quiet = { info: () => undefined, warn: vi.fn(), error: () => undefined };

function setup(existing?: IssueComment) {
  const posted: { kind: "create" | "update"; body: string }[] = [];
  const host = createFakeHost({
    findComment: async () => existing,
    createComment: async (_n, body) => {
      posted.push({ kind: "create", body });
      return { id: 900, url: "https://github.com/orbit/books/issues/12#issuecomment-900" };
    },
    updateComment: async (id, body) => {
      posted.push({ kind: "update", body });
      return { id, url: `https://github.com/orbit/books/issues/12#issuecomment-${id}` };
    },
  });
  const reporter = createProgressReporter({
    host,
    initial: { target: "system-specs", kind: "system", agents: [], finished: false },
    now: () => Date.now(),
    intervalMs: 5000,
    log: quiet,
  });
  return { reporter, posted, host };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe("createProgressReporter", () => {
  it("posts once, then batches state changes into at most one edit per interval; turns alone never edit", async () => {
    const { reporter, posted } = setup();
    await reporter.start(12);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body).toContain("<!-- specwright:progress:system-specs -->");

    reporter.onProgress({ type: "agent-started", agent: "cart", phase: 1 });
    reporter.onProgress({ type: "agent-started", agent: "catalog", phase: 1 });
    reporter.onProgress({ type: "agent-turn", agent: "cart", phase: 1, turn: 3, usage, elapsedMs: 900 });
    await vi.advanceTimersByTimeAsync(4999);
    expect(posted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(posted).toHaveLength(2);
    expect(posted[1]?.body).toContain("**`cart`** — running (turn 3)");
    expect(posted[1]?.body).toContain("**`catalog`** — running (turn 0)");

    reporter.onProgress({ type: "agent-turn", agent: "cart", phase: 1, turn: 4, usage, elapsedMs: 1900 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(posted).toHaveLength(2);
  });

  it("edits the comment an earlier run left (found by its marker) and writes the final state at once", async () => {
    const existing: IssueComment = {
      id: 77,
      body: "<!-- specwright:progress:system-specs -->\nold",
      url: "u",
      authorLogin: "specwright[bot]",
      authorType: "Bot",
      isOwn: true,
      createdAt: "2026-01-01T00:00:00Z",
    };
    const { reporter, posted } = setup(existing);
    await reporter.start(12);
    reporter.onProgress({ type: "agent-started", agent: "cart", phase: 1 });
    await reporter.finish({ ...reporter.state(), finished: true });
    expect(posted.map((p) => p.kind)).toEqual(["update", "update"]);
    expect(posted[1]?.body).toContain("— done");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(posted).toHaveLength(2);
  });

  it("posts on the pull request at the end when there was no conversation to start in", async () => {
    const { reporter, posted, host } = setup();
    reporter.onProgress({ type: "agent-started", agent: "implementation-spec", phase: 1 });
    await reporter.finish({ ...reporter.state(), finished: true }, 31);
    expect(posted.map((p) => p.kind)).toEqual(["create"]);
    expect(host.calls.find(([m]) => m === "createComment")?.[1][0]).toBe(31);
  });

  it("logs and carries on when GitHub refuses an edit", async () => {
    const host = createFakeHost({
      findComment: async () => undefined,
      createComment: async () => {
        throw new Error("HTTP 502");
      },
    });
    const reporter = createProgressReporter({
      host,
      initial: { target: "check", kind: "check", agents: [], finished: false },
      now: () => Date.now(),
      intervalMs: 0,
      log: quiet,
    });
    await expect(reporter.start(12)).resolves.toBeUndefined();
    expect(quiet.warn).toHaveBeenCalledWith({ error: "HTTP 502" }, "could not update the progress comment");
  });
});
