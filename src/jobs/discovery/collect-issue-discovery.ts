import { getIssue } from "../github/get-issue.js";
import type { JobContext } from "../job-services.js";
import type { DiscoveryInput } from "../flows/run-implementation-spec.js";
import { cleanUserText } from "./clean-user-text.js";
import { keepWriterComments, leftOutNote } from "./keep-writer-comments.js";
import { stripCommandLines } from "./strip-command-lines.js";

/** Where an issue's discovery text comes from, as PR run markers record it. */
export function issueSource(issueNumber: number): string {
  return `issue #${issueNumber}`;
}

/**
 * The discovery document of an issue, read when the job starts: its title and body, then the
 * comments of people with write access to the repository, oldest first. Comments by others
 * (and by bots) are left out, and the PR body says whose were; `/spec` command lines are
 * dropped from the comments that are kept, the rest of their text stays. All text is cleaned of
 * HTML comments and hidden characters before it reaches the model.
 */
export async function collectIssueDiscovery(ctx: JobContext, issueNumber: number): Promise<DiscoveryInput> {
  const issue = await getIssue(ctx.octokit, ctx.repo, issueNumber);
  const comments = (await ctx.host.listIssueComments(issueNumber)).map((c) => ({
    ...c,
    body: cleanUserText(stripCommandLines(c.body)),
  }));
  const { kept, leftOut } = await keepWriterComments(ctx, comments);
  const discussion = kept.flatMap((comment) => [
    `### Comment by @${comment.authorLogin ?? "someone"} (${comment.createdAt.slice(0, 10)})`,
    "",
    comment.body,
    "",
  ]);
  const title = cleanUserText(issue.title) || `Issue #${issueNumber}`;
  const text = [
    `# ${title}`,
    "",
    cleanUserText(issue.body) || "_The issue has no description._",
    "",
    ...(discussion.length > 0 ? ["## Discussion", "", ...discussion] : []),
  ].join("\n");
  return { source: issueSource(issueNumber), text, notes: leftOutNote(leftOut, "the discovery text") };
}
