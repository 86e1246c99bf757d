import type { BranchCommit, BranchHead, GitHost, RefUpdate } from "../../ports/git-host.js";

/** Where a run's first commit goes, or why it must not be written. */
export type BranchPlan =
  | {
      ok: true;
      branch: string;
      /** Parent of the run's first commit (the default branch's head, or the PR head for revisions). */
      parentSha: string;
      baseTreeSha: string;
      refUpdate: RefUpdate;
      /** The branch existed before the run. */
      existed: boolean;
      /** The branch's head before the run, when it existed. */
      headSha: string | undefined;
    }
  | {
      ok: false;
      branch: string;
      /** Commits on the branch someone other than Specwright made. */
      foreign: BranchCommit[];
    };

/**
 * Plans how a run writes its Specwright branch. A missing branch is created from `base`. An
 * existing one is rebuilt from `base` (a force update: earlier Specwright commits are replaced
 * by this run's) unless it has commits Specwright did not make: then the plan refuses, so a
 * person's work is never overwritten, unless the user asked for `--force`.
 */
export async function prepareBranch(
  host: GitHost,
  branch: string,
  base: BranchHead,
  force: boolean,
): Promise<BranchPlan> {
  const fresh = { ok: true as const, branch, parentSha: base.sha, baseTreeSha: base.treeSha };
  const head = await host.getBranchHead(branch);
  if (head === undefined) return { ...fresh, refUpdate: "create", existed: false, headSha: undefined };
  const existing = { ...fresh, existed: true, headSha: head.sha };
  if (head.sha === base.sha) return { ...existing, refUpdate: "fast-forward" };
  if (force) return { ...existing, refUpdate: "force" };
  const commits = await host.listBranchCommitsSince(branch, base.sha);
  const foreign = commits.filter((c) => !c.madeBySpecwright);
  if (foreign.length > 0) return { ok: false, branch, foreign };
  return { ...existing, refUpdate: "force" };
}
