import { SPECWRIGHT_RUN_TRAILER } from "../../../ports/git-host.js";

/** What the classification looks at. */
export interface CommitIdentity {
  authorLogin: string | undefined;
  authorEmail: string | undefined;
  committerLogin: string | undefined;
  committerEmail: string | undefined;
  message: string;
}

/** The app's no-reply email: `<id>+<slug>[bot]@users.noreply.github.com` (or without the id). */
function isBotEmail(email: string | undefined, botLogin: string): boolean {
  if (email === undefined) return false;
  const address = email.toLowerCase();
  const local = `${botLogin.toLowerCase()}@users.noreply.github.com`;
  return address === local || address.endsWith(`+${local}`);
}

function hasRunTrailer(message: string): boolean {
  return new RegExp(`^${SPECWRIGHT_RUN_TRAILER}:\\s*\\S+\\s*$`, "m").test(message);
}

/**
 * True when Specwright made the commit: its committer is the app (login or no-reply email), and
 * its author is the app too or its message carries the `Specwright-Run:` trailer. Amending,
 * rebasing or cherry-picking a Specwright commit makes the person who did it the committer, so
 * such commits count as theirs even though the trailer was copied along.
 */
export function isSpecwrightCommit(commit: CommitIdentity, botLogin: string): boolean {
  const same = (login: string | undefined) =>
    login !== undefined && login.toLowerCase() === botLogin.toLowerCase();
  const committedByApp = same(commit.committerLogin) || isBotEmail(commit.committerEmail, botLogin);
  if (!committedByApp) return false;
  return (
    same(commit.authorLogin) || isBotEmail(commit.authorEmail, botLogin) || hasRunTrailer(commit.message)
  );
}
