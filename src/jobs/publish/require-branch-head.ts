import { SpecwrightError } from "../../core/errors.js";
import type { BranchHead, GitHost } from "../../ports/git-host.js";

/** The head of a branch that must exist (the default branch, a PR's head). */
export async function requireBranchHead(host: GitHost, branch: string): Promise<BranchHead> {
  const head = await host.getBranchHead(branch);
  if (head === undefined) {
    throw new SpecwrightError(
      `The branch ${branch} of ${host.repository} does not exist`,
      "Push a commit to it (an empty repository has no branch yet), then run the command again.",
    );
  }
  return head;
}
