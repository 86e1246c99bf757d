import type { Finding } from "../../core/checks/types.js";
import type { Config } from "../../core/config/config-schema.js";
import { progressFromRunResult } from "../../core/render/progress-from-run-result.js";
import type { ProgressState } from "../../core/render/progress-state.js";
import type { PullRequestInfo } from "../../ports/git-host.js";
import { checkRepository } from "../../services/check-repository.js";
import type { SpecEngine } from "../../services/spec-engine.js";
import { getPullRequest } from "../github/get-pull-request.js";
import { listPullRequestLines } from "../github/list-pull-request-lines.js";
import { openRepoSnapshot } from "../github/open-repo-snapshot.js";
import type { JobContext } from "../job-services.js";
import { createJobReporter } from "../progress/create-job-reporter.js";
import { progressAfterError } from "../progress/progress-outcomes.js";
import { publishReview } from "../publish/publish-review.js";
import { progressLinks } from "../publish/publish-run.js";
import { requireBranchHead } from "../publish/require-branch-head.js";

const CHECK_TARGET = "check";

function tryEngine(ctx: JobContext): SpecEngine | undefined {
  try {
    return ctx.services.engine();
  } catch {
    return undefined;
  }
}

/**
 * `/spec check`: the consistency review of the pull request's head (or, on an issue, of the
 * default branch) without writing any spec:
 * 1. progress comment; 2. the commit to check; 3. the review through the engine (the LLM pass
 * when the config enables it), or the deterministic checks alone when no model is configured;
 * 4. on a PR, earlier finding comments updated or resolved and new ones posted on the spec lines
 * of its diff; 5. the "Specwright consistency" check run on the commit; 6. final progress.
 */
export async function runCheck(
  ctx: JobContext,
  config: Config,
  issueNumber: number,
  isPullRequest: boolean,
): Promise<void> {
  const { host, repo } = ctx;
  const reporter = createJobReporter(ctx, {
    target: CHECK_TARGET,
    kind: "check",
    agents: [],
    finished: false,
  });
  await reporter.start(issueNumber);
  try {
    let pr: PullRequestInfo | undefined;
    let headSha: string;
    if (isPullRequest) {
      const details = await getPullRequest(ctx.octokit, repo, issueNumber);
      headSha = details.head.sha;
      pr = {
        number: details.number,
        url: details.html_url,
        title: details.title,
        body: details.body,
        headSha,
        headBranch: details.head.ref,
        baseBranch: details.base.ref,
      };
    } else {
      headSha = (await requireBranchHead(host, repo.defaultBranch)).sha;
    }
    reporter.update((s) => ({ ...s, commit: headSha }));
    const snapshot = await openRepoSnapshot(ctx, headSha);
    const engine = tryEngine(ctx);
    let findings: Finding[];
    let state: ProgressState;
    if (engine) {
      const result = await engine.reviewSpecs({
        snapshot,
        config,
        repoName: repo.repo,
        useModel: config.systemSpecs.review.llm,
        onProgress: (event) => reporter.onProgress(event),
      });
      findings = result.findings;
      state = { ...progressFromRunResult(result, {}, { target: CHECK_TARGET }), kind: "check" };
    } else {
      findings = (await checkRepository({ snapshot, config })).findings;
      state = { ...reporter.state(), finished: true };
    }
    const diffLines = pr
      ? await listPullRequestLines(ctx.octokit, repo, pr.number)
      : new Map<string, Set<number>>();
    const files: { path: string; content: string }[] = [];
    for (const path of diffLines.keys()) {
      if (!path.endsWith(".md") || !findings.some((f) => f.file === path)) continue;
      const file = await snapshot.readFile(path);
      if (file.kind === "text") files.push({ path, content: file.text });
    }
    const checkRun = await publishReview(ctx, {
      pr,
      prExisted: true,
      commitSha: headSha,
      findings,
      files,
      newPaths: new Set(),
      diffLines,
    });
    await reporter.finish({
      ...state,
      title: `${findings.length} finding${findings.length === 1 ? "" : "s"}`,
      links: progressLinks(pr, checkRun),
    });
  } catch (error) {
    await reporter.finish(progressAfterError(reporter.state(), error, { retryCommand: "/spec check" }));
  }
}
