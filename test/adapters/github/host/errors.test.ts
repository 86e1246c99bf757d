import { Octokit } from "@octokit/rest";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { createGithubHost } from "../../../../src/adapters/github/create-github-host.js";
import { GitHostError } from "../../../../src/ports/git-host.js";
import { API, makeTestHost, REPO, rejectionOf, sha } from "./make-test-host.js";

const CHECK = { name: "Specwright consistency", headSha: sha("e"), output: { title: "t", summary: "s" } };

describe("GitHost errors", () => {
  it("maps a 403 to a permission error naming the missing installation permission", async () => {
    const scope = nock(API).post(`${REPO}/check-runs`).reply(403, {
      message: "Resource not accessible by integration",
      documentation_url: "https://docs.github.com/rest",
    });
    const error = await rejectionOf(makeTestHost().createCheckRun(CHECK));
    expect(error).toBeInstanceOf(GitHostError);
    expect(error).toMatchObject({
      reason: "permission",
      status: 403,
      githubMessage: "Resource not accessible by integration",
    });
    expect(error.message).toBe(
      'Could not create the check run "Specwright consistency" in acme/widgets: GitHub refused it: Resource not accessible by integration (HTTP 403)',
    );
    expect(error.hint).toMatch(/needs the "Checks: write" permission; check the installation's permissions/);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [
      "a rate limit",
      403,
      { message: "API rate limit exceeded for installation" },
      { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1767225600" },
      "rate-limit",
      /2026-01-01T00:00:00\.000Z/,
    ],
    [
      "a secondary rate limit",
      403,
      { message: "You have exceeded a secondary rate limit" },
      { "retry-after": "60" },
      "rate-limit",
      /Wait 60 s/,
    ],
    ["bad credentials", 401, { message: "Bad credentials" }, {}, "auth", /private key/],
    ["a missing pull request", 404, { message: "Not Found" }, {}, "not-found", /installed on acme\/widgets/],
    ["an empty repository", 409, { message: "Git Repository is empty." }, {}, "conflict", /first commit/],
    ["a server error", 502, { message: "Server Error" }, {}, "server", /temporary/],
  ])("maps %s", async (_label, status, body, headers, reason, hint) => {
    const scope = nock(API).patch(`${REPO}/pulls/3`).reply(status, body, headers);
    const error = await rejectionOf(makeTestHost().updatePullRequest(3, { title: "x" }));
    expect(error).toMatchObject({ name: "GitHostError", reason, status });
    expect(error.hint).toMatch(hint);
    expect(scope.isDone()).toBe(true);
  });

  it("maps a network failure and redacts credentials from the message", async () => {
    const scope = nock(API)
      .post(`${REPO}/issues/1/comments`)
      .replyWithError(`socket hang up (token ghs_${"x".repeat(36)})`);
    const error = await rejectionOf(makeTestHost().createComment(1, "hi"));
    expect(error).toMatchObject({ reason: "network", status: undefined });
    expect(error.message).toContain("[REDACTED]");
    expect(error.message).not.toContain("ghs_");
    expect(scope.isDone()).toBe(true);
  });

  it("reports an answer without the fields relied on as unexpected", async () => {
    const scope = nock(API).post(`${REPO}/git/trees`).reply(201, { sha: "not-a-sha" });
    const error = await rejectionOf(
      makeTestHost().commitFiles({
        branch: "specwright/x",
        parentSha: sha("a"),
        baseTreeSha: sha("b"),
        files: [{ path: "a.md", content: "a" }],
        message: "m",
        refUpdate: "create",
      }),
    );
    expect(error).toMatchObject({ reason: "unexpected-response" });
    expect(error.message).toMatch(/at "sha"/);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [{ owner: "acme widgets", repo: "x", botLogin: "specwright[bot]" }, /not a valid GitHub repository/],
    [{ owner: "acme", repo: "widgets", botLogin: "specwright" }, /not a GitHub App bot login/],
  ])("refuses bad options %o", (options, message) => {
    expect(() => createGithubHost({ octokit: new Octokit(), ...options })).toThrow(message);
  });

  it("accepts Probot's octokit (with retry and throttling turned off)", async () => {
    const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      throttle: { ...(options.throttle as object), enabled: false },
      retry: { enabled: false },
    }));
    const octokit = new TestOctokit({ auth: { token: "test-token" } });
    const host = createGithubHost({ octokit, owner: "acme", repo: "widgets", botLogin: "specwright[bot]" });
    const scope = nock(API).get(REPO).reply(200, { default_branch: "main" });
    expect(await host.getDefaultBranch()).toBe("main");
    expect(scope.isDone()).toBe(true);
  });
});
