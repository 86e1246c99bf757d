import { describe, expect, it } from "vitest";
import { handleIssueComment } from "../../src/handlers/handle-issue-comment.js";
import { handleIssuesLabeled } from "../../src/handlers/handle-issues-labeled.js";
import { handlePush } from "../../src/handlers/handle-push.js";
import type { HandlerDeps } from "../../src/handlers/handler-types.js";
import type { JobPayload } from "../../src/jobs/job-payload.js";
import type { EnqueueRequest } from "../../src/ports/job-queue.js";
import { webhookFixture } from "../helpers/probot-test-app.js";

function fakeQueue() {
  const requests: EnqueueRequest<JobPayload>[] = [];
  const deps: HandlerDeps = {
    queue: {
      async enqueue(request) {
        requests.push(request);
        return { status: "queued", jobId: `job-${requests.length}` };
      },
    },
    log: { info: () => undefined },
  };
  return { deps, requests };
}

/** A webhook payload as the tests change it. */
type Json = Record<string, unknown> & {
  comment: Record<string, unknown>;
  issue: Record<string, unknown>;
  commits: { removed: string[] }[];
};

describe("handleIssueComment", () => {
  it("enqueues a command job with the delivery id, in the branch's lane, without any request", async () => {
    const { deps, requests } = fakeQueue();
    const outcome = await handleIssueComment(
      { id: "d-1", payload: webhookFixture("issue-comment-on-issue") },
      deps,
    );
    expect(outcome).toEqual({
      status: "queued",
      jobId: "job-1",
      key: "orbit/books:regenerate:all::#12:alice-dev",
    });
    expect(requests[0]).toMatchObject({ deliveryId: "d-1", lane: "orbit/books#specwright/system-specs" });
    expect(requests[0]?.payload).toEqual({
      kind: "command",
      repo: {
        installationId: 77,
        owner: "orbit",
        repo: "books",
        defaultBranch: "main",
        htmlUrl: "https://github.com/orbit/books",
      },
      conversation: { number: 12, isPullRequest: false, title: "Gift wrapping at checkout", labels: [] },
      commentId: 9001,
      sender: "alice-dev",
      command: { kind: "regenerate", names: ["all"], withDependents: false, force: false },
    });
  });

  it("marks comments on pull requests", async () => {
    const { deps, requests } = fakeQueue();
    await handleIssueComment({ id: "d-2", payload: webhookFixture("issue-comment-on-pull-request") }, deps);
    expect(requests[0]?.payload).toMatchObject({
      conversation: { number: 31, isPullRequest: true },
      command: { kind: "check" },
    });
    expect(requests[0]?.lane).toBe("orbit/books#conversation-31");
  });

  it.each<[string, (p: Json) => void, string]>([
    ["a bot sender", (p) => (p.sender = { login: "dependabot[bot]", type: "Bot" }), "sent by a bot"],
    [
      "Specwright's own comment",
      (p) => (p.comment.user = { login: "specwright[bot]", type: "Bot" }),
      "sent by a bot",
    ],
    [
      "a login ending in [bot] typed as User",
      (p) => (p.sender = { login: "ci-runner[bot]", type: "User" }),
      "sent by a bot",
    ],
    ["no command", (p) => (p.comment.body = "Looks good to me"), "no /spec command"],
    [
      "a command in inline code",
      (p) => (p.comment.body = "Use `/spec regenerate all` later"),
      "no /spec command",
    ],
    ["an edited comment", (p) => (p.action = "edited"), "payload lacks the issue, comment or repository"],
    ["no installation", (p) => delete p.installation, "payload lacks the issue, comment or repository"],
  ])("ignores %s", async (_name, change, reason) => {
    const { deps, requests } = fakeQueue();
    const payload = webhookFixture<Json>("issue-comment-on-issue");
    change(payload);
    expect(await handleIssueComment({ id: "d", payload }, deps)).toEqual({ status: "ignored", reason });
    expect(requests).toEqual([]);
  });
});

describe("handleIssuesLabeled", () => {
  it("enqueues a label job in the lane of the issue's spec branch", async () => {
    const { deps, requests } = fakeQueue();
    const outcome = await handleIssuesLabeled({ id: "d-3", payload: webhookFixture("issues-labeled") }, deps);
    expect(outcome).toMatchObject({ status: "queued", key: "orbit/books:label:#12:needs-spec:alice-dev" });
    expect(requests[0]).toMatchObject({
      lane: "orbit/books#specwright/spec-12-gift-wrapping-at-checkout",
      deliveryId: "d-3",
      payload: {
        kind: "issue-labeled",
        label: "needs-spec",
        sender: "alice-dev",
        conversation: { labels: ["needs-spec"] },
      },
    });
  });

  it.each<[string, (p: Json) => void]>([
    ["a bot", (p) => (p.sender = { login: "specwright[bot]", type: "Bot" })],
    [
      "a pull request",
      (p) => (p.issue.pull_request = { url: "https://api.github.com/repos/orbit/books/pulls/12" }),
    ],
  ])("ignores labels by or on %s", async (_name, change) => {
    const { deps, requests } = fakeQueue();
    const payload = webhookFixture<Json>("issues-labeled");
    change(payload);
    expect((await handleIssuesLabeled({ id: "d", payload }, deps)).status).toBe("ignored");
    expect(requests).toEqual([]);
  });
});

describe("handlePush", () => {
  it("collects added, modified and removed paths of the pushed commits", async () => {
    const { deps, requests } = fakeQueue();
    const outcome = await handlePush({ id: "d-4", payload: webhookFixture("push-default-branch") }, deps);
    expect(outcome).toMatchObject({
      status: "queued",
      key: "orbit/books:push:9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",
    });
    expect(requests[0]?.lane).toBe("orbit/books#push");
    expect(requests[0]?.payload).toMatchObject({
      kind: "push",
      after: "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",
      changedFiles: ["docs/discovery/gift-wrapping.md", "src/cart/cart.ts", "src/catalog/search.ts"],
      addedOrModified: ["docs/discovery/gift-wrapping.md", "src/cart/cart.ts"],
      // Who made each commit, so the job can skip pushes that only merge Specwright's work.
      commits: [
        { authorLogin: "alice-dev", authorEmail: "alice@orbit.example", message: "Discovery: gift wrapping" },
        { authorLogin: "alice-dev", authorEmail: "alice@orbit.example", message: "Cap the cart at 25 books" },
      ],
    });
  });

  it("drops a document a later commit of the same push removed", async () => {
    const { deps, requests } = fakeQueue();
    const payload = webhookFixture<Json>("push-default-branch");
    payload.commits[1]?.removed.push("docs/discovery/gift-wrapping.md");
    await handlePush({ id: "d", payload }, deps);
    expect(requests[0]?.payload).toMatchObject({ addedOrModified: ["src/cart/cart.ts"] });
  });

  it.each<[string, (p: Json) => void, string]>([
    ["another branch", (p) => (p.ref = "refs/heads/feature"), "not the default branch"],
    ["a tag", (p) => (p.ref = "refs/tags/v1.0.0"), "not the default branch"],
    ["a deleted branch", (p) => ((p.deleted = true), (p.after = "0".repeat(40))), "branch deleted"],
    ["a bot", (p) => (p.sender = { login: "renovate[bot]", type: "Bot" }), "sent by a bot"],
    ["an empty push", (p) => (p.commits = []), "no changed files"],
  ])("ignores %s", async (_name, change, reason) => {
    const { deps, requests } = fakeQueue();
    const payload = webhookFixture<Json>("push-default-branch");
    change(payload);
    expect(await handlePush({ id: "d", payload }, deps)).toEqual({ status: "ignored", reason });
    expect(requests).toEqual([]);
  });
});
