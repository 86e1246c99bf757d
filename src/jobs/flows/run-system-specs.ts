import { openGithubSnapshot } from "../../adapters/github/open-github-snapshot.js";
import type { Config } from "../../core/config/config-schema.js";
import { progressFromRunResult } from "../../core/render/progress-from-run-result.js";
import { renderPullRequestBody } from "../../core/render/render-pull-request-body.js";
import { describeFailure } from "../describe-failure.js";
import type { JobContext } from "../job-services.js";
import { SYSTEM_SPECS_BRANCH, SYSTEM_SPECS_TARGET } from "../job-targets.js";
import { createProgressReporter } from "../progress/create-progress-reporter.js";
import { blockedProgress, failedProgress } from "../progress/progress-outcomes.js";
import { createBranchWriter, type BranchWriter } from "../publish/create-branch-writer.js";
import { prepareBranch } from "../publish/prepare-branch.js";
import { publishRun } from "../publish/publish-run.js";
import { requireBranchHead } from "../publish/require-branch-head.js";

/** A `/spec regenerate <names…|all>` run of the system-spec agents. */
export interface SystemSpecsRun {
  config: Config;
  names: string[];
  withDependents: boolean;
  force: boolean;
  /** The issue or PR where the command was given: home of the progress comment. */
  issueNumber: number;
  sender: string;
}

/**
 * Regenerates system specs:
 * 1. one progress comment for the `system-specs` target in the conversation (edited in place);
 * 2. the default branch's head is the commit the specs describe;
 * 3. `specwright/system-specs` is checked for commits not made by Specwright (stop unless `--force`);
 * 4. the engine runs the selected agents phase by phase, then the review; with `all`, every
 *    settled phase is committed as a checkpoint so a later failure keeps earlier work;
 * 5. all files as one commit, the PR opened or updated, the review and check run posted;
 * 6. the progress comment's final state, with the retry command for failed agents.
 */
export async function runSystemSpecs(ctx: JobContext, run: SystemSpecsRun): Promise<void> {
  const { host, repo, services } = ctx;
  const command = `/spec regenerate ${run.names.join(" ")}${run.withDependents ? " --with-dependents" : ""}`;
  const reporter = createProgressReporter({
    host,
    initial: { target: SYSTEM_SPECS_TARGET, kind: "system", title: command, agents: [], finished: false },
    now: services.now,
    intervalMs: services.progressIntervalMs,
    log: ctx.log,
  });
  await reporter.start(run.issueNumber);
  let writer: BranchWriter | undefined;
  try {
    const base = await requireBranchHead(host, repo.defaultBranch);
    reporter.update((s) => ({ ...s, commit: base.sha, model: run.config.model.name }));
    const plan = await prepareBranch(host, SYSTEM_SPECS_BRANCH, base, run.force);
    if (!plan.ok) {
      await reporter.finish(
        blockedProgress(reporter.state(), plan.branch, plan.foreign, `${command} --force`),
      );
      return;
    }
    const engine = services.engine();
    const snapshot = await openGithubSnapshot({
      octokit: ctx.octokit,
      owner: repo.owner,
      repo: repo.repo,
      ref: base.sha,
    });
    writer = createBranchWriter(host, plan, ctx.jobId);
    const checkpoint = async (phase: number, files: readonly { path: string; content: string }[]) => {
      try {
        await writer?.commit(
          files.map((f) => ({ path: f.path, content: f.content })),
          `Specwright: system specs, phase ${phase} checkpoint`,
        );
      } catch (error) {
        ctx.log.warn(
          { phase, error: describeFailure(error).cause },
          "phase checkpoint could not be committed",
        );
      }
    };
    const result = await engine.generateSystemSpecs({
      snapshot,
      config: run.config,
      repoName: repo.repo,
      selection: { names: run.names, withDependents: run.withDependents },
      review: true,
      onProgress: (event) => reporter.onProgress(event),
      ...(run.names.includes("all") ? { onPhaseSettled: checkpoint } : {}),
    });
    const basePaths = new Set((await snapshot.listFiles()).map((f) => f.path));
    const published = await publishRun(ctx, {
      writer: writer,
      result,
      commitMessage: `Specwright: regenerate system specs (${run.names.join(", ")})`,
      title: "Specwright: system specs",
      body: renderPullRequestBody({
        result,
        target: SYSTEM_SPECS_TARGET,
        ...(repo.htmlUrl ? { repositoryUrl: repo.htmlUrl } : {}),
        trigger: `@${run.sender} commented \`${command}\` in #${run.issueNumber}`,
      }),
      newPaths: new Set(result.files.map((f) => f.path).filter((p) => !basePaths.has(p))),
    });
    await reporter.finish(
      progressFromRunResult(
        result,
        {
          ...(published.pr ? { pullRequest: { url: published.pr.url, number: published.pr.number } } : {}),
          ...(published.checkRun?.url ? { checkRun: { url: published.checkRun.url } } : {}),
        },
        { target: SYSTEM_SPECS_TARGET, title: command },
      ),
    );
  } catch (error) {
    const failure = describeFailure(error);
    if (writer !== undefined && writer.commits() > 0) {
      failure.cause += ` The phases finished before the failure are committed on ${SYSTEM_SPECS_BRANCH}.`;
    }
    await reporter.finish(failedProgress(reporter.state(), failure, command));
  }
}
