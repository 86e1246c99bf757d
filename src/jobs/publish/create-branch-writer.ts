import { GitHostError, type GitHost } from "../../ports/git-host.js";
import { ForeignCommitsError } from "./foreign-commits-error.js";
import type { BranchPlan } from "./prepare-branch.js";

type FileWrite = { path: string; content: string };

/** Commits a run's files to its branch, one commit per call, each on top of the last. */
export interface BranchWriter {
  readonly branch: string;
  /** The branch existed before this run (so it may already have an open pull request). */
  readonly existedBefore: boolean;
  /**
   * Writes `files` as one commit; returns false when no commit was made. Files identical to this
   * run's previous commit are skipped without any request (a first commit is made even if its
   * files equal the branch's, see `GitHost.commitFiles`). Rejects with a `ForeignCommitsError`
   * when someone else pushed to the branch meanwhile (and from then on).
   */
  commit(files: readonly FileWrite[], message: string): Promise<boolean>;
  /** The branch's head as this run knows it: its last commit, or the head it found. */
  headSha(): string;
  /** Whether the branch exists now (it existed before, or this run created it). */
  exists(): boolean;
  /** How many commits this run made. */
  commits(): number;
  /** The paths this run committed, in the order first written. */
  committedPaths(): string[];
}

/**
 * A writer for one run on one branch. The first commit moves the branch the way the plan says
 * (create, fast-forward, or force after `--force`); later ones (phase checkpoints, then the final
 * commit) fast-forward on top of the previous commit (1 request each, see `commitFiles`). A
 * commit GitHub refuses as a conflict means the branch moved: the new commits are read, and if
 * any is not Specwright's the run stops (`ForeignCommitsError`); otherwise the commit is made
 * once more on top of the new head.
 */
export function createBranchWriter(host: GitHost, plan: BranchPlan, runId: string): BranchWriter {
  const { branch } = plan;
  let parentSha = plan.parentSha;
  let treeSha = plan.baseTreeSha;
  let refUpdate = plan.refUpdate;
  let exists = plan.existed;
  let head = plan.headSha ?? plan.parentSha;
  let count = 0;
  let blocked: ForeignCommitsError | undefined;
  let last = new Map<string, string>();
  const committed = new Set<string>();

  const write = (files: readonly FileWrite[], message: string) =>
    host.commitFiles({ branch, parentSha, baseTreeSha: treeSha, files, message, runId, refUpdate });

  /** The branch moved since `head`: stop on someone else's commits, else continue from its new head. */
  const catchUp = async (): Promise<void> => {
    const current = await host.getBranchHead(branch);
    if (current === undefined) {
      // Deleted meanwhile (e.g. its pull request was merged): create it again.
      refUpdate = "create";
      exists = false;
      return;
    }
    const since = await host.listBranchCommitsSince(branch, head);
    const foreign = since.filter((c) => !c.madeBySpecwright);
    if (foreign.length > 0) {
      blocked = new ForeignCommitsError(branch, foreign);
      throw blocked;
    }
    parentSha = current.sha;
    treeSha = current.treeSha;
    head = current.sha;
    refUpdate = "fast-forward";
    exists = true;
    last = new Map();
  };

  return {
    branch,
    existedBefore: plan.existed,
    async commit(files, message) {
      if (blocked) throw blocked;
      if (files.length === 0 || files.every((f) => last.get(f.path) === f.content)) return false;
      let result;
      try {
        result = await write(files, message);
      } catch (error) {
        if (!(error instanceof GitHostError && error.reason === "conflict")) throw error;
        await catchUp();
        result = await write(files, message);
      }
      if (!result.committed) return false;
      parentSha = result.commitSha;
      head = result.commitSha;
      treeSha = result.treeSha;
      refUpdate = "fast-forward";
      exists = true;
      count += 1;
      for (const f of files) {
        last.set(f.path, f.content);
        committed.add(f.path);
      }
      return true;
    },
    headSha: () => head,
    exists: () => exists,
    commits: () => count,
    committedPaths: () => [...committed],
  };
}
