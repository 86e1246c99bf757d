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
 * GitHub itself as the committer: the `web-flow` account, email `noreply@github.com` (or
 * `noreply@<host>` on GitHub Enterprise Server). It commits what is made through the web
 * interface and GraphQL's `createCommitOnBranch`.
 */
function isGithubCommitter(commit: CommitIdentity): boolean {
  return (
    commit.committerLogin?.toLowerCase() === "web-flow" ||
    /^noreply@[^@\s]+$/i.test(commit.committerEmail ?? "")
  );
}

/**
 * True when Specwright made the commit, in either of the ways it commits:
 * - REST Git Data API: the committer is the app (login or no-reply email), and the author is the
 *   app too or the message carries the `Specwright-Run:` trailer;
 * - GraphQL `createCommitOnBranch`: the author is the app, the committer GitHub (`web-flow`, as
 *   for web commits), and the message carries the trailer. People cannot author as the app on
 *   the web, so a web commit or merge by a person ("Update branch") stays theirs.
 * Amending, rebasing or cherry-picking a Specwright commit makes the person who did it the
 * committer, so such commits count as theirs even though the trailer was copied along.
 */
export function isSpecwrightCommit(commit: CommitIdentity, botLogin: string): boolean {
  const same = (login: string | undefined) =>
    login !== undefined && login.toLowerCase() === botLogin.toLowerCase();
  const authoredByApp = same(commit.authorLogin) || isBotEmail(commit.authorEmail, botLogin);
  if (same(commit.committerLogin) || isBotEmail(commit.committerEmail, botLogin)) {
    return authoredByApp || hasRunTrailer(commit.message);
  }
  return isGithubCommitter(commit) && authoredByApp && hasRunTrailer(commit.message);
}
