import { describe, expect, it } from "vitest";
import { createBranchWriter } from "../../../src/jobs/publish/create-branch-writer.js";
import { prepareBranch } from "../../../src/jobs/publish/prepare-branch.js";
import type { BranchCommit, CommitFilesRequest } from "../../../src/ports/git-host.js";
import { createFakeHost } from "../../helpers/probot-fake-host.js";

const base = { sha: "a".repeat(40), treeSha: "b".repeat(40) };
const head = { sha: "c".repeat(40), treeSha: "d".repeat(40) };
const commit = (madeBySpecwright: boolean): BranchCommit => ({
  sha: (madeBySpecwright ? "e" : "f").repeat(40),
  authorLogin: madeBySpecwright ? "specwright[bot]" : "carol",
  committerLogin: madeBySpecwright ? "specwright[bot]" : "carol",
  committerEmail: undefined,
  message: "m",
  madeBySpecwright,
});

describe("prepareBranch", () => {
  it("creates a missing branch from the base", async () => {
    const host = createFakeHost({ getBranchHead: async () => undefined });
    expect(await prepareBranch(host, "specwright/x", base, false)).toEqual({
      ok: true,
      branch: "specwright/x",
      parentSha: base.sha,
      baseTreeSha: base.treeSha,
      refUpdate: "create",
      existed: false,
      headSha: undefined,
    });
  });

  it("rebuilds a branch holding only Specwright's commits from the base (force)", async () => {
    const host = createFakeHost({
      getBranchHead: async () => head,
      listBranchCommitsSince: async () => [commit(true)],
    });
    expect(await prepareBranch(host, "specwright/x", base, false)).toMatchObject({
      ok: true,
      parentSha: base.sha,
      refUpdate: "force",
      existed: true,
      headSha: head.sha,
    });
  });

  it("refuses a branch with someone else's commit unless forced", async () => {
    const foreign = commit(false);
    const host = createFakeHost({
      getBranchHead: async () => head,
      listBranchCommitsSince: async () => [commit(true), foreign],
    });
    expect(await prepareBranch(host, "specwright/x", base, false)).toEqual({
      ok: false,
      branch: "specwright/x",
      foreign: [foreign],
    });
    const forced = createFakeHost({ getBranchHead: async () => head });
    expect(await prepareBranch(forced, "specwright/x", base, true)).toMatchObject({
      ok: true,
      refUpdate: "force",
    });
    expect(forced.calls.map(([m]) => m)).toEqual(["getBranchHead"]);
  });
});

describe("createBranchWriter", () => {
  it("chains commits on their predecessor, fast-forwards after the first, and skips unchanged files without a request", async () => {
    const requests: CommitFilesRequest[] = [];
    const host = createFakeHost({
      commitFiles: async (request) => {
        requests.push(request);
        const n = requests.length;
        return { commitSha: String(n).repeat(40), treeSha: String(n + 5).repeat(40), committed: true };
      },
    });
    const writer = createBranchWriter(
      host,
      {
        branch: "specwright/x",
        parentSha: base.sha,
        baseTreeSha: base.treeSha,
        refUpdate: "create",
        existed: false,
        headSha: undefined,
      },
      "job-1",
    );
    expect(await writer.commit([{ path: "a.md", content: "A" }], "phase 1")).toBe(true);
    expect(await writer.commit([{ path: "a.md", content: "A" }], "phase 2")).toBe(false);
    expect(
      await writer.commit(
        [
          { path: "a.md", content: "A" },
          { path: "b.md", content: "B" },
        ],
        "final",
      ),
    ).toBe(true);
    expect(await writer.commit([], "nothing")).toBe(false);
    expect(requests.map((r) => [r.parentSha, r.baseTreeSha, r.refUpdate, r.runId])).toEqual([
      [base.sha, base.treeSha, "create", "job-1"],
      ["1".repeat(40), "6".repeat(40), "fast-forward", "job-1"],
    ]);
    expect(writer.headSha()).toBe("2".repeat(40));
    expect(writer.commits()).toBe(2);
    expect(writer.exists()).toBe(true);
    expect(writer.existedBefore).toBe(false);
  });
});
