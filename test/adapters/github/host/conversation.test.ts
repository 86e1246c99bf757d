import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, BOT, makeTestHost, REPO } from "./make-test-host.js";

const MARKER = "<!-- specwright:progress:spec-login -->";

function comment(id: number, login: string, body: string, type = "User") {
  return {
    id,
    body,
    html_url: `https://github.com/acme/widgets/issues/12#issuecomment-${id}`,
    user: { login, type },
    created_at: "2025-03-01T10:00:00Z",
  };
}

describe("GitHost conversation", () => {
  it("findComment follows Link pagination, skips other authors quoting the marker, and stops at the match", async () => {
    const page2 = `${API}/repositories/99/issues/12/comments?per_page=100&page=2`;
    const page3 = `${API}/repositories/99/issues/12/comments?per_page=100&page=3`;
    const scope = nock(API)
      .get(`${REPO}/issues/12/comments`)
      .query({ per_page: "100" })
      .reply(200, [comment(1, "alice", "Please spec this"), comment(2, "mallory", `quoting ${MARKER}`)], {
        Link: `<${page2}>; rel="next", <${page3}>; rel="last"`,
      })
      .get("/repositories/99/issues/12/comments")
      .query({ per_page: "100", page: "2" })
      .reply(
        200,
        [
          comment(3, BOT, `${MARKER}\n## Progress`, "Bot"),
          comment(4, BOT, `${MARKER}\nolder duplicate`, "Bot"),
        ],
        {
          Link: `<${page3}>; rel="next", <${page3}>; rel="last"`,
        },
      );

    const found = await makeTestHost().findComment(12, MARKER);
    expect(found).toMatchObject({
      id: 3,
      isOwn: true,
      authorLogin: BOT,
      authorType: "Bot",
      body: `${MARKER}\n## Progress`,
    });
    expect(scope.isDone()).toBe(true);
  });

  it("findComment returns undefined when no own comment carries the marker", async () => {
    const scope = nock(API)
      .get(`${REPO}/issues/5/comments`)
      .query({ per_page: "100" })
      .reply(200, [
        comment(1, BOT, "another marker <!-- specwright:progress:other -->"),
        comment(2, "bob", MARKER),
      ]);
    expect(await makeTestHost().findComment(5, MARKER)).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });

  it("lists every comment of an issue across pages, including deleted (ghost) authors", async () => {
    const scope = nock(API)
      .get(`${REPO}/issues/12/comments`)
      .query({ per_page: "100" })
      .reply(200, [comment(1, "alice", "first")], {
        link: `<${API}${REPO}/issues/12/comments?per_page=100&page=2>; rel="next"`,
      })
      .get(`${REPO}/issues/12/comments`)
      .query({ per_page: "100", page: "2" })
      .reply(200, [{ ...comment(2, "x", "second"), user: null, body: null }]);
    const comments = await makeTestHost().listIssueComments(12);
    expect(comments.map((c) => [c.id, c.authorLogin, c.body, c.isOwn])).toEqual([
      [1, "alice", "first", false],
      [2, undefined, "", false],
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it("creates and updates comments with credentials redacted", async () => {
    const token = `ghp_${"A1b2".repeat(9)}`;
    const scope = nock(API)
      .post(`${REPO}/issues/12/comments`, { body: `${MARKER}\nfailed with [REDACTED]` })
      .reply(201, comment(77, BOT, "…", "Bot"))
      .patch(`${REPO}/issues/comments/77`, { body: `${MARKER}\ndone` })
      .reply(200, comment(77, BOT, "…", "Bot"));
    const host = makeTestHost();
    const created = await host.createComment(12, `${MARKER}\nfailed with ${token}`);
    const updated = await host.updateComment(77, `${MARKER}\ndone`);
    expect(created).toEqual({ id: 77, url: "https://github.com/acme/widgets/issues/12#issuecomment-77" });
    expect(updated.id).toBe(77);
    expect(scope.isDone()).toBe(true);
  });

  it("redacts the environment's secret values that match no token pattern from posted text", async () => {
    const env = {
      WEBHOOK_SECRET: "hook-plain-secret-9xT4",
      LLM_GATEWAY_KEY: "gw-7Qm2xLp9-plain",
      PATH: "/usr/bin",
    };
    const scope = nock(API)
      .post(`${REPO}/issues/12/comments`, {
        body: `${MARKER}\nthe gateway said [REDACTED] and [REDACTED] (PATH /usr/bin)`,
      })
      .reply(201, comment(78, BOT, "…", "Bot"));
    await makeTestHost(env).createComment(
      12,
      `${MARKER}\nthe gateway said gw-7Qm2xLp9-plain and hook-plain-secret-9xT4 (PATH /usr/bin)`,
    );
    expect(scope.isDone()).toBe(true);
  });

  it("adds reactions to an issue and to a comment", async () => {
    const scope = nock(API)
      .post(`${REPO}/issues/12/reactions`, { content: "eyes" })
      .reply(201, { id: 1, content: "eyes" })
      .post(`${REPO}/issues/comments/77/reactions`, { content: "eyes" })
      .reply(200, { id: 2, content: "eyes" });
    const host = makeTestHost();
    await host.addReaction({ kind: "issue", issueNumber: 12 }, "eyes");
    await host.addReaction({ kind: "comment", commentId: 77 }, "eyes");
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [{ permission: "admin", role_name: "admin" }, "admin"],
    [{ permission: "write", role_name: "maintain" }, "maintain"],
    [{ permission: "write", role_name: "write" }, "write"],
    [{ permission: "read", role_name: "triage" }, "triage"],
    [{ permission: "read", role_name: "read" }, "read"],
    [{ permission: "write", role_name: "security-reviewer" }, "write"],
    [{ permission: "read", role_name: "custom-reader" }, "read"],
    [{ permission: "none", role_name: "" }, "none"],
    [{ permission: "write" }, "write"],
    [{ permission: "something-new" }, "none"],
  ])("maps the permission answer %o to %s", async (answer, expected) => {
    const scope = nock(API)
      .get(`${REPO}/collaborators/octocat/permission`)
      .reply(200, { ...answer, user: { login: "octocat" } });
    expect(await makeTestHost().getPermission("octocat")).toBe(expected);
    expect(scope.isDone()).toBe(true);
  });

  it("treats an unknown user (404) as having no permission", async () => {
    const scope = nock(API)
      .get(`${REPO}/collaborators/ghost-user/permission`)
      .reply(404, { message: "Not Found" });
    expect(await makeTestHost().getPermission("ghost-user")).toBe("none");
    expect(scope.isDone()).toBe(true);
  });

  it("answers none for a login that cannot exist, without a request", async () => {
    expect(await makeTestHost().getPermission("../admin")).toBe("none");
  });
});
