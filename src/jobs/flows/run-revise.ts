import { openGithubSnapshot } from "../../adapters/github/open-github-snapshot.js";
import { SpecwrightError } from "../../core/errors.js";
import { progressFromRunResult } from "../../core/render/progress-from-run-result.js";
import { describeFailure } from "../describe-failure.js";
import { cleanUserText } from "../discovery/clean-user-text.js";
import type { ReviseJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { SYSTEM_SPECS_BRANCH, SYSTEM_SPECS_TARGET } from "../job-targets.js";
import { createProgressReporter } from "../progress/create-progress-reporter.js";
import { failedProgress } from "../progress/progress-outcomes.js";
import { createBranchWriter } from "../publish/create-branch-writer.js";
import { publishReview } from "../publish/publish-review.js";
import { runFindings } from "../publish/publish-run.js";
import { requireBranchHead } from "../publish/require-branch-head.js";

/** The reviewer's feedback plus the PR's line comments by people (not bots), as markdown for the model. */
async function collectFeedback(ctx: JobContext, job: ReviseJob): Promise<string> {
  const comments = (await ctx.host.listReviewComments(job.conversation.number)).filter(
    (c) => !c.isOwn && !(c.authorLogin ?? "").toLowerCase().endsWith("[bot]") && c.body.trim() !== "",
  );
  const lines = comments.map(
    (c) =>
      `- \`${c.path}${c.line !== undefined ? `:${c.line}` : ""}\` (@${c.authorLogin ?? "someone"}): ${cleanUserText(c.body).replace(/\n+/g, " ")}`,
  );
  return [
    `## Feedback from @${job.sender}`,
    "",
    cleanUserText(job.feedback),
    ...(lines.length > 0 ? ["", "## Review comments on the pull request", "", ...lines] : []),
  ].join("\n");
}

/**
 * `/spec revise` on a Specwright PR, in the branch's lane:
 * 1. progress comment on the PR (the branch target's comment, edited in place);
 * 2. the branch head and the spec's current text there;
 * 3. the engine reruns the spec's agent with the text, the feedback and the PR's review comments;
 * 4. the result as one new commit on top of the head (never a rewrite, so nobody's commits are
 *    lost); 5. findings updated on the PR and a new check run; 6. final progress.
 */
export async function runRevise(ctx: JobContext, job: ReviseJob): Promise<void> {
  const { host, repo, services } = ctx;
  const target =
    job.headBranch === SYSTEM_SPECS_BRANCH
      ? SYSTEM_SPECS_TARGET
      : job.headBranch.replace(/^specwright\//, "");
  const retry = `/spec revise ${job.feedback.split("\n")[0]?.slice(0, 200) ?? ""}`;
  const reporter = createProgressReporter({
    host,
    initial: { target, kind: "revise", title: job.specFile, agents: [], finished: false },
    now: services.now,
    intervalMs: services.progressIntervalMs,
    log: ctx.log,
  });
  await reporter.start(job.conversation.number);
  try {
    const head = await requireBranchHead(host, job.headBranch);
    reporter.update((s) => ({ ...s, commit: head.sha, model: job.config.model.name }));
    const engine = services.engine();
    const snapshot = await openGithubSnapshot({
      octokit: ctx.octokit,
      owner: repo.owner,
      repo: repo.repo,
      ref: head.sha,
    });
    const current = await snapshot.readFile(job.specFile);
    if (current.kind !== "text") {
      throw new SpecwrightError(
        `${job.specFile} is not a text file on ${job.headBranch}`,
        "Check that the pull request still contains the spec, then comment `/spec revise` again.",
      );
    }
    const result = await engine.reviseSpec({
      snapshot,
      config: job.config,
      repoName: repo.repo,
      specFile: job.specFile,
      currentText: current.text,
      feedback: await collectFeedback(ctx, job),
      onProgress: (event) => reporter.onProgress(event),
    });
    const writer = createBranchWriter(
      host,
      {
        branch: job.headBranch,
        parentSha: head.sha,
        baseTreeSha: head.treeSha,
        refUpdate: "fast-forward",
        existed: true,
        headSha: head.sha,
      },
      ctx.jobId,
    );
    await writer.commit(
      result.files.map((f) => ({ path: f.path, content: f.content })),
      `Spec: revise ${job.specFile}`,
    );
    const pr = await host.findOpenPullRequest(job.headBranch);
    const checkRun = await publishReview(ctx, {
      pr,
      prExisted: true,
      commitSha: writer.headSha(),
      findings: runFindings(result),
      files: result.files,
      newPaths: new Set(),
    });
    await reporter.finish({
      ...progressFromRunResult(
        result,
        {
          ...(pr ? { pullRequest: { url: pr.url, number: pr.number } } : {}),
          ...(checkRun.url ? { checkRun: { url: checkRun.url } } : {}),
        },
        { target, title: job.specFile, retryCommand: retry },
      ),
      kind: "revise",
    });
  } catch (error) {
    await reporter.finish(failedProgress(reporter.state(), describeFailure(error), retry));
  }
}
