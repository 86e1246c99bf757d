import { SpecwrightError } from "../../core/errors.js";
import type { BranchHead, GitHost } from "../../ports/git-host.js";

/**
 * The head of a branch that must exist (the default branch, a PR's head), read with
 * `getBranchHead` unless the caller already has the answer (`known`, possibly `undefined`).
 */
export async function requireBranchHead(
  host: GitHost,
  branch: string,
  known?: { head: BranchHead | undefined },
): Promise<BranchHead> {
  const head = known ? known.head : await host.getBranchHead(branch);
  if (head === undefined) {
    throw new SpecwrightError(
      `The branch ${branch} of ${host.repository} does not exist`,
      "Push a commit to it (an empty repository has no branch yet), then run the command again.",
    );
  }
  return head;
}
