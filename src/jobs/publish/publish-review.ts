import type { Finding } from "../../core/checks/types.js";
import { parseFindingMarkers } from "../../core/render/finding-markers.js";
import { planReviewCommentUpdates } from "../../core/render/plan-review-comment-updates.js";
import { renderCheckRun } from "../../core/render/render-check-run.js";
import { renderReview, type ReviewFile } from "../../core/render/render-review.js";
import { GitHostError, type CheckRunInfo, type PullRequestInfo } from "../../ports/git-host.js";
import { listPullRequestLines } from "../github/list-pull-request-lines.js";
import type { JobContext } from "../job-services.js";
import { toHostAnnotations } from "../to-host-annotations.js";

/** What the review is about: the PR, its new head, the findings and the spec files it changed. */
export interface PublishReviewInput {
  pr: PullRequestInfo | undefined;
  /** The PR existed before this run (earlier finding comments may need updating). */
  prExisted: boolean;
  /** The commit the findings are for (the PR's new head). */
  commitSha: string;
  findings: readonly Finding[];
  /** Spec files of the run with their content at `commitSha`. */
  files: readonly { path: string; content: string }[];
  /** Paths that did not exist on the base branch (every line of them is in the diff). */
  newPaths: ReadonlySet<string>;
  /** The PR's diff lines per file, when the caller already read them. */
  diffLines?: ReadonlyMap<string, ReadonlySet<number>>;
}

/**
 * Publishes the consistency findings of a run:
 * 1. on a PR that existed, Specwright's earlier line comments are matched to the findings by
 *    their stable id: changed ones are edited, gone ones marked resolved (no new comments for them);
 * 2. a review (summary by category + line comments for new findings on lines of the diff) is
 *    posted on a new PR, or on an old one when there are new line comments; if GitHub refuses a
 *    line, the review is posted again with every finding in its body only;
 * 3. a completed "Specwright consistency" check run with an annotation per finding with a line.
 */
export async function publishReview(ctx: JobContext, input: PublishReviewInput): Promise<CheckRunInfo> {
  const { host } = ctx;
  const { pr, commitSha, findings } = input;
  if (pr) {
    const existing = input.prExisted
      ? (await host.listReviewComments(pr.number)).filter((c) => c.isOwn && c.inReplyToId === undefined)
      : [];
    const plan = planReviewCommentUpdates(existing, findings, commitSha);
    for (const edit of [...plan.update, ...plan.resolve])
      await host.updateReviewComment(edit.commentId, edit.body);

    const changedBefore = input.files.filter((f) => !input.newPaths.has(f.path));
    const diffLines =
      input.diffLines ??
      (changedBefore.length > 0 ? await listPullRequestLines(ctx.octokit, ctx.repo, pr.number) : undefined);
    const files: ReviewFile[] = input.files.map((f) => ({
      path: f.path,
      lines: f.content.split("\n"),
      ...(input.newPaths.has(f.path) ? {} : { commentableLines: diffLines?.get(f.path) ?? [] }),
    }));
    const review = renderReview(findings, files, {
      commit: commitSha,
      alreadyCommented: existing.flatMap((c) => parseFindingMarkers(c.body)),
    });
    if (!input.prExisted || review.comments.length > 0) {
      const request = {
        pullNumber: pr.number,
        commitId: commitSha,
        body: review.body,
        event: "COMMENT" as const,
      };
      try {
        await host.createReview({ ...request, comments: review.comments });
      } catch (error) {
        if (!(error instanceof GitHostError && error.reason === "validation") || review.comments.length === 0)
          throw error;
        ctx.log.warn(
          { error: error.message },
          "GitHub refused a review line; posting the review without line comments",
        );
        await host.createReview({ ...request, comments: [] });
      }
    }
  }
  const check = renderCheckRun(findings, { commit: commitSha });
  return host.createCheckRun({
    name: check.name,
    headSha: commitSha,
    status: "completed",
    conclusion: check.conclusion,
    output: { title: check.title, summary: check.summary, annotations: toHostAnnotations(check.annotations) },
    externalId: ctx.jobId,
    ...(pr ? { detailsUrl: pr.url } : {}),
  });
}
