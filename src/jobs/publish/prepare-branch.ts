import type { BranchHead, GitHost, RefUpdate } from "../../ports/git-host.js";
import { ForeignCommitsError } from "./foreign-commits-error.js";

/** Where a run's first commit goes. */
export interface BranchPlan {
  branch: string;
  /** Parent of the run's first commit: the branch's head, or the base for a new (or forced) branch. */
  parentSha: string;
  /** The tree the run's files are laid over: the parent's tree. */
  baseTreeSha: string;
  refUpdate: RefUpdate;
  /** The branch existed before the run. */
  existed: boolean;
  /** The branch's head before the run, when it existed. */
  headSha: string | undefined;
}

/**
 * Plans how a run writes its Specwright branch (1–2 requests; 1 less when the caller already
 * read the branch's head and passes it as `known.head`):
 * - a missing branch is created from `base`;
 * - an existing one is written ON TOP of its head (a fast-forward, carrying its tree forward), so
 *   earlier runs' specs, phase checkpoints and `/spec revise` commits stay in the pull request, and
 *   GitHub itself refuses the update if someone pushes while the run works;
 * - an existing branch with a commit Specwright did not make is refused with a
 *   `ForeignCommitsError`, so a person's work is never overwritten;
 * - only with `force` (the user's `--force`) is the branch rebuilt from `base`, dropping its commits.
 */
export async function prepareBranch(
  host: GitHost,
  branch: string,
  base: BranchHead,
  force: boolean,
  known?: { head: BranchHead | undefined },
): Promise<BranchPlan> {
  const head = known ? known.head : await host.getBranchHead(branch);
  if (head === undefined) {
    return {
      branch,
      parentSha: base.sha,
      baseTreeSha: base.treeSha,
      refUpdate: "create",
      existed: false,
      headSha: undefined,
    };
  }
  const onHead: BranchPlan = {
    branch,
    parentSha: head.sha,
    baseTreeSha: head.treeSha,
    refUpdate: "fast-forward",
    existed: true,
    headSha: head.sha,
  };
  if (head.sha === base.sha) return onHead;
  if (force) return { ...onHead, parentSha: base.sha, baseTreeSha: base.treeSha, refUpdate: "force" };
  const foreign = (await host.listBranchCommitsSince(branch, base.sha)).filter((c) => !c.madeBySpecwright);
  if (foreign.length > 0) throw new ForeignCommitsError(branch, foreign);
  return onHead;
}
