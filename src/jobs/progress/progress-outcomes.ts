import type { ProgressState } from "../../core/render/progress-state.js";
import { shortSha } from "../../core/render/format-units.js";
import type { BranchCommit } from "../../ports/git-host.js";
import { describeFailure, type FailureDescription } from "../describe-failure.js";
import { ForeignCommitsError } from "../publish/foreign-commits-error.js";

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

/** How a job blocked by someone else's commits can proceed. */
export interface BlockedCommands {
  /** Replaces the branch with a fresh run (drops their commits), e.g. `/spec regenerate all --force`. */
  forceCommand?: string;
  /** Runs again on top of their commits (nothing dropped), e.g. the `/spec revise` command. */
  againCommand?: string;
}

/**
 * The final state of a job that found someone else's commits on its branch (before it started
 * or pushed while it ran): nothing was overwritten; say whose commits they are and how to proceed.
 */
export function blockedProgress(
  state: ProgressState,
  branch: string,
  foreign: readonly BranchCommit[],
  commands: BlockedCommands,
): ProgressState {
  const named = foreign.slice(0, 5).map((c) => {
    const who = c.authorLogin ?? c.committerLogin ?? "someone";
    const subject = c.message.split("\n")[0] ?? "";
    return `${shortSha(c.sha)} by ${who} ("${subject.slice(0, 80)}")`;
  });
  const more = foreign.length > 5 ? ` and ${foreign.length - 5} more` : "";
  const how = commands.againCommand
    ? "look at their changes first; the command below runs again on top of them (nothing is dropped)."
    : commands.forceCommand
      ? "merge or move those changes first, or use the command below to replace the branch with a fresh run (their commits will be dropped from the branch)."
      : "merge or move those changes first, then push the document again.";
  const command = commands.againCommand ?? commands.forceCommand;
  return {
    ...state,
    finished: true,
    failure: {
      cause:
        `The branch ${branch} has ${foreign.length === 1 ? "a commit" : `${foreign.length} commits`} not made by Specwright: ` +
        `${named.join(", ")}${more}. Specwright never overwrites other people's work, so it did not update the branch. To proceed, ${how}`,
      ...(command ? { retryCommand: command } : {}),
    },
  };
}

/**
 * The final state after anything a job threw: someone else's commits on the branch become the
 * "not overwritten" state with the command that proceeds, anything else the cause in plain words
 * with `retryCommand`.
 */
export function progressAfterError(
  state: ProgressState,
  error: unknown,
  commands: BlockedCommands & { retryCommand?: string | undefined },
): ProgressState {
  if (error instanceof ForeignCommitsError) {
    return blockedProgress(state, error.branch, error.foreign, commands);
  }
  return failedProgress(state, describeFailure(error), commands.retryCommand);
}
