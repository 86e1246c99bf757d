import { openGithubSnapshot } from "../../adapters/github/open-github-snapshot.js";
import type { Config } from "../../core/config/config-schema.js";
import type { ProgressState } from "../../core/render/progress-state.js";
import { progressFromRunResult } from "../../core/render/progress-from-run-result.js";
import { renderProgressComment } from "../../core/render/render-progress-comment.js";
import { renderPullRequestBody } from "../../core/render/render-pull-request-body.js";
import type { RepoSnapshot } from "../../ports/repo-snapshot.js";
import { describeFailure } from "../describe-failure.js";
import type { JobContext } from "../job-services.js";
import type { ImplementationTarget } from "../job-targets.js";
import { createProgressReporter } from "../progress/create-progress-reporter.js";
import { blockedProgress, failedProgress } from "../progress/progress-outcomes.js";
import { createBranchWriter } from "../publish/create-branch-writer.js";
import { prepareBranch } from "../publish/prepare-branch.js";
import { publishRun } from "../publish/publish-run.js";
import { requireBranchHead } from "../publish/require-branch-head.js";

/** The discovery document handed to the implementation-spec builder. */
export interface DiscoveryInput {
  /** Where it came from: `issue #12` or a repository path. */
  source: string;
  text: string;
  /** Notes for the PR body, e.g. that some comments were left out. */
  notes: string[];
}

/** One implementation spec to draft. */
export interface ImplementationSpecRun {
  config: Config;
  target: ImplementationTarget;
  /** The spec's title: the issue's title or the document's name. */
  title: string;
  /** Reads the discovery text once the repository is open. */
  discovery: (snapshot: RepoSnapshot) => Promise<DiscoveryInput>;
  /** The issue the spec is for: home of the progress comment and `Refs #N` in the PR. */
  issueNumber: number | undefined;
  /** Without an issue, failures before a PR exists are reported as a check run on this commit. */
  reportCommit?: string;
  trigger: string;
  force: boolean;
  /** The command that retries (shown on failure); `--force` is appended for a blocked branch. */
  retryCommand: string | undefined;
}

/**
 * Drafts one implementation spec:
 * 1. progress comment on the issue (for a document: on its open PR, or on the PR once opened);
 * 2. the default branch's head is the commit the spec describes; the spec branch is checked for
 *    commits not made by Specwright (stop unless forced);
 * 3. the engine writes the spec from the discovery text;
 * 4. the file as one commit on `specwright/spec-<slug>`, PR `Spec: <title>` opened or updated,
 *    review and check run; 5. final progress with links, or the cause and the retry command.
 */
export async function runImplementationSpec(ctx: JobContext, run: ImplementationSpecRun): Promise<void> {
  const { host, repo, services } = ctx;
  const reporter = createProgressReporter({
    host,
    initial: {
      target: run.target.target,
      kind: "implementation",
      title: run.title,
      agents: [],
      finished: false,
    },
    now: services.now,
    intervalMs: services.progressIntervalMs,
    log: ctx.log,
  });
  let home = run.issueNumber ?? (await host.findOpenPullRequest(run.target.branch))?.number;
  if (home !== undefined) await reporter.start(home);
  const finishWith = async (state: ProgressState) => {
    if (home !== undefined) return reporter.finish(state, home);
    if (run.reportCommit === undefined) return;
    await host.createCheckRun({
      name: `Specwright spec: ${run.target.slug}`,
      headSha: run.reportCommit,
      status: "completed",
      conclusion: state.failure ? "failure" : "success",
      output: {
        title: state.failure ? "The spec could not be drafted" : "Spec drafted",
        summary: renderProgressComment(state),
      },
      externalId: ctx.jobId,
    });
  };
  try {
    const base = await requireBranchHead(host, repo.defaultBranch);
    reporter.update((s) => ({ ...s, commit: base.sha, model: run.config.model.name }));
    const plan = await prepareBranch(host, run.target.branch, base, run.force);
    if (!plan.ok) {
      const force = run.retryCommand ? `${run.retryCommand} --force` : undefined;
      await finishWith(blockedProgress(reporter.state(), plan.branch, plan.foreign, force));
      return;
    }
    const engine = services.engine();
    const snapshot = await openGithubSnapshot({
      octokit: ctx.octokit,
      owner: repo.owner,
      repo: repo.repo,
      ref: base.sha,
    });
    const discovery = await run.discovery(snapshot);
    const result = await engine.generateImplementationSpec({
      snapshot,
      config: run.config,
      repoName: repo.repo,
      discovery: { source: discovery.source, title: run.title, text: discovery.text },
      outputPath: run.target.outputPath,
      onProgress: (event) => reporter.onProgress(event),
    });
    const basePaths = new Set((await snapshot.listFiles()).map((f) => f.path));
    const published = await publishRun(ctx, {
      writer: createBranchWriter(host, plan, ctx.jobId),
      result,
      commitMessage: `Spec: ${run.title}`,
      title: `Spec: ${run.title}`,
      body: renderPullRequestBody({
        result,
        target: run.target.target,
        ...(repo.htmlUrl ? { repositoryUrl: repo.htmlUrl } : {}),
        trigger: run.trigger,
        ...(run.issueNumber !== undefined ? { issueNumber: run.issueNumber } : {}),
        notes: discovery.notes,
      }),
      newPaths: new Set(result.files.map((f) => f.path).filter((p) => !basePaths.has(p))),
    });
    home ??= published.pr?.number;
    await finishWith(
      progressFromRunResult(
        result,
        {
          ...(published.pr ? { pullRequest: { url: published.pr.url, number: published.pr.number } } : {}),
          ...(published.checkRun?.url ? { checkRun: { url: published.checkRun.url } } : {}),
        },
        {
          target: run.target.target,
          title: run.title,
          ...(run.retryCommand ? { retryCommand: run.retryCommand } : {}),
        },
      ),
    );
  } catch (error) {
    await finishWith(failedProgress(reporter.state(), describeFailure(error), run.retryCommand));
  }
}
