import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, BOT, makeTestHost, REPO, sha } from "./make-test-host.js";

function pull(number: number, body: string | null = "Adds specs/login.md") {
  return {
    number,
    html_url: `https://github.com/acme/widgets/pull/${number}`,
    title: "Spec: Login",
    body,
    state: "open",
    head: { sha: sha("1"), ref: "specwright/spec-login", label: "acme:specwright/spec-login" },
    base: { ref: "main", sha: sha("2") },
  };
}

const INFO = {
  number: 31,
  url: "https://github.com/acme/widgets/pull/31",
  title: "Spec: Login",
  body: "Adds specs/login.md",
  headSha: sha("1"),
  headBranch: "specwright/spec-login",
  baseBranch: "main",
};

describe("GitHost pull requests", () => {
  it("finds the open pull request of a head branch, or none", async () => {
    const scope = nock(API)
      .get(`${REPO}/pulls`)
      .query({ state: "open", head: "acme:specwright/spec-login", per_page: "10" })
      .reply(200, [pull(31)])
      .get(`${REPO}/pulls`)
      .query({ state: "open", head: "acme:specwright/spec-other", per_page: "10" })
      .reply(200, []);
    const host = makeTestHost();
    expect(await host.findOpenPullRequest("specwright/spec-login")).toEqual(INFO);
    expect(await host.findOpenPullRequest("specwright/spec-other")).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });

  it("creates a draft pull request", async () => {
    const scope = nock(API)
      .post(`${REPO}/pulls`, {
        head: "specwright/spec-login",
        base: "main",
        title: "Spec: Login",
        body: "Adds specs/login.md",
        draft: true,
      })
      .reply(201, pull(31));
    const created = await makeTestHost().createPullRequest({
      head: "specwright/spec-login",
      base: "main",
      title: "Spec: Login",
      body: "Adds specs/login.md",
      draft: true,
    });
    expect(created).toEqual(INFO);
    expect(scope.isDone()).toBe(true);
  });

  it("updates the existing pull request when another run opened one meanwhile", async () => {
    const scope = nock(API)
      .post(`${REPO}/pulls`)
      .reply(422, {
        message: "Validation Failed",
        errors: [
          {
            resource: "PullRequest",
            code: "custom",
            message: "A pull request already exists for acme:specwright/spec-login.",
          },
        ],
      })
      .get(`${REPO}/pulls`)
      .query({ state: "open", head: "acme:specwright/spec-login", per_page: "10" })
      .reply(200, [pull(31, null)])
      .patch(`${REPO}/pulls/31`, { title: "Spec: Login v2", body: "New body" })
      .reply(200, { ...pull(31, "New body"), title: "Spec: Login v2" });
    const result = await makeTestHost().createPullRequest({
      head: "specwright/spec-login",
      base: "main",
      title: "Spec: Login v2",
      body: "New body",
    });
    expect(result).toMatchObject({ number: 31, title: "Spec: Login v2", body: "New body" });
    expect(scope.isDone()).toBe(true);
  });

  it("updates only what is given", async () => {
    const scope = nock(API)
      .patch(`${REPO}/pulls/31`, { body: "Only the body" })
      .reply(200, pull(31, "Only the body"));
    const result = await makeTestHost().updatePullRequest(31, { body: "Only the body" });
    expect(result.body).toBe("Only the body");
    expect(scope.isDone()).toBe(true);
  });

  it("posts a review with line comments on the right side in one request", async () => {
    const scope = nock(API)
      .post(`${REPO}/pulls/31/reviews`, {
        commit_id: sha("1"),
        body: "2 findings",
        event: "COMMENT",
        comments: [
          {
            path: "specs/login.md",
            line: 12,
            side: "RIGHT",
            body: "<!-- specwright:finding:SW-1a2b3c4d -->\nCitation missing",
          },
          {
            path: "specs/login.md",
            line: 30,
            side: "RIGHT",
            start_line: 28,
            start_side: "RIGHT",
            body: "Section empty",
          },
        ],
      })
      .reply(200, { id: 501, html_url: "https://github.com/acme/widgets/pull/31#pullrequestreview-501" });
    const review = await makeTestHost().createReview({
      pullNumber: 31,
      commitId: sha("1"),
      body: "2 findings",
      event: "COMMENT",
      comments: [
        {
          path: "specs/login.md",
          line: 12,
          body: "<!-- specwright:finding:SW-1a2b3c4d -->\nCitation missing",
        },
        { path: "specs/login.md", line: 30, startLine: 28, body: "Section empty" },
      ],
    });
    expect(review).toEqual({ id: 501, url: "https://github.com/acme/widgets/pull/31#pullrequestreview-501" });
    expect(scope.isDone()).toBe(true);
  });

  it("explains a review line outside the diff", async () => {
    const scope = nock(API)
      .post(`${REPO}/pulls/31/reviews`)
      .reply(422, { message: "Unprocessable Entity", errors: ["Line could not be resolved"] });
    await expect(
      makeTestHost().createReview({
        pullNumber: 31,
        commitId: sha("1"),
        body: "x",
        event: "COMMENT",
        comments: [{ path: "specs/login.md", line: 999, body: "x" }],
      }),
    ).rejects.toMatchObject({ reason: "validation", hint: expect.stringMatching(/diff/) });
    expect(scope.isDone()).toBe(true);
  });

  it("lists line comments with bodies and tells its own apart, then updates one", async () => {
    const scope = nock(API)
      .get(`${REPO}/pulls/31/comments`)
      .query({ per_page: "100" })
      .reply(200, [
        {
          id: 9001,
          body: "<!-- specwright:finding:SW-1a2b3c4d -->\nCitation missing",
          path: "specs/login.md",
          line: 12,
          html_url: "https://github.com/acme/widgets/pull/31#discussion_r9001",
          user: { login: BOT, type: "Bot" },
        },
        {
          id: 9002,
          body: "Agreed",
          path: "specs/login.md",
          line: null,
          in_reply_to_id: 9001,
          html_url: "https://github.com/acme/widgets/pull/31#discussion_r9002",
          user: { login: "alice", type: "User" },
        },
      ])
      .patch(`${REPO}/pulls/comments/9001`, { body: "~~Citation missing~~ Resolved" })
      .reply(200, { id: 9001 });
    const host = makeTestHost();
    const comments = await host.listReviewComments(31);
    expect(comments).toEqual([
      {
        id: 9001,
        body: "<!-- specwright:finding:SW-1a2b3c4d -->\nCitation missing",
        path: "specs/login.md",
        line: 12,
        url: "https://github.com/acme/widgets/pull/31#discussion_r9001",
        authorLogin: BOT,
        isOwn: true,
        inReplyToId: undefined,
      },
      expect.objectContaining({ id: 9002, line: undefined, isOwn: false, inReplyToId: 9001 }),
    ]);
    await host.updateReviewComment(9001, "~~Citation missing~~ Resolved");
    expect(scope.isDone()).toBe(true);
  });
});
