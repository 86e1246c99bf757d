import type { Config } from "../../core/config/config-schema.js";
import type { ProgressState } from "../../core/render/progress-state.js";
import { progressFromRunResult } from "../../core/render/progress-from-run-result.js";
import { readRunMetadata } from "../../core/render/pull-request-metadata.js";
import { renderProgressComment } from "../../core/render/render-progress-comment.js";
import { renderPullRequestBody } from "../../core/render/render-pull-request-body.js";
import type { RepoSnapshot } from "../../ports/repo-snapshot.js";
import { openRepoSnapshot } from "../github/open-repo-snapshot.js";
import type { JobContext } from "../job-services.js";
import type { ImplementationTarget } from "../job-targets.js";
import { createJobReporter } from "../progress/create-job-reporter.js";
import { failedProgress, progressAfterError } from "../progress/progress-outcomes.js";
import { publishRun } from "../publish/publish-run.js";
import { openSpecBranch } from "./open-spec-branch.js";

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
  /** Where the discovery text comes from: `issue #12` or the document's path (kept in the PR's run marker). */
  source: string;
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
 *    a document whose spec branch already has an open PR drafted from ANOTHER source (same file
 *    name elsewhere) is refused, so neither overwrites the other;
 * 2. the default branch's head is the commit the spec describes; the spec branch is checked for
 *    commits not made by Specwright (stop unless forced);
 * 3. the engine writes the spec from the discovery text;
 * 4. the file as one commit on top of `specwright/spec-<slug>`, PR `Spec: <title>` opened or
 *    updated, review and check run; 5. final progress with links, or the cause and the retry command.
 */
export async function runImplementationSpec(ctx: JobContext, run: ImplementationSpecRun): Promise<void> {
  const { host, repo, services } = ctx;
  const reporter = createJobReporter(ctx, {
    target: run.target.target,
    kind: "implementation",
    title: run.title,
    agents: [],
    finished: false,
  });
  let home = run.issueNumber;
  const finishWith = async (state: ProgressState) => {
    if (home !== undefined) return reporter.finish(state, home);
    if (run.reportCommit === undefined) return;
    // No conversation to comment in yet: a retry command would have nowhere to go.
    const failure = state.failure && {
      ...state.failure,
      retryCommand: undefined,
      cause: state.failure.retryCommand
        ? `${state.failure.cause} Push the document again to retry.`
        : state.failure.cause,
    };
    await host.createCheckRun({
      name: `Specwright spec: ${run.target.slug}`,
      headSha: run.reportCommit,
      status: "completed",
      conclusion: state.failure ? "failure" : "success",
      output: {
        title: state.failure ? "The spec could not be drafted" : "Spec drafted",
        summary: renderProgressComment({ ...state, ...(failure ? { failure } : {}) }),
      },
      externalId: ctx.jobId,
    });
  };
  try {
    if (home === undefined) {
      const open = await host.findOpenPullRequest(run.target.branch);
      const owner = open ? readRunMetadata(open.body)?.source : undefined;
      if (open && owner !== undefined && owner !== run.source) {
        const cause =
          `The branch ${run.target.branch} already has an open pull request (#${open.number}) drafted from ${owner}; ` +
          `${run.source} has the same name, so it would write the same branch and spec file. ` +
          `Specwright left #${open.number} alone. Rename this document (its file name names the spec), or merge or close #${open.number} first.`;
        await finishWith(failedProgress(reporter.state(), { cause, details: [] }, undefined));
        return;
      }
      home = open?.number;
    }
    if (home !== undefined) await reporter.start(home);
    const { base, writer } = await openSpecBranch(ctx, reporter, {
      branch: run.target.branch,
      force: run.force,
      model: run.config.model.name,
    });
    const engine = services.engine();
    const snapshot = await openRepoSnapshot(ctx, base.sha);
    const discovery = await run.discovery(snapshot);
    const result = await engine.generateImplementationSpec({
      snapshot,
      config: run.config,
      repoName: repo.repo,
      discovery: { source: discovery.source, title: run.title, text: discovery.text },
      outputPath: run.target.outputPath,
      onProgress: (event) => reporter.onProgress(event),
    });
    const published = await publishRun(ctx, {
      writer,
      result,
      snapshot,
      commitMessage: `Spec: ${run.title}`,
      title: `Spec: ${run.title}`,
      body: renderPullRequestBody({
        result,
        target: run.target.target,
        source: run.source,
        ...(repo.htmlUrl ? { repositoryUrl: repo.htmlUrl } : {}),
        trigger: run.trigger,
        ...(run.issueNumber !== undefined ? { issueNumber: run.issueNumber } : {}),
        notes: discovery.notes,
      }),
    });
    home ??= published.pr?.number;
    await finishWith(
      progressFromRunResult(result, published.links, {
        target: run.target.target,
        title: run.title,
        ...(run.retryCommand ? { retryCommand: run.retryCommand } : {}),
      }),
    );
  } catch (error) {
    // `--force` needs a conversation to be commented in: a document without an open PR has none.
    const force = home !== undefined && run.retryCommand ? `${run.retryCommand} --force` : undefined;
    await finishWith(
      progressAfterError(reporter.state(), error, {
        retryCommand: run.retryCommand,
        ...(force ? { forceCommand: force } : {}),
      }),
    );
  }
}
