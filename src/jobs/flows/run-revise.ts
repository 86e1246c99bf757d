import { SpecwrightError } from "../../core/errors.js";
import { progressFromRunResult } from "../../core/render/progress-from-run-result.js";
import { cleanUserText } from "../discovery/clean-user-text.js";
import { keepWriterComments, leftOutNote } from "../discovery/keep-writer-comments.js";
import { openRepoSnapshot } from "../github/open-repo-snapshot.js";
import type { ReviseJob } from "../job-payload.js";
import type { JobContext } from "../job-services.js";
import { SYSTEM_SPECS_BRANCH, SYSTEM_SPECS_TARGET } from "../job-targets.js";
import { createJobReporter } from "../progress/create-job-reporter.js";
import { progressAfterError } from "../progress/progress-outcomes.js";
import { createBranchWriter } from "../publish/create-branch-writer.js";
import { publishReview } from "../publish/publish-review.js";
import { progressLinks, runFindings } from "../publish/publish-run.js";
import { requireBranchHead } from "../publish/require-branch-head.js";

/**
 * The reviewer's feedback plus the PR's line comments by people with write access, as markdown
 * for the model. Comments by others are left out (like an issue's discussion): `notes` says whose.
 */
async function collectFeedback(ctx: JobContext, job: ReviseJob): Promise<{ text: string; notes: string[] }> {
  const comments = (await ctx.host.listReviewComments(job.conversation.number)).map((c) => ({
    ...c,
    body: cleanUserText(c.body),
  }));
  const { kept, leftOut } = await keepWriterComments(ctx, comments);
  const lines = kept.map(
    (c) =>
      `- \`${c.path}${c.line !== undefined ? `:${c.line}` : ""}\` (@${c.authorLogin ?? "someone"}): ${c.body.replace(/\n+/g, " ")}`,
  );
  const text = [
    `## Feedback from @${job.sender}`,
    "",
    cleanUserText(job.feedback),
    ...(lines.length > 0 ? ["", "## Review comments on the pull request", "", ...lines] : []),
  ].join("\n");
  return { text, notes: leftOutNote(leftOut, "the feedback given to the model") };
}

/** The command that runs this revision again: the spec's name (on a system-spec PR) and the whole feedback. */
export function reviseCommand(job: Pick<ReviseJob, "agent" | "feedback">): string {
  return `/spec revise ${job.agent ? `${job.agent} ` : ""}${job.feedback}`;
}

/**
 * `/spec revise` on a Specwright PR, in the branch's lane:
 * 1. progress comment on the PR (the branch target's comment, edited in place);
 * 2. the branch head and the spec's current text there;
 * 3. the engine reruns the spec's agent with the text, the feedback and the review comments of
 *    people with write access;
 * 4. the result as one new commit on top of the head (never a rewrite, so nobody's commits are
 *    lost; if someone pushes meanwhile, the run stops and says so); 5. findings updated on the PR
 *    and a new check run; 6. final progress.
 */
export async function runRevise(ctx: JobContext, job: ReviseJob): Promise<void> {
  const { host, repo, services } = ctx;
  const target =
    job.headBranch === SYSTEM_SPECS_BRANCH
      ? SYSTEM_SPECS_TARGET
      : job.headBranch.replace(/^specwright\//, "");
  const retry = reviseCommand(job);
  const reporter = createJobReporter(ctx, {
    target,
    kind: "revise",
    title: job.specFile,
    agents: [],
    finished: false,
  });
  await reporter.start(job.conversation.number);
  try {
    const head = await requireBranchHead(host, job.headBranch);
    reporter.update((s) => ({ ...s, commit: head.sha, model: job.config.model.name }));
    const engine = services.engine();
    const snapshot = await openRepoSnapshot(ctx, head.sha);
    const current = await snapshot.readFile(job.specFile);
    if (current.kind !== "text") {
      throw new SpecwrightError(
        `${job.specFile} is not a text file on ${job.headBranch}`,
        "Check that the pull request still contains the spec, then comment `/spec revise` again.",
      );
    }
    const feedback = await collectFeedback(ctx, job);
    if (feedback.notes.length > 0) reporter.update((s) => ({ ...s, notes: feedback.notes }));
    const result = await engine.reviseSpec({
      snapshot,
      config: job.config,
      repoName: repo.repo,
      specFile: job.specFile,
      currentText: current.text,
      feedback: feedback.text,
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
      ...progressFromRunResult(result, progressLinks(pr, checkRun), {
        target,
        title: job.specFile,
        retryCommand: retry,
        notes: feedback.notes,
      }),
      kind: "revise",
    });
  } catch (error) {
    await reporter.finish(
      progressAfterError(reporter.state(), error, { retryCommand: retry, againCommand: retry }),
    );
  }
}
