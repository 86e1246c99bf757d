import type { Config } from "../../core/config/config-schema.js";
import { progressFromRunResult } from "../../core/render/progress-from-run-result.js";
import type { ProgressState } from "../../core/render/progress-state.js";
import { renderPartialPullRequestBody } from "../../core/render/render-partial-pull-request-body.js";
import { renderPullRequestBody } from "../../core/render/render-pull-request-body.js";
import { describeFailure } from "../describe-failure.js";
import type { JobContext } from "../job-services.js";
import { SYSTEM_SPECS_BRANCH, SYSTEM_SPECS_TARGET } from "../job-targets.js";
import { createJobReporter } from "../progress/create-job-reporter.js";
import { progressAfterError } from "../progress/progress-outcomes.js";
import type { BranchWriter } from "../publish/create-branch-writer.js";
import { ForeignCommitsError } from "../publish/foreign-commits-error.js";
import { progressLinks, publishRun } from "../publish/publish-run.js";
import { upsertPullRequest } from "../publish/upsert-pull-request.js";
import { openRunSnapshot } from "./open-run-snapshot.js";
import { openSpecBranch } from "./open-spec-branch.js";

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

const PR_TITLE = "Specwright: system specs";

/**
 * Regenerates system specs:
 * 1. one progress comment for the `system-specs` target in the conversation (edited in place);
 * 2. the default branch's head is the commit the specs describe;
 * 3. `specwright/system-specs` is checked for commits not made by Specwright (stop unless `--force`);
 *    otherwise the run writes on top of it, keeping specs of earlier runs;
 * 4. the engine runs the selected agents phase by phase, then the review; with `all`, every
 *    settled phase but the last is committed as a checkpoint so a later failure keeps earlier
 *    work (the last phase is in the final commit);
 * 5. all files as one commit, the PR opened or updated, the review and check run posted;
 * 6. the progress comment's final state, with the retry command for failed agents. A run that
 *    fails after committing checkpoints still opens (or updates) the PR, saying it stopped partway.
 */
export async function runSystemSpecs(ctx: JobContext, run: SystemSpecsRun): Promise<void> {
  const { repo, services } = ctx;
  const command = `/spec regenerate ${run.names.join(" ")}${run.withDependents ? " --with-dependents" : ""}`;
  const trigger = `@${run.sender} commented \`${command}\` in #${run.issueNumber}`;
  const reporter = createJobReporter(ctx, {
    target: SYSTEM_SPECS_TARGET,
    kind: "system",
    title: command,
    agents: [],
    finished: false,
  });
  await reporter.start(run.issueNumber);
  let writer: BranchWriter | undefined;
  let commit: string | undefined;
  // Someone else's push seen at a checkpoint stops the run: no more model calls for a branch it may not write.
  const stop = new AbortController();
  let blocked: ForeignCommitsError | undefined;
  type Files = readonly { path: string; content: string }[];
  const commitCheckpoint = async (phase: number, files: Files) => {
    try {
      await writer?.commit(
        files.map((f) => ({ path: f.path, content: f.content })),
        `Specwright: system specs, phase ${phase} checkpoint`,
      );
    } catch (error) {
      if (error instanceof ForeignCommitsError) {
        blocked = error;
        stop.abort(error);
        return;
      }
      ctx.log.warn({ phase, error: describeFailure(error).cause }, "phase checkpoint could not be committed");
    }
  };
  // The planned phases are announced ("agent-queued") before any agent runs. The last phase is
  // not committed as a checkpoint: the run's final commit follows and includes it. Only if the
  // run throws before that is it committed on its own (below), so no finished phase is lost.
  let lastPhase = 0;
  let deferred: { phase: number; files: Files } | undefined;
  const checkpoint = async (phase: number, files: Files) => {
    if (lastPhase > 0 && phase >= lastPhase) deferred = { phase, files };
    else await commitCheckpoint(phase, files);
  };
  try {
    const opened = await openSpecBranch(ctx, reporter, {
      branch: SYSTEM_SPECS_BRANCH,
      force: run.force,
      model: run.config.model.name,
    });
    writer = opened.writer;
    commit = opened.base.sha;
    const engine = services.engine();
    // Specs an earlier run committed only on the branch are part of what the agents read.
    const snapshot = await openRunSnapshot(ctx, run.config, opened.base.sha, opened.parentSha);
    const result = await engine.generateSystemSpecs({
      snapshot,
      config: run.config,
      repoName: repo.repo,
      selection: { names: run.names, withDependents: run.withDependents },
      review: true,
      onProgress: (event) => {
        if (event.type === "agent-queued") lastPhase = Math.max(lastPhase, event.phase);
        reporter.onProgress(event);
      },
      signal: stop.signal,
      ...(run.names.includes("all") ? { onPhaseSettled: checkpoint } : {}),
    });
    if (blocked) throw blocked;
    const published = await publishRun(ctx, {
      writer,
      result,
      snapshot,
      commitMessage: `Specwright: regenerate system specs (${run.names.join(", ")})`,
      title: PR_TITLE,
      body: renderPullRequestBody({
        result,
        target: SYSTEM_SPECS_TARGET,
        ...(repo.htmlUrl ? { repositoryUrl: repo.htmlUrl } : {}),
        trigger,
      }),
    });
    await reporter.finish(
      progressFromRunResult(result, published.links, { target: SYSTEM_SPECS_TARGET, title: command }),
    );
  } catch (thrown) {
    const error = blocked ?? thrown;
    let state = progressAfterError(reporter.state(), error, {
      retryCommand: command,
      forceCommand: `${command} --force`,
    });
    if (writer !== undefined && commit !== undefined && !(error instanceof ForeignCommitsError)) {
      if (deferred) await commitCheckpoint(deferred.phase, deferred.files);
      state = await publishPartialRun(ctx, state, { writer, commit, command, trigger });
    }
    await reporter.finish(state);
  }
}

/**
 * After a failure, the phases committed before it are offered for review: the branch's pull
 * request is opened or updated with a body saying the run stopped partway and the command that
 * finishes it, and the progress state links it. Nothing happens when no checkpoint was committed.
 */
async function publishPartialRun(
  ctx: JobContext,
  state: ProgressState,
  run: { writer: BranchWriter; commit: string; command: string; trigger: string },
): Promise<ProgressState> {
  const { writer } = run;
  if (writer.commits() === 0 || !state.failure) return state;
  const failure = {
    ...state.failure,
    cause: `${state.failure.cause} The phases finished before the failure are committed on ${writer.branch}.`,
  };
  try {
    const { pr } = await upsertPullRequest(ctx.host, {
      branch: writer.branch,
      base: ctx.repo.defaultBranch,
      title: PR_TITLE,
      body: renderPartialPullRequestBody({
        target: SYSTEM_SPECS_TARGET,
        kind: "system",
        commit: run.commit,
        ...(ctx.repo.htmlUrl ? { repositoryUrl: ctx.repo.htmlUrl } : {}),
        trigger: run.trigger,
        paths: writer.committedPaths(),
        cause: state.failure.cause,
        retryCommand: state.failure.retryCommand ?? run.command,
      }),
      branchIsNew: !writer.existedBefore,
    });
    return { ...state, failure, links: { ...state.links, ...progressLinks(pr, undefined) } };
  } catch (error) {
    ctx.log.warn({ error: describeFailure(error).cause }, "could not open the pull request of a partial run");
    return { ...state, failure };
  }
}
