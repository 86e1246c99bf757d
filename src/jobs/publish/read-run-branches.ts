import type { BranchHead, GitHost } from "../../ports/git-host.js";
import { requireBranchHead } from "./require-branch-head.js";

/**
 * The heads a spec-writing run starts from, in ONE request: the default branch's (it must
 * exist: the commit the specs describe) and the run branch's (`undefined` when it does not exist
 * yet). Pass `head` to `prepareBranch` as its known head.
 */
export async function readRunBranches(
  host: GitHost,
  defaultBranch: string,
  branch: string,
): Promise<{ base: BranchHead; head: BranchHead | undefined }> {
  const [base, head] = await host.getBranchHeads([defaultBranch, branch]);
  return { base: await requireBranchHead(host, defaultBranch, { head: base }), head };
}
