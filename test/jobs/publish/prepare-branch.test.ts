import { describe, expect, it } from "vitest";
import { createBranchWriter } from "../../../src/jobs/publish/create-branch-writer.js";
import { ForeignCommitsError } from "../../../src/jobs/publish/foreign-commits-error.js";
import { prepareBranch, type BranchPlan } from "../../../src/jobs/publish/prepare-branch.js";
import { readRunBranches } from "../../../src/jobs/publish/read-run-branches.js";
import {
  GitHostError,
  type BranchCommit,
  type CommitFilesRequest,
  type CommitFilesResult,
} from "../../../src/ports/git-host.js";
import { createFakeHost } from "../../helpers/probot-fake-host.js";

const base = { sha: "a".repeat(40), treeSha: "b".repeat(40) };
const head = { sha: "c".repeat(40), treeSha: "d".repeat(40) };
const commit = (
  madeBySpecwright: boolean,
  sha = (madeBySpecwright ? "e" : "f").repeat(40),
): BranchCommit => ({
  sha,
  authorLogin: madeBySpecwright ? "specwright[bot]" : "carol",
  committerLogin: madeBySpecwright ? "specwright[bot]" : "carol",
  committerEmail: undefined,
  message: madeBySpecwright ? "Spec: x\n\nSpecwright-Run: job-1" : "Clarify the spec",
  madeBySpecwright,
});
const notFastForward = () =>
  new GitHostError(
    "Could not update the branch for specwright/x in orbit/books: GitHub refused the request: Update is not a fast forward (HTTP 422)",
    "someone pushed meanwhile",
    "conflict",
    422,
    "Update is not a fast forward",
  );

describe("prepareBranch", () => {
  it("creates a missing branch from the base", async () => {
    const host = createFakeHost({ getBranchHead: async () => undefined });
    expect(await prepareBranch(host, "specwright/x", base, false)).toEqual({
      branch: "specwright/x",
      parentSha: base.sha,
      baseTreeSha: base.treeSha,
      refUpdate: "create",
      existed: false,
      headSha: undefined,
    });
  });

  it("writes on top of a branch holding only Specwright's commits: its head and tree, a fast-forward", async () => {
    const host = createFakeHost({
      getBranchHead: async () => head,
      listBranchCommitsSince: async () => [commit(true)],
    });
    expect(await prepareBranch(host, "specwright/x", base, false)).toEqual({
      branch: "specwright/x",
      parentSha: head.sha,
      baseTreeSha: head.treeSha,
      refUpdate: "fast-forward",
      existed: true,
      headSha: head.sha,
    });
    expect(host.calls).toEqual([
      ["getBranchHead", ["specwright/x"]],
      ["listBranchCommitsSince", ["specwright/x", base.sha]],
    ]);
  });

  it("refuses a branch with someone else's commit, and rebuilds it from the base only with --force", async () => {
    const foreign = commit(false);
    const host = createFakeHost({
      getBranchHead: async () => head,
      listBranchCommitsSince: async () => [commit(true), foreign],
    });
    const refused = await prepareBranch(host, "specwright/x", base, false).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ForeignCommitsError);
    expect(refused).toMatchObject({ branch: "specwright/x", foreign: [foreign] });

    const forced = createFakeHost({ getBranchHead: async () => head });
    expect(await prepareBranch(forced, "specwright/x", base, true)).toMatchObject({
      parentSha: base.sha,
      baseTreeSha: base.treeSha,
      refUpdate: "force",
      headSha: head.sha,
    });
    expect(forced.calls.map(([m]) => m)).toEqual(["getBranchHead"]);
  });

  it.each([
    ["a missing branch", undefined, { refUpdate: "create", parentSha: base.sha, existed: false }],
    ["the branch at the base", base, { refUpdate: "fast-forward", parentSha: base.sha, existed: true }],
  ] as const)(
    "plans from a head the caller already read (%s) without asking again",
    async (_l, known, plan) => {
      const host = createFakeHost();
      expect(await prepareBranch(host, "specwright/x", base, false, { head: known })).toMatchObject(plan);
      expect(host.calls).toEqual([]);
    },
  );
});

describe("readRunBranches", () => {
  it("reads the default branch and the run branch in one call", async () => {
    const host = createFakeHost({ getBranchHeads: async () => [base, head] });
    expect(await readRunBranches(host, "main", "specwright/x")).toEqual({ base, head });
    expect(host.calls).toEqual([["getBranchHeads", [["main", "specwright/x"]]]]);
  });

  it("refuses a default branch that does not exist (an empty repository) with a hint", async () => {
    const host = createFakeHost({ getBranchHeads: async () => [undefined, undefined] });
    await expect(readRunBranches(host, "main", "specwright/x")).rejects.toMatchObject({
      message: "The branch main of orbit/books does not exist",
      hint: expect.stringMatching(/Push a commit/),
    });
  });
});

describe("createBranchWriter", () => {
  const plan = (change: Partial<BranchPlan> = {}): BranchPlan => ({
    branch: "specwright/x",
    parentSha: base.sha,
    baseTreeSha: base.treeSha,
    refUpdate: "create",
    existed: false,
    headSha: undefined,
    ...change,
  });

  it("chains commits on their predecessor, fast-forwards after the first, and skips unchanged files without a request", async () => {
    const requests: CommitFilesRequest[] = [];
    const host = createFakeHost({
      commitFiles: async (request) => {
        requests.push(request);
        const n = requests.length;
        return { commitSha: String(n).repeat(40), treeSha: String(n + 5).repeat(40), committed: true };
      },
    });
    const writer = createBranchWriter(host, plan(), "job-1");
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
    expect(writer.committedPaths()).toEqual(["a.md", "b.md"]);
    expect(writer.exists()).toBe(true);
    expect(writer.existedBefore).toBe(false);
  });

  it("stops when someone pushed while the run worked: the refused fast-forward is never forced", async () => {
    const theirs = { sha: "9".repeat(40), treeSha: "8".repeat(40) };
    const foreign = commit(false, theirs.sha);
    const requests: CommitFilesRequest[] = [];
    const host = createFakeHost({
      commitFiles: async (request) => {
        requests.push(request);
        throw notFastForward();
      },
      getBranchHead: async () => theirs,
      listBranchCommitsSince: async () => [foreign],
    });
    const writer = createBranchWriter(
      host,
      plan({
        parentSha: head.sha,
        baseTreeSha: head.treeSha,
        refUpdate: "fast-forward",
        existed: true,
        headSha: head.sha,
      }),
      "job-1",
    );
    const error = await writer.commit([{ path: "a.md", content: "A" }], "final").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignCommitsError);
    expect(error).toMatchObject({ branch: "specwright/x", foreign: [foreign] });
    // The commits pushed since the head the run started from, and no second attempt.
    expect(host.calls.map(([m, args]) => [m, ...args.filter((a) => typeof a === "string")])).toEqual([
      ["commitFiles"],
      ["getBranchHead", "specwright/x"],
      ["listBranchCommitsSince", "specwright/x", head.sha],
    ]);
    expect(requests.map((r) => r.refUpdate)).toEqual(["fast-forward"]);
    // Later commits (e.g. after a checkpoint) fail at once, without a request.
    await expect(writer.commit([{ path: "b.md", content: "B" }], "again")).rejects.toBe(error);
    expect(host.calls).toHaveLength(3);
  });

  it("retries once on top of the new head when the commits pushed meanwhile are Specwright's", async () => {
    const moved = { sha: "7".repeat(40), treeSha: "6".repeat(40) };
    const requests: CommitFilesRequest[] = [];
    const host = createFakeHost({
      commitFiles: async (request): Promise<CommitFilesResult> => {
        requests.push(request);
        if (requests.length === 1) throw notFastForward();
        return { commitSha: "5".repeat(40), treeSha: "4".repeat(40), committed: true };
      },
      getBranchHead: async () => moved,
      listBranchCommitsSince: async () => [commit(true, moved.sha)],
    });
    const writer = createBranchWriter(
      host,
      plan({
        parentSha: head.sha,
        baseTreeSha: head.treeSha,
        refUpdate: "fast-forward",
        existed: true,
        headSha: head.sha,
      }),
      "job-1",
    );
    expect(await writer.commit([{ path: "a.md", content: "A" }], "final")).toBe(true);
    expect(requests.map((r) => [r.parentSha, r.baseTreeSha, r.refUpdate])).toEqual([
      [head.sha, head.treeSha, "fast-forward"],
      [moved.sha, moved.treeSha, "fast-forward"],
    ]);
    expect(writer.headSha()).toBe("5".repeat(40));
  });

  it("gives up after one retry and rethrows errors that are not a moved branch", async () => {
    const host = createFakeHost({
      commitFiles: async () => {
        throw notFastForward();
      },
      getBranchHead: async () => head,
      listBranchCommitsSince: async () => [],
    });
    const writer = createBranchWriter(host, plan({ refUpdate: "fast-forward", existed: true }), "job-1");
    await expect(writer.commit([{ path: "a.md", content: "A" }], "final")).rejects.toMatchObject({
      reason: "conflict",
    });
    expect(host.calls.filter(([m]) => m === "commitFiles")).toHaveLength(2);

    const down = createFakeHost({
      commitFiles: async () => {
        throw new GitHostError("GitHub failed", "retry", "server", 502);
      },
    });
    const other = createBranchWriter(down, plan(), "job-1");
    await expect(other.commit([{ path: "a.md", content: "A" }], "final")).rejects.toMatchObject({
      reason: "server",
    });
    expect(down.calls.map(([m]) => m)).toEqual(["commitFiles"]);
  });
});
