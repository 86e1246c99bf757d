import { SPECWRIGHT_RUN_TRAILER } from "../ports/git-host.js";
import type { PushCommit } from "./job-payload.js";

const noreply = (botLogin: string) => `${botLogin.toLowerCase()}@users.noreply.github.com`;

/**
 * Whether a pushed commit carries only Specwright's work: authored by the app (login or its
 * no-reply email, as squash and rebase merges of its PRs are), carrying its `Specwright-Run:`
 * trailer, or GitHub's merge commit of one of its `specwright/…` branches. Used only to IGNORE
 * pushes (a merged spec PR must not start new spec jobs), so a human copying these marks only
 * makes Specwright skip their push, never act on it.
 */
export function isSpecwrightPushCommit(commit: PushCommit, botLogin: string): boolean {
  const bot = botLogin.toLowerCase();
  const email = commit.authorEmail?.toLowerCase();
  if (commit.authorLogin?.toLowerCase() === bot) return true;
  if (email !== undefined && (email === noreply(bot) || email.endsWith(`+${noreply(bot)}`))) return true;
  if (new RegExp(`^${SPECWRIGHT_RUN_TRAILER}:\\s*\\S+\\s*$`, "m").test(commit.message)) return true;
  return /^Merge pull request #\d+ from [^\s/]+\/specwright\//.test(commit.message);
}
