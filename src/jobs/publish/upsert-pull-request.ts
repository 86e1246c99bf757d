import type { GitHost, PullRequestInfo } from "../../ports/git-host.js";

/**
 * The open pull request of `branch` with this title and body: the existing one is updated (a
 * branch never gets a second PR), otherwise one is opened. 2 requests; 1 for a branch this run
 * created (it cannot have a PR yet; should one appear meanwhile, `createPullRequest` finds and
 * updates it instead of opening another).
 */
export async function upsertPullRequest(
  host: GitHost,
  request: { branch: string; base: string; title: string; body: string; branchIsNew: boolean },
): Promise<{ pr: PullRequestInfo; existed: boolean }> {
  const existing = request.branchIsNew ? undefined : await host.findOpenPullRequest(request.branch);
  if (existing) {
    const pr = await host.updatePullRequest(existing.number, { title: request.title, body: request.body });
    return { pr, existed: true };
  }
  const pr = await host.createPullRequest({
    head: request.branch,
    base: request.base,
    title: request.title,
    body: request.body,
  });
  return { pr, existed: false };
}
