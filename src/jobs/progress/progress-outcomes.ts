import type { ProgressState } from "../../core/render/progress-state.js";
import { shortSha } from "../../core/render/format-units.js";
import type { BranchCommit } from "../../ports/git-host.js";
import type { FailureDescription } from "../describe-failure.js";

/** The final state of a job that stopped with an error: the cause in plain words and the retry command. */
export function failedProgress(
  state: ProgressState,
  failure: FailureDescription,
  retryCommand: string | undefined,
): ProgressState {
  return {
    ...state,
    finished: true,
    failure: {
      cause: failure.cause,
      ...(failure.details.length > 0 ? { details: failure.details } : {}),
      ...(retryCommand ? { retryCommand } : {}),
    },
  };
}

/**
 * The final state of a job that found someone else's commits on its branch: nothing was
 * overwritten; say whose commits they are and offer the `--force` command.
 */
export function blockedProgress(
  state: ProgressState,
  branch: string,
  foreign: readonly BranchCommit[],
  forceCommand: string | undefined,
): ProgressState {
  const named = foreign.slice(0, 5).map((c) => {
    const who = c.authorLogin ?? c.committerLogin ?? "someone";
    const subject = c.message.split("\n")[0] ?? "";
    return `${shortSha(c.sha)} by ${who} ("${subject.slice(0, 80)}")`;
  });
  const more = foreign.length > 5 ? ` and ${foreign.length - 5} more` : "";
  const how = forceCommand
    ? "merge or move those changes first, or use the command below to replace the branch with a fresh run (their commits will be dropped from the branch)."
    : "merge or move those changes first, then push the document again.";
  return {
    ...state,
    finished: true,
    failure: {
      cause:
        `The branch ${branch} has ${foreign.length === 1 ? "a commit" : `${foreign.length} commits`} not made by Specwright: ` +
        `${named.join(", ")}${more}. Specwright never overwrites other people's work, so it did not update the branch. To proceed, ${how}`,
      ...(forceCommand ? { retryCommand: forceCommand } : {}),
    },
  };
}
