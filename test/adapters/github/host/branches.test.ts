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
