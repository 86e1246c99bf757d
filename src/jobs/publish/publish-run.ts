import type { Finding } from "../../core/checks/types.js";
import type { ProgressLinks } from "../../core/render/progress-state.js";
import type { RunResult } from "../../core/run/run-result.js";
import type { CheckRunInfo, PullRequestInfo } from "../../ports/git-host.js";
import type { RepoSnapshot } from "../../ports/repo-snapshot.js";
import type { JobContext } from "../job-services.js";
import type { BranchWriter } from "./create-branch-writer.js";
import { publishReview } from "./publish-review.js";
import { upsertPullRequest } from "./upsert-pull-request.js";

/** Where a published run ended up. */
export interface PublishedRun {
  pr: PullRequestInfo | undefined;
  checkRun: CheckRunInfo | undefined;
  /** The links for the progress comment. */
  links: ProgressLinks;
}

/** The run's findings: the consistency review's plus those on each published spec, each once. */
export function runFindings(result: RunResult): Finding[] {
  const seen = new Map<string, Finding>();
  const published = new Set(result.files.map((f) => f.path));
  const agentFindings = result.agents
    .filter((a) => a.status === "succeeded")
    .flatMap((a) => a.findings)
    .filter((f) => published.has(f.file));
  for (const f of [...result.findings, ...agentFindings]) if (!seen.has(f.id)) seen.set(f.id, f);
  return [...seen.values()];
}

/** The progress comment's links to a pull request and a check run, when there are any. */
export function progressLinks(
  pr: PullRequestInfo | undefined,
  checkRun: CheckRunInfo | undefined,
): ProgressLinks {
  return {
    ...(pr ? { pullRequest: { url: pr.url, number: pr.number } } : {}),
    ...(checkRun?.url ? { checkRun: { url: checkRun.url } } : {}),
  };
}

/**
 * Publishes a finished run: all its files as ONE commit on the writer's branch (after any
 * phase checkpoints), the branch's pull request opened or updated (never a second one), then
 * the review and the "Specwright consistency" check run. `snapshot` is the repository the run
 * read (the default branch): files it lacks are new, so every line of them is in the diff.
 * Nothing is published when the run produced no file and the branch does not exist.
 */
export async function publishRun(
  ctx: JobContext,
  input: {
    writer: BranchWriter;
    result: RunResult;
    snapshot: RepoSnapshot;
    commitMessage: string;
    title: string;
    body: string;
  },
): Promise<PublishedRun> {
  const { writer, result } = input;
  await writer.commit(
    result.files.map((f) => ({ path: f.path, content: f.content })),
    input.commitMessage,
  );
  if (!writer.exists()) return { pr: undefined, checkRun: undefined, links: {} };
  const { pr, existed } = await upsertPullRequest(ctx.host, {
    branch: writer.branch,
    base: ctx.repo.defaultBranch,
    title: input.title,
    body: input.body,
    branchIsNew: !writer.existedBefore,
  });
  const basePaths = new Set((await input.snapshot.listFiles()).map((f) => f.path));
  const checkRun = await publishReview(ctx, {
    pr,
    prExisted: existed,
    commitSha: writer.headSha(),
    findings: runFindings(result),
    files: result.files,
    newPaths: new Set(result.files.map((f) => f.path).filter((p) => !basePaths.has(p))),
  });
  return { pr, checkRun, links: progressLinks(pr, checkRun) };
}
