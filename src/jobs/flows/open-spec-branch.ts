import type { BranchHead } from "../../ports/git-host.js";
import type { JobContext } from "../job-services.js";
import type { ProgressReporter } from "../progress/create-progress-reporter.js";
import { createBranchWriter, type BranchWriter } from "../publish/create-branch-writer.js";
import { prepareBranch } from "../publish/prepare-branch.js";
import { readRunBranches } from "../publish/read-run-branches.js";

/**
 * The first steps of every spec-writing run: the default branch's head (read together with the
 * run branch's, one request) is the commit the specs describe (shown in the progress comment
 * with the model), and the run's branch is planned and opened for writing. Rejects with a
 * `ForeignCommitsError` when the branch holds someone else's commits (unless `force`).
 * `parentSha` is the commit the run builds on: the branch's head, or the base for a new or
 * forced branch.
 */
export async function openSpecBranch(
  ctx: JobContext,
  reporter: ProgressReporter,
  options: { branch: string; force: boolean; model: string },
): Promise<{ base: BranchHead; parentSha: string; writer: BranchWriter }> {
  const { base, head } = await readRunBranches(ctx.host, ctx.repo.defaultBranch, options.branch);
  reporter.update((s) => ({ ...s, commit: base.sha, model: options.model }));
  const plan = await prepareBranch(ctx.host, options.branch, base, options.force, { head });
  return { base, parentSha: plan.parentSha, writer: createBranchWriter(ctx.host, plan, ctx.jobId) };
}
