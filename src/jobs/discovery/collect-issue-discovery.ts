import { parseSpecCommand } from "../../core/commands/parse-spec-command.js";
import type { IssueComment, RepoPermission } from "../../ports/git-host.js";
import { getIssue } from "../github/get-issue.js";
import type { JobContext } from "../job-services.js";
import type { DiscoveryInput } from "../flows/run-implementation-spec.js";
import { hasWriteAccess } from "../admission/has-write-access.js";
import { cleanUserText } from "./clean-user-text.js";

/** Most distinct commenters whose permission is looked up; comments by further people are left out. */
export const MAX_CHECKED_COMMENTERS = 30;

const isBotComment = (c: IssueComment) =>
  c.isOwn || c.authorType === "Bot" || (c.authorLogin ?? "").toLowerCase().endsWith("[bot]");

/**
 * The discovery document of an issue, read when the job starts: its title and body, then the
 * comments of people with write access to the repository, oldest first. Comments by others
 * (and by bots, and `/spec` commands) are left out, and the PR body says whose were. All text
 * is cleaned of HTML comments and hidden characters before it reaches the model.
 */
export async function collectIssueDiscovery(ctx: JobContext, issueNumber: number): Promise<DiscoveryInput> {
  const issue = await getIssue(ctx.octokit, ctx.repo, issueNumber);
  const comments = (await ctx.host.listIssueComments(issueNumber)).filter(
    (c) => !isBotComment(c) && parseSpecCommand(c.body) === undefined && c.body.trim() !== "",
  );
  const permissions = new Map<string, Promise<RepoPermission>>();
  const permissionOf = (login: string): Promise<RepoPermission> => {
    const key = login.toLowerCase();
    let known = permissions.get(key);
    if (known === undefined) {
      known =
        permissions.size < MAX_CHECKED_COMMENTERS ? ctx.host.getPermission(login) : Promise.resolve("none");
      permissions.set(key, known);
    }
    return known;
  };

  const kept: string[] = [];
  const leftOut = new Set<string>();
  for (const comment of comments) {
    const login = comment.authorLogin;
    if (login === undefined || !hasWriteAccess(await permissionOf(login))) {
      leftOut.add(login ?? "a deleted account");
      continue;
    }
    kept.push(
      `### Comment by @${login} (${comment.createdAt.slice(0, 10)})`,
      "",
      cleanUserText(comment.body),
      "",
    );
  }
  const title = cleanUserText(issue.title) || `Issue #${issueNumber}`;
  const text = [
    `# ${title}`,
    "",
    cleanUserText(issue.body) || "_The issue has no description._",
    "",
    ...(kept.length > 0 ? ["## Discussion", "", ...kept] : []),
  ].join("\n");
  const names = [...leftOut].map((l) => `@${l}`);
  const notes =
    names.length > 0
      ? [
          `Comments by ${names.length === 1 ? "1 person" : `${names.length} people`} without write access to the repository (${names.join(", ")}) were left out of the discovery text.`,
        ]
      : [];
  return { source: `issue #${issueNumber}`, text, notes };
}
