import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, BOT, makeTestHost, REPO, sha } from "./make-test-host.js";

const BOT_EMAIL = "123456+specwright[bot]@users.noreply.github.com";

function commit(
  id: string,
  who: { author?: string | null; committer?: string | null; authorEmail?: string; committerEmail?: string },
  message: string,
) {
  return {
    sha: sha(id),
    commit: {
      message,
      author: { name: "n", email: who.authorEmail ?? "someone@example.com", date: "2025-01-01T00:00:00Z" },
      committer: {
        name: "n",
        email: who.committerEmail ?? "someone@example.com",
        date: "2025-01-01T00:00:00Z",
      },
    },
    author: who.author ? { login: who.author, type: "User" } : null,
    committer: who.committer ? { login: who.committer, type: "User" } : null,
  };
}

describe("GitHost branches and files", () => {
  it("reads the default branch once per host", async () => {
    const scope = nock(API)
      .get(REPO)
      .once()
      .reply(200, { default_branch: "trunk", full_name: "acme/widgets" });
    const host = makeTestHost();
    expect(await host.getDefaultBranch()).toBe("trunk");
    expect(await host.getDefaultBranch()).toBe("trunk");
    expect(scope.isDone()).toBe(true);
  });

  it("reads a branch head with its tree, and undefined for a missing branch", async () => {
    const scope = nock(API)
      .get(`${REPO}/branches/specwright%2Fspec-login`)
      .reply(200, {
        name: "specwright/spec-login",
        commit: { sha: sha("1"), commit: { tree: { sha: sha("2") } } },
      })
      .get(`${REPO}/branches/specwright%2Fnew`)
      .reply(404, { message: "Branch not found" });
    const host = makeTestHost();
    expect(await host.getBranchHead("specwright/spec-login")).toEqual({ sha: sha("1"), treeSha: sha("2") });
    expect(await host.getBranchHead("specwright/new")).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });

  it("reads several branch heads in ONE GraphQL query, undefined for a missing branch", async () => {
    let sent: { query: string; variables: Record<string, string> } | undefined;
    const scope = nock(API)
      .post("/graphql", (b: { query: string; variables: Record<string, string> }) => {
        sent = b;
        return true;
      })
      .reply(200, {
        data: {
          repository: {
            id: "R_kgDOWidgets",
            b0: { target: { oid: sha("1"), tree: { oid: sha("2") } } },
            b1: null,
          },
        },
      });
    const heads = await makeTestHost().getBranchHeads(["main", "specwright/spec-login"]);
    expect(heads).toEqual([{ sha: sha("1"), treeSha: sha("2") }, undefined]);
    expect(sent?.query).toMatch(/query SpecwrightBranchHeads\(/);
    expect(sent?.query).toContain("b1: ref(qualifiedName: $b1)");
    expect(sent?.variables).toEqual({
      owner: "acme",
      name: "widgets",
      b0: "refs/heads/main",
      b1: "refs/heads/specwright/spec-login",
    });
    expect(scope.isDone()).toBe(true);
  });

  it("reads the branches with REST where GraphQL lacks the fields (once asked, never again)", async () => {
    const scope = nock(API)
      .post("/graphql")
      .once()
      .reply(200, { errors: [{ message: "Field 'ref' doesn't exist on type 'Repository'" }] })
      .get(`${REPO}/branches/main`)
      .twice()
      .reply(200, { commit: { sha: sha("1"), commit: { tree: { sha: sha("2") } } } })
      .get(`${REPO}/branches/specwright%2Fnew`)
      .twice()
      .reply(404, { message: "Branch not found" });
    const host = makeTestHost();
    const expected = [{ sha: sha("1"), treeSha: sha("2") }, undefined];
    expect(await host.getBranchHeads(["main", "specwright/new"])).toEqual(expected);
    expect(await host.getBranchHeads(["main", "specwright/new"])).toEqual(expected);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [
      "a repository the app cannot see",
      {
        data: { repository: null },
        errors: [
          {
            type: "NOT_FOUND",
            path: ["repository"],
            message: "Could not resolve to a Repository with the name 'acme/widgets'.",
          },
        ],
      },
      "not-found",
    ],
    [
      "a branch pointing to something other than a commit",
      { data: { repository: { id: "R_1", b0: { target: { oid: sha("1") } } } } },
      "unexpected-response",
    ],
  ])("reports %s", async (_label, answer, reason) => {
    const scope = nock(API).post("/graphql").reply(200, answer);
    await expect(makeTestHost().getBranchHeads(["main"])).rejects.toMatchObject({ reason });
    expect(scope.isDone()).toBe(true);
  });

  it("refuses a bad branch name before any request, and asks nothing for no branches", async () => {
    const host = makeTestHost();
    expect(await host.getBranchHeads([])).toEqual([]);
    await expect(host.getBranchHeads(["main", "a..b"])).rejects.toMatchObject({ reason: "invalid-request" });
  });

  it("classifies the commits on a branch since a base as Specwright's or someone else's", async () => {
    const trailer = "Add specs\n\nSpecwright-Run: job-3";
    const scope = nock(API)
      .get(`${REPO}/compare/${sha("0")}...specwright%2Fspec-login`)
      .query({ per_page: "100" })
      .reply(200, {
        status: "ahead",
        commits: [
          commit("1", { author: BOT, committer: BOT }, "Add specs"),
          commit("2", { committerEmail: BOT_EMAIL }, trailer),
          commit("3", { author: "alice", committer: "alice" }, "Fix a typo"),
          commit("4", { author: BOT, committer: "alice" }, trailer),
          commit("5", { author: "alice", committer: "web-flow" }, "Merge branch 'main'"),
          commit("6", { committer: BOT }, "Hand-written message without trailer"),
          // Through GraphQL's createCommitOnBranch: the app authors, GitHub commits (as on the web).
          commit("7", { author: BOT, committer: "web-flow", committerEmail: "noreply@github.com" }, trailer),
          commit("8", { authorEmail: BOT_EMAIL, committerEmail: "noreply@github.com" }, trailer),
          commit("9", { author: BOT, committer: "web-flow" }, "Add specs"),
          commit("a", { author: "alice", committer: "web-flow" }, trailer),
        ],
        files: [],
      });
    const commits = await makeTestHost().listBranchCommitsSince("specwright/spec-login", sha("0"));
    expect(commits.map((c) => [c.sha[0], c.madeBySpecwright])).toEqual([
      ["1", true], // created by the app
      ["2", true], // app's no-reply email as committer and the run trailer
      ["3", false], // a human commit
      ["4", false], // a human amended or rebased a Specwright commit: the trailer was copied
      ["5", false], // "Update branch" on GitHub by a human
      ["6", false], // committed by the app's identity but neither authored by it nor marked
      ["7", true], // made through GraphQL: authored by the app, committed by GitHub, marked
      ["8", true], // the same, identified by the emails only
      ["9", false], // authored by the app and committed by GitHub, but not marked
      ["a", false], // a person's web commit that copied the trailer
    ]);
    expect(commits[2]).toEqual({
      sha: sha("3"),
      authorLogin: "alice",
      committerLogin: "alice",
      committerEmail: "someone@example.com",
      message: "Fix a typo",
      madeBySpecwright: false,
    });
    expect(scope.isDone()).toBe(true);
  });

  it("reads a text file, and undefined for a missing one", async () => {
    const text = "concurrency: 2\n# ✓\n";
    const scope = nock(API)
      .get(`${REPO}/contents/.github%2Fspecwright.yml`)
      .query({ ref: "main" })
      .reply(200, {
        type: "file",
        encoding: "base64",
        size: 20,
        content: Buffer.from(text)
          .toString("base64")
          .replace(/(.{10})/g, "$1\n"),
      })
      .get(`${REPO}/contents/.github%2Fmissing.yml`)
      .query({ ref: "main" })
      .reply(404, { message: "Not Found" });
    const host = makeTestHost();
    expect(await host.getFileText(".github/specwright.yml", "main")).toBe(text);
    expect(await host.getFileText(".github/missing.yml", "main")).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });

  it("refuses a file too large for the contents API", async () => {
    const scope = nock(API)
      .get(`${REPO}/contents/big.md`)
      .query({ ref: "main" })
      .reply(200, { type: "file", encoding: "none", size: 5_000_000, content: "" });
    await expect(makeTestHost().getFileText("big.md", "main")).rejects.toMatchObject({
      reason: "invalid-request",
    });
    expect(scope.isDone()).toBe(true);
  });
});
