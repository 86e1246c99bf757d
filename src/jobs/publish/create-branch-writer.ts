import type { GitHost, RefUpdate } from "../../ports/git-host.js";

/** Commits a run's files to its branch, one commit per call, each on top of the last. */
export interface BranchWriter {
  readonly branch: string;
  /** The branch existed before this run (so it may already have an open pull request). */
  readonly existedBefore: boolean;
  /**
   * Writes `files` as one commit; returns false when they changed nothing (no commit made). Files
   * identical to this run's previous commit are skipped without any request.
   */
  commit(files: readonly { path: string; content: string }[], message: string): Promise<boolean>;
  /** The branch's head: this run's last commit, or the head it had before (or the plan's parent). */
  headSha(): string;
  /** Whether the branch exists now (it existed before, or this run created it). */
  exists(): boolean;
  /** How many commits this run made. */
  commits(): number;
}

/**
 * A writer for one run on one branch: the first commit moves the branch the way the plan says
 * (create, fast-forward or force); later ones (phase checkpoints, then the final commit)
 * fast-forward on top of the previous commit, reusing its tree so no extra request is needed.
 */
export function createBranchWriter(
  host: GitHost,
  plan: {
    branch: string;
    parentSha: string;
    baseTreeSha: string;
    refUpdate: RefUpdate;
    existed: boolean;
    headSha: string | undefined;
  },
  runId: string,
): BranchWriter {
  let parentSha = plan.parentSha;
  let treeSha = plan.baseTreeSha;
  let refUpdate: RefUpdate = plan.refUpdate;
  let exists = plan.existed;
  let count = 0;
  let head = plan.headSha ?? plan.parentSha;
  let last: Map<string, string> | undefined;
  const unchanged = (files: readonly { path: string; content: string }[]) =>
    last !== undefined && files.every((f) => last?.get(f.path) === f.content);
  return {
    branch: plan.branch,
    existedBefore: plan.existed,
    async commit(files, message) {
      if (files.length === 0 || unchanged(files)) return false;
      const result = await host.commitFiles({
        branch: plan.branch,
        parentSha,
        baseTreeSha: treeSha,
        files,
        message,
        runId,
        refUpdate,
      });
      if (!result.committed) return false;
      parentSha = result.commitSha;
      head = result.commitSha;
      treeSha = result.treeSha;
      refUpdate = "fast-forward";
      exists = true;
      count += 1;
      last = new Map([...(last ?? []), ...files.map((f) => [f.path, f.content] as const)]);
      return true;
    },
    headSha: () => head,
    exists: () => exists,
    commits: () => count,
  };
}
