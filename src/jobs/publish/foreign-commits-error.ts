import { SpecwrightError } from "../../core/errors.js";
import type { BranchCommit } from "../../ports/git-host.js";

/**
 * A Specwright branch got commits someone else made (before the run, or pushed while it ran),
 * so the run must not write it. Flows turn it into the "not overwritten" progress state with
 * the command that proceeds (`--force`, or the revision again).
 */
export class ForeignCommitsError extends SpecwrightError {
  override readonly name = "ForeignCommitsError";
  constructor(
    readonly branch: string,
    /** The commits not made by Specwright, oldest first. */
    readonly foreign: readonly BranchCommit[],
  ) {
    super(
      `The branch ${branch} has ${foreign.length === 1 ? "a commit" : `${foreign.length} commits`} not made by Specwright`,
      "Merge or move those changes first, or rerun with --force to replace them.",
    );
  }
}
