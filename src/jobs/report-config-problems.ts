import type { ConfigProblem } from "../core/errors.js";
import {
  CONFIG_PROBLEMS_MARKER,
  renderConfigProblemsComment,
} from "../core/render/render-config-problems-comment.js";
import { postCommitComment } from "./github/post-commit-comment.js";
import type { JobContext } from "./job-services.js";
import { toHostAnnotations } from "./to-host-annotations.js";

/** Where the problems are reported: a conversation, or (for pushes) the pushed commit. */
export type ConfigProblemsTarget = { issueNumber: number } | { commitSha: string };

/**
 * Reports an unusable `.github/specwright.yml`: a failing "Specwright configuration" check run
 * (an annotation per problem with a line) on the default branch's head or the pushed commit,
 * and a comment listing every problem (file, line, key), edited in place if Specwright already
 * posted one in the conversation. No job runs on a bad config.
 */
export async function reportConfigProblems(
  ctx: JobContext,
  problems: readonly ConfigProblem[],
  target: ConfigProblemsTarget,
): Promise<void> {
  const { host, repo } = ctx;
  const rendered = renderConfigProblemsComment(problems, { branch: repo.defaultBranch });
  const headSha =
    "commitSha" in target ? target.commitSha : (await host.getBranchHead(repo.defaultBranch))?.sha;
  if (headSha !== undefined) {
    await host.createCheckRun({
      name: rendered.checkRun.name,
      headSha,
      status: "completed",
      conclusion: "failure",
      output: {
        title: rendered.checkRun.title,
        summary: rendered.checkRun.summary,
        annotations: toHostAnnotations(rendered.checkRun.annotations),
      },
      externalId: ctx.jobId,
    });
  }
  if ("commitSha" in target) {
    await postCommitComment(ctx.octokit, repo, target.commitSha, rendered.comment);
    return;
  }
  const existing = await host.findComment(target.issueNumber, CONFIG_PROBLEMS_MARKER);
  if (existing) await host.updateComment(existing.id, rendered.comment);
  else await host.createComment(target.issueNumber, rendered.comment);
  ctx.log.warn(
    { problems: problems.length, repository: ctx.full },
    "invalid .github/specwright.yml reported",
  );
}
